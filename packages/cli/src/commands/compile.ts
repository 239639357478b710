import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { compilePipeline, serializePipelineSpec } from '@ctpipe/compiler';
import { CtpipeError } from '@ctpipe/errors';
import type { PipelineSpec } from '@ctpipe/ir';
import { ctPipeline } from '@ctpipe/pipeline-ct';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { COMMON_FLAGS, localParameters, openWorkspace, type Workspace } from '../workspace.js';

export const compileSpec = {
  name: 'compile',
  summary:
    'compile the CT pipeline to a KFP v2 pipeline.json (the environment’s parameters become its defaults)',
  flags: {
    ...COMMON_FLAGS,
    output: {
      type: 'string',
      short: 'o',
      description: 'where to write pipeline.json',
      default: 'pipeline.json',
    },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

/**
 * The CT pipeline with this environment's parameters as defaults (what Vertex runs when none are given). For a
 * run on this machine (`local`), path parameters are resolved against settings.yaml's folder.
 */
export function compileForEnvironment(ws: Workspace, options: { local?: boolean } = {}): PipelineSpec {
  const vertexRoot = ws.env.vertex?.pipeline_root;
  const parameters = options.local
    ? localParameters(ws)
    : { ...ws.env.parameters, ...(ws.env.vertex?.parameters ?? {}) };
  let spec: PipelineSpec;
  try {
    spec = compilePipeline(ctPipeline(), {
      parameterDefaults: parameters,
      ...(vertexRoot ? { defaultPipelineRoot: vertexRoot } : {}),
    });
  } catch (err) {
    throw asSettingsError(ws, err);
  }
  requireParameters(ws, spec);
  return spec;
}

/** A parameter problem found by the compiler, restated at the settings.yaml key that causes it. */
function asSettingsError(ws: Workspace, err: unknown): unknown {
  if (
    !(err instanceof CtpipeError) ||
    err.code !== 'BAD_CONFIG' ||
    typeof err.details.parameter !== 'string'
  ) {
    return err;
  }
  const key = `environments.${ws.env.name}.parameters.${err.details.parameter}`;
  // The compiler names what it found only for a value of the wrong type; an unknown parameter has no value to show.
  const unknown = err.details.found === undefined;
  return new CtpipeError(
    'BAD_CONFIG',
    unknown
      ? `settings.yaml is invalid: ${key}: the CT pipeline has no such parameter`
      : `settings.yaml is invalid: ${key}: expected ${String(err.details.expected)}, found ${String(err.details.found)}`,
    { details: { file: ws.env.source, path: key, expected: err.details.expected }, cause: err },
  );
}

/** A parameter with neither a pipeline default nor a value in settings.yaml would fail the run at its first task. */
function requireParameters(ws: Workspace, spec: PipelineSpec): void {
  for (const [name, p] of Object.entries(spec.root.inputDefinitions?.parameters ?? {})) {
    if (p.defaultValue !== undefined || p.isOptional) continue;
    const key = `environments.${ws.env.name}.parameters.${name}`;
    throw new CtpipeError(
      'BAD_CONFIG',
      `settings.yaml is invalid: ${key}: missing (the CT pipeline needs it: ${p.description ?? p.parameterType})`,
      { details: { file: ws.env.source, path: key, expected: p.parameterType } },
    );
  }
}

export async function compileCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags } = parseCommand(compileSpec, argv);
  const ws = openWorkspace(flags);
  const spec = compileForEnvironment(ws);
  const file = resolve(flags.output);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, serializePipelineSpec(spec));
  const tasks = Object.keys(spec.root.dag?.tasks ?? {}).length;
  out.write(`wrote ${file} (pipeline ${spec.pipelineInfo.name}, ${tasks} tasks, env ${ws.env.name})\n`);
  return 0;
}
