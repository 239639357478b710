import type { FinalRunState, JsonObject, MetadataStore } from '@ctpipe/metadata';

export interface RecordedOutput {
  key: string;
  uri: string;
  typeTitle?: string;
  metadata?: JsonObject;
}

/** Records a finished run with one task per output, as the runner would have. */
export async function recordRun(
  store: MetadataStore,
  run: { runId: string; pipelineName?: string; state?: FinalRunState; outputs: RecordedOutput[] },
): Promise<void> {
  await store.startRun({
    runId: run.runId,
    pipelineName: run.pipelineName ?? 'ct',
    pipelineSpecDigest: 'sha256:test',
    parameters: {},
    pid: process.pid,
  });
  for (const output of run.outputs) {
    const id = await store.startExecution({
      runId: run.runId,
      taskName: `task-${output.key}`,
      componentName: output.key === 'examples' ? 'extract' : 'validate',
      inputParameters: {},
      inputArtifacts: [],
      pid: process.pid,
    });
    await store.completeExecution(id, {
      outputParameters: {},
      outputArtifacts: [
        {
          key: output.key,
          uri: output.uri,
          typeTitle: output.typeTitle ?? (output.key === 'examples' ? 'system.Dataset' : 'system.Artifact'),
          metadata: output.metadata ?? {},
        },
      ],
    });
  }
  await store.finishRun(run.runId, { state: run.state ?? 'SUCCEEDED' });
}
