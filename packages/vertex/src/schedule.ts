import { CtpipeError } from '@ctpipe/errors';
import type { JsonObject } from '@ctpipe/ir';
import type { protos } from '@google-cloud/aiplatform';
import { vertexCron } from './cron.js';
import { type PipelineJob, pipelineJobToJson } from './pipeline-job.js';
import { locationPath } from './resource-names.js';

export type Schedule = protos.google.cloud.aiplatform.v1.ISchedule;
export type CreateScheduleRequest = protos.google.cloud.aiplatform.v1.ICreateScheduleRequest;

export interface ScheduleOptions {
  project: string;
  region: string;
  displayName: string;
  /** 5-field cron; a `TZ=` prefix is allowed when `timeZone` is not given. */
  cron: string;
  /** IANA zone the cron is read in (default UTC). */
  timeZone?: string;
  /** Runs at once; Vertex skips a tick while this many are running. Default 1. */
  maxConcurrentRunCount?: number;
  /** Stop after this many runs (default: no limit). */
  maxRunCount?: number;
  startTime?: Date;
  endTime?: Date;
  /** The job each tick creates (from `buildPipelineJob`); Vertex gives every run its own id. */
  pipelineJob: PipelineJob;
}

/** The `google.cloud.aiplatform.v1.CreateScheduleRequest` for a recurring pipeline run. */
export function buildSchedule(options: ScheduleOptions): CreateScheduleRequest {
  const parent = locationPath(options.project, options.region);
  const maxConcurrent = positiveInteger('maxConcurrentRunCount', options.maxConcurrentRunCount ?? 1);
  const schedule: Schedule = {
    displayName: options.displayName,
    cron: vertexCron(options.cron, options.timeZone),
    maxConcurrentRunCount: maxConcurrent,
  };
  if (options.maxRunCount !== undefined)
    schedule.maxRunCount = positiveInteger('maxRunCount', options.maxRunCount);
  if (options.startTime) schedule.startTime = timestamp('startTime', options.startTime);
  if (options.endTime) schedule.endTime = timestamp('endTime', options.endTime);
  if (options.startTime && options.endTime && options.endTime <= options.startTime) {
    throw new CtpipeError('BAD_INPUT', 'the schedule ends before it starts', {
      details: {
        expected: `an end time after ${options.startTime.toISOString()}`,
        found: options.endTime.toISOString(),
      },
    });
  }
  schedule.createPipelineJobRequest = { parent, pipelineJob: options.pipelineJob };
  return { parent, schedule };
}

/** The request in proto3 JSON (REST form) for `--dry-run` output. */
export function scheduleRequestToJson(request: CreateScheduleRequest): JsonObject {
  const schedule = request.schedule ?? {};
  const json: JsonObject = { ...(structuredClone(schedule) as unknown as JsonObject) };
  for (const key of ['startTime', 'endTime'] as const) {
    const t = schedule[key];
    if (t) json[key] = new Date(Number(t.seconds) * 1000 + (t.nanos ?? 0) / 1e6).toISOString();
  }
  const job = schedule.createPipelineJobRequest?.pipelineJob;
  if (job)
    json.createPipelineJobRequest = { parent: request.parent ?? '', pipelineJob: pipelineJobToJson(job) };
  return { parent: request.parent ?? '', schedule: json };
}

function positiveInteger(name: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new CtpipeError('BAD_INPUT', `${name} must be a whole number ≥ 1, got ${n}`, {
      details: { expected: 'an integer ≥ 1', found: String(n) },
    });
  }
  return n;
}

function timestamp(name: string, date: Date): protos.google.protobuf.ITimestamp {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) {
    throw new CtpipeError('BAD_INPUT', `${name} is not a valid date`, {
      details: { expected: 'an ISO 8601 time such as 2026-12-01T00:00:00Z', found: String(date) },
    });
  }
  return { seconds: Math.floor(ms / 1000), nanos: (((ms % 1000) + 1000) % 1000) * 1e6 };
}
