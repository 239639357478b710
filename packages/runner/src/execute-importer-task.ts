import { CtpipeError } from '@ctpipe/errors';
import type { ImporterSpec, JsonObject } from '@ctpipe/ir';
import type { ContainerTaskContext } from './execute-container-task.js';
import type { ResolvedInputs } from './resolve-task-inputs.js';
import type { TaskOutcome } from './runtime-artifact.js';

/** dsl.importer: registers an existing URI as an artifact (output key `artifact`, as KFP names it). */
export async function executeImporterTask(
  path: string,
  importer: ImporterSpec,
  inputs: ResolvedInputs,
  ctx: ContainerTaskContext,
): Promise<TaskOutcome> {
  const uri =
    'constant' in importer.artifactUri
      ? importer.artifactUri.constant
      : inputs.parameters[importer.artifactUri.runtimeParameter];
  if (typeof uri !== 'string' || uri === '') {
    throw new CtpipeError('BAD_CONFIG', `importer '${path}' has no artifact URI`, { details: { path } });
  }
  const metadata: JsonObject = importer.metadata ?? {};
  const id = await ctx.store.startExecution({
    runId: ctx.runId,
    taskName: path,
    componentName: 'importer',
    inputParameters: inputs.parameters,
    inputArtifacts: [],
    pid: process.pid,
  });
  const typeTitle = importer.typeSchema.schemaTitle ?? 'system.Artifact';
  const registered = await ctx.store.completeExecution(id, {
    outputParameters: {},
    outputArtifacts: [{ key: 'artifact', uri, typeTitle, metadata }],
  });
  const artifactId = registered.outputs[0]?.artifactId;
  ctx.reporter.emit({ type: 'task', task: path, state: 'SUCCEEDED', artifacts: { artifact: uri } });
  return {
    state: 'SUCCEEDED',
    outputParameters: {},
    outputArtifacts: {
      artifact: [{ id: artifactId, name: 'artifact', type: importer.typeSchema, uri, metadata }],
    },
  };
}
