import { CtpipeError } from '@ctpipe/errors';
import { sameJson } from '../internal/same-json.js';
import { Shape } from '../internal/shape.js';
import { checkRawColumns, type RawFeature } from '../spec/check-columns.js';
import { parsePreprocessingSpec } from '../spec/parse-spec.js';
import type { PreprocessingSpec } from '../spec/types.js';
import { graphOutputs } from './outputs.js';
import { parseAnalyzers } from './parse-analyzers.js';
import type { TransformGraph } from './types.js';

export const GRAPH_VERSION = 1;

/**
 * Reads a TransformGraph from JSON text or a parsed value (a graph file, a model's embedded copy) and checks all
 * of it, so apply never meets a missing constant. `source` names the file for messages.
 */
export function parseTransformGraph(json: string | unknown, source = 'transform graph'): TransformGraph {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw new CtpipeError('BAD_INPUT', `${source} is not JSON: ${(err as Error).message}`, {
        details: { file: source },
        cause: err,
      });
    }
  }
  const shape = new Shape('BAD_INPUT', source);
  const o = shape.object(value, '', ['version', 'spec', 'analyzers', 'outputs', 'rawFeatures']);
  if (o.version !== GRAPH_VERSION) {
    throw new CtpipeError(
      'UNSUPPORTED',
      `${source} has version ${String(o.version)}; this reader knows ${GRAPH_VERSION}`,
      {
        details: { file: source, expected: String(GRAPH_VERSION), found: String(o.version) },
      },
    );
  }
  const spec = parsePreprocessingSpec(o.spec, new Shape('BAD_INPUT', `${source}: spec`));
  const analyzers = parseAnalyzers(o.analyzers, spec, shape);
  const rawFeatures = shape.array(o.rawFeatures, 'rawFeatures').map((r, i): RawFeature => {
    const f = shape.object(r, `rawFeatures[${i}]`, ['name', 'type']);
    return {
      name: shape.string(f.name, `rawFeatures[${i}].name`),
      type: shape.oneOf(f.type, `rawFeatures[${i}].type`, ['number', 'string']),
    };
  });
  const signature = rawSignature(spec, rawFeatures);
  if (!signature || !sameJson(signature, rawFeatures)) {
    shape.fail('rawFeatures', 'exactly the columns the spec reads, with the types it needs', rawFeatures);
  }
  // Outputs are derived data: recomputing them catches a graph edited by hand into an inconsistent state.
  const outputs = graphOutputs(spec, analyzers);
  if (!sameJson(JSON.parse(JSON.stringify(outputs)), o.outputs)) {
    shape.fail('outputs', 'the outputs its spec and analyzers imply', o.outputs);
  }
  return { version: GRAPH_VERSION, spec, analyzers, outputs, rawFeatures };
}

function rawSignature(spec: PreprocessingSpec, rawFeatures: RawFeature[]): RawFeature[] | undefined {
  const columns = rawFeatures.map((r) => ({ name: r.name, rawType: r.type, sourceType: r.type }));
  try {
    return checkRawColumns({ features: spec.features }, columns, 'rawFeatures').rawFeatures;
  } catch {
    return undefined;
  }
}

/** The graph as the `transform_graph.json` file holds it. */
export function serializeTransformGraph(graph: TransformGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
