import type { TaskState } from './runtime-artifact.js';

export type LiveTaskState = 'PENDING' | 'RUNNING' | 'RETRYING' | TaskState;

export type RunEvent =
  | { type: 'run-started'; runId: string; pipeline: string; pipelineRoot: string; tasks: string[] }
  | {
      type: 'task';
      task: string;
      state: LiveTaskState;
      attempt?: number;
      durationMs?: number;
      error?: string;
      artifacts?: Record<string, string>;
    }
  | { type: 'progress'; task: string; step: string; done: number; total?: number; unit?: string }
  | { type: 'run-finished'; runId: string; state: 'SUCCEEDED' | 'FAILED' | 'CANCELED'; durationMs: number };

/** Where the runner reports what happens; the CLI picks the TTY view or JSON lines. */
export interface RunReporter {
  emit(event: RunEvent): void;
  close(): void;
}
