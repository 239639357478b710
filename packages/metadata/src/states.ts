/**
 * State vocabularies. Artifact and execution states are ML Metadata's own (`Artifact.State`,
 * `Execution.State`, minus UNKNOWN) so records read the same as in MLMD / Vertex ML Metadata;
 * run states are the KFP run states a user sees in `ctpipe runs`.
 */
export const ARTIFACT_STATES = [
  'PENDING',
  'LIVE',
  'MARKED_FOR_DELETION',
  'DELETED',
  'ABANDONED',
  'REFERENCE',
] as const;
export type ArtifactState = (typeof ARTIFACT_STATES)[number];

export const EXECUTION_STATES = ['NEW', 'RUNNING', 'COMPLETE', 'FAILED', 'CACHED', 'CANCELED'] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

export const RUN_STATES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;
export type RunState = (typeof RUN_STATES)[number];
/** How a run can end; RUNNING is only ever set by startRun. */
export type FinalRunState = Exclude<RunState, 'RUNNING'>;

/** Events follow MLMD's Event.Type; ctpipe records only the two kinds a launcher observes. */
export type EventType = 'INPUT' | 'OUTPUT';

/** The error recorded on executions and runs whose recording process died. */
export const ABANDONED_ERROR = 'abandoned: runner died';

/**
 * A queued run request: PENDING until a worker claims it, CLAIMED while it waits for the pipeline's run lock
 * and launches, STARTED once it has a run id, then DONE or FAILED (the request, not the run: a run that ends
 * FAILED still leaves its request DONE).
 */
export const RUN_REQUEST_STATES = ['PENDING', 'CLAIMED', 'STARTED', 'DONE', 'FAILED'] as const;
export type RunRequestState = (typeof RUN_REQUEST_STATES)[number];
