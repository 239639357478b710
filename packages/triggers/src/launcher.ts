import type { RunRequest } from '@ctpipe/metadata';

export interface LaunchContext {
  /** The run id the request was started under (the lock is held for it); a launcher should use it. */
  runId: string;
}

export interface LaunchResult {
  runId: string;
  /** The run's final state: SUCCEEDED, FAILED, CANCELED (or a launcher's own word). */
  state: string;
  error?: string;
}

/**
 * Starts one queued request and resolves when its run has ended: the CLI's local launcher compiles the pipeline for
 * the environment and calls runPipeline with the request's trigger, reason and parameters; a Vertex launcher
 * submits a PipelineJob and waits for it.
 */
export type Launcher = (request: RunRequest, context: LaunchContext) => Promise<LaunchResult>;
