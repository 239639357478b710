import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { compilePipeline, serializePipelineSpec } from '@ctpipe/compiler';
import type { PipelineSpec } from '@ctpipe/ir';
import { ctPipeline } from '@ctpipe/pipeline-ct';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { COMMON_FLAGS, openWorkspace, type Workspace } from '../workspace.js';

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

/** The CT pipeline with this environment's parameters as defaults (what Vertex runs when none are given). */
export function compileForEnvironment(ws: Workspace): PipelineSpec {
  const vertexRoot = ws.env.vertex?.pipeline_root;
  return compilePipeline(ctPipeline(), {
    parameterDefaults: ws.env.parameters,
    ...(vertexRoot ? { defaultPipelineRoot: vertexRoot } : {}),
  });
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
