import { CtpipeError } from '@ctpipe/errors';
import type { protos } from '@google-cloud/aiplatform';
import type { PipelineJobsClient } from './clients.js';
import type { PipelineJob } from './pipeline-job.js';
import {
  FINAL_PIPELINE_STATES,
  type PipelineStateName,
  pipelineStateName,
  type TaskStateName,
  taskStateName,
} from './task-states.js';
import { ctpipeCodeForGrpc, fromVertexError, isTransient } from './vertex-errors.js';

export type PipelineJobEvent =
  | { type: 'job'; job: string; state: PipelineStateName }
  | {
      type: 'task';
      job: string;
      task: string;
      state: TaskStateName;
      startTime?: string;
      endTime?: string;
      error?: string;
    }
  /** A poll failed with UNAVAILABLE or DEADLINE_EXCEEDED; the next one comes after `delayMs`. */
  | { type: 'retry'; job: string; error: string; delayMs: number };

export interface WaitOptions {
  onUpdate?: (event: PipelineJobEvent) => void;
  /** Stops waiting (the job keeps running on Vertex); the wait rejects with the signal's reason. */
  signal?: AbortSignal;
  /** First pause between polls. Default 5 s. */
  initialDelayMs?: number;
  /** Longest pause. Default 60 s. */
  maxDelayMs?: number;
  /** Each pause is the previous one times this. Default 1.5. */
  factor?: number;
  /** How many transient poll failures in a row are ridden out. Default 10. */
  maxTransientErrors?: number;
  /** Injected in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Polls the job until it succeeds, fails or is cancelled, reporting the job's state and each task's state when
 * they change. Resolves with the succeeded job; a failed job rejects with its error message, mapped to a code.
 */
export async function waitForPipelineJob(
  client: Pick<PipelineJobsClient, 'getPipelineJob'>,
  name: string,
  options: WaitOptions = {},
): Promise<PipelineJob> {
  const {
    onUpdate = () => {},
    signal,
    factor = 1.5,
    maxTransientErrors = 10,
    sleep = abortableSleep,
  } = options;
  const maxDelay = options.maxDelayMs ?? 60_000;
  let delay = options.initialDelayMs ?? 5_000;
  let transientErrors = 0;
  let lastState: PipelineStateName | undefined;
  const taskStates = new Map<string, TaskStateName>();
  const pause = async () => {
    await sleep(delay, signal);
    delay = Math.min(delay * factor, maxDelay);
  };
  for (;;) {
    signal?.throwIfAborted();
    let job: PipelineJob;
    try {
      [job] = await client.getPipelineJob({ name });
      transientErrors = 0;
    } catch (err) {
      if (isTransient(err) && ++transientErrors <= maxTransientErrors) {
        onUpdate({
          type: 'retry',
          job: name,
          error: err instanceof Error ? err.message : String(err),
          delayMs: delay,
        });
        await pause();
        continue;
      }
      return fromVertexError(err, 'getPipelineJob', { job: name });
    }
    for (const detail of job.jobDetail?.taskDetails ?? []) {
      const task = detail.taskName ?? String(detail.taskId ?? '');
      const state = taskStateName(detail.state);
      if (taskStates.get(task) === state) continue;
      taskStates.set(task, state);
      onUpdate({ type: 'task', job: name, task, state, ...taskTimes(detail) });
    }
    const state = pipelineStateName(job.state);
    if (state !== lastState) {
      lastState = state;
      onUpdate({ type: 'job', job: name, state });
    }
    if (state === 'PIPELINE_STATE_SUCCEEDED') return job;
    if (FINAL_PIPELINE_STATES.has(state)) throw jobDidNotSucceed(name, state, job, taskStates);
    await pause();
  }
}

type TaskDetail = protos.google.cloud.aiplatform.v1.IPipelineTaskDetail;

function taskTimes(detail: TaskDetail): { startTime?: string; endTime?: string; error?: string } {
  const out: { startTime?: string; endTime?: string; error?: string } = {};
  const start = isoTime(detail.startTime);
  const end = isoTime(detail.endTime);
  if (start) out.startTime = start;
  if (end) out.endTime = end;
  if (detail.error?.message) out.error = detail.error.message;
  return out;
}

function isoTime(t: protos.google.protobuf.ITimestamp | null | undefined): string | undefined {
  // Seconds arrive as a string (gRPC, longs: String), a number, or a Long.
  if (!t || t.seconds == null) return undefined;
  const seconds = Number(t.seconds.toString());
  return Number.isFinite(seconds) ? new Date(seconds * 1000 + (t.nanos ?? 0) / 1e6).toISOString() : undefined;
}

function jobDidNotSucceed(
  name: string,
  state: PipelineStateName,
  job: PipelineJob,
  tasks: Map<string, TaskStateName>,
): CtpipeError {
  const failed = [...tasks].filter(([, s]) => s === 'FAILED').map(([task]) => task);
  const reason =
    job.error?.message || (state === 'PIPELINE_STATE_CANCELLED' ? 'it was cancelled' : 'no reason given');
  const verb = state === 'PIPELINE_STATE_CANCELLED' ? 'was cancelled' : 'failed';
  // A cancellation came from someone else (CONFLICT); a failure keeps the code of the job's google.rpc.Status.
  const code =
    state === 'PIPELINE_STATE_CANCELLED'
      ? 'CONFLICT'
      : (ctpipeCodeForGrpc(job.error?.code ?? undefined) ?? 'INTERNAL');
  return new CtpipeError(
    code,
    `Vertex AI pipeline job ${verb}: ${reason}${failed.length > 0 ? ` (failed tasks: ${failed.join(', ')})` : ''}`,
    { details: { job: name, state, ...(failed.length > 0 ? { failedTasks: failed.join(', ') } : {}) } },
  );
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
