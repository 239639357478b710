import { checkCycles } from './internal/check-cycles.js';
import { checkHeader } from './internal/check-header.js';
import { checkPlaceholders } from './internal/check-placeholders.js';
import { checkReferences } from './internal/check-references.js';
import { checkResolvers } from './internal/check-resolvers.js';
import { checkMessage } from './internal/check-structure.js';
import type { PipelineSpecProblem } from './internal/problems.js';
import type { PipelineSpec } from './pipeline-spec.js';

export type { PipelineSpecProblem } from './internal/problems.js';

export type PipelineSpecValidation =
  | { ok: true; spec: PipelineSpec }
  | { ok: false; problems: PipelineSpecProblem[] };

/**
 * Checks that parsed pipeline.json is a PipelineSpec of api/v2alpha1/pipeline_spec.proto (every key a
 * field of its message, enum names, oneofs set once, schemaVersion 2.1.0) and that it hangs together:
 * component refs, executor labels, producer tasks and output keys, enclosing inputs, parameters read by
 * conditions, placeholders in containers, resolver queries matching their component's outputs, an acyclic
 * DAG. Reference checks run once the structure is sound.
 */
export function validatePipelineSpec(json: unknown): PipelineSpecValidation {
  const problems: PipelineSpecProblem[] = [];
  checkMessage(json, 'PipelineSpec', '', problems);
  if (problems.length > 0) return { ok: false, problems };
  const spec = json as PipelineSpec;
  checkHeader(spec, problems);
  checkReferences(spec, problems);
  checkCycles(spec, problems);
  checkPlaceholders(spec, problems);
  checkResolvers(spec, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, spec };
}
