import type { ArtifactTypeSchema, JsonObject, JsonValue } from '@ctpipe/ir';

/** An artifact as the runner passes it between tasks: the RuntimeArtifact plus its metadata-store id. */
export interface ArtifactRef {
  id?: number;
  name: string;
  type: ArtifactTypeSchema;
  uri: string;
  metadata: JsonObject;
}

export type TaskState = 'SUCCEEDED' | 'CACHED' | 'FAILED' | 'SKIPPED' | 'NOT_TRIGGERED' | 'UPSTREAM_FAILED';

/** What a finished task (container or sub-DAG) exposes to the tasks after it. */
export interface TaskOutcome {
  state: TaskState;
  outputParameters: Record<string, JsonValue>;
  outputArtifacts: Record<string, ArtifactRef[]>;
  error?: string;
  /** Wall time from the moment its upstream tasks were done (cache lookups and retries included). */
  durationMs?: number;
  /** Set for resolver nodes: their outputs are existing artifacts found in the store, not produced here. */
  resolved?: true;
}

export function isSuccessful(state: TaskState): boolean {
  return state === 'SUCCEEDED' || state === 'CACHED';
}
