// Enum values as names. The gRPC transport returns names, the REST fallback numbers (it asks for numeric enums);
// these tables are google.cloud.aiplatform.v1.PipelineState and PipelineTaskDetail.State, so the protos need not load.
const PIPELINE_STATES = [
  'PIPELINE_STATE_UNSPECIFIED',
  'PIPELINE_STATE_QUEUED',
  'PIPELINE_STATE_PENDING',
  'PIPELINE_STATE_RUNNING',
  'PIPELINE_STATE_SUCCEEDED',
  'PIPELINE_STATE_FAILED',
  'PIPELINE_STATE_CANCELLING',
  'PIPELINE_STATE_CANCELLED',
  'PIPELINE_STATE_PAUSED',
] as const;

const TASK_STATES = [
  'STATE_UNSPECIFIED',
  'PENDING',
  'RUNNING',
  'SUCCEEDED',
  'CANCEL_PENDING',
  'CANCELLING',
  'CANCELLED',
  'FAILED',
  'SKIPPED',
  'NOT_TRIGGERED',
] as const;

export type PipelineStateName = (typeof PIPELINE_STATES)[number];
export type TaskStateName = (typeof TASK_STATES)[number];

export function pipelineStateName(state: string | number | null | undefined): PipelineStateName {
  return nameOf(PIPELINE_STATES, state);
}

export function taskStateName(state: string | number | null | undefined): TaskStateName {
  return nameOf(TASK_STATES, state);
}

function nameOf<T extends string>(names: readonly T[], state: string | number | null | undefined): T {
  if (typeof state === 'number') return names[state] ?? names[0]!;
  return names.find((n) => n === state) ?? names[0]!;
}

/**
 * Where waiting ends. PAUSED is not among them (unlike the Python SDK's wait): a paused job can still go on, and
 * the caller's signal ends the wait if nobody resumes it.
 */
export const FINAL_PIPELINE_STATES: ReadonlySet<PipelineStateName> = new Set([
  'PIPELINE_STATE_SUCCEEDED',
  'PIPELINE_STATE_FAILED',
  'PIPELINE_STATE_CANCELLED',
]);
