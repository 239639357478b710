import { describe, expect, it } from 'vitest';
import type { PipelineJob } from './pipeline-job.js';
import { type PipelineJobEvent, waitForPipelineJob } from './wait.js';

const NAME = 'projects/p/locations/europe-west4/pipelineJobs/ctpipe-ct-20261128030405';

/** Answers getPipelineJob with the next job (or throws the next error) of a script. */
function scriptedClient(script: (PipelineJob | Error)[]) {
  const calls: string[] = [];
  return {
    calls,
    async getPipelineJob(request: { name: string }): Promise<[PipelineJob]> {
      calls.push(request.name);
      const next = script.shift();
      if (!next) throw new Error('script exhausted');
      if (next instanceof Error) throw next;
      return [next];
    },
  };
}

function recorder() {
  const delays: number[] = [];
  const events: PipelineJobEvent[] = [];
  return {
    delays,
    events,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
    onUpdate: (e: PipelineJobEvent) => events.push(e),
  };
}

const ts = (iso: string) => ({ seconds: String(Date.parse(iso) / 1000), nanos: 0 });
const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code });

describe('waitForPipelineJob', () => {
  it('polls with 5 s × 1.5 backoff and reports job and task states when they change', async () => {
    const client = scriptedClient([
      { state: 'PIPELINE_STATE_PENDING' },
      {
        state: 'PIPELINE_STATE_RUNNING',
        jobDetail: {
          taskDetails: [{ taskName: 'extract', state: 'RUNNING', startTime: ts('2026-11-28T03:05:00Z') }],
        },
      },
      {
        state: 'PIPELINE_STATE_RUNNING',
        jobDetail: {
          taskDetails: [{ taskName: 'extract', state: 'RUNNING', startTime: ts('2026-11-28T03:05:00Z') }],
        },
      },
      {
        // numeric enums, as the REST fallback returns them
        state: 4,
        jobDetail: {
          taskDetails: [
            {
              taskName: 'extract',
              state: 3,
              startTime: ts('2026-11-28T03:05:00Z'),
              endTime: ts('2026-11-28T03:06:30Z'),
            },
            { taskName: 'push', state: 9 },
          ],
        },
      },
    ]);
    const r = recorder();
    const job = await waitForPipelineJob(client, NAME, r);
    expect(job.state).toBe(4);
    expect(client.calls).toEqual([NAME, NAME, NAME, NAME]);
    expect(r.delays).toEqual([5000, 7500, 11250]);
    expect(r.events).toEqual([
      { type: 'job', job: NAME, state: 'PIPELINE_STATE_PENDING' },
      { type: 'task', job: NAME, task: 'extract', state: 'RUNNING', startTime: '2026-11-28T03:05:00.000Z' },
      { type: 'job', job: NAME, state: 'PIPELINE_STATE_RUNNING' },
      {
        type: 'task',
        job: NAME,
        task: 'extract',
        state: 'SUCCEEDED',
        startTime: '2026-11-28T03:05:00.000Z',
        endTime: '2026-11-28T03:06:30.000Z',
      },
      { type: 'task', job: NAME, task: 'push', state: 'NOT_TRIGGERED' },
      { type: 'job', job: NAME, state: 'PIPELINE_STATE_SUCCEEDED' },
    ]);
  });

  it('caps the pause at maxDelayMs and keeps polling a PAUSED job', async () => {
    const running = { state: 'PIPELINE_STATE_RUNNING' as const };
    const client = scriptedClient([
      running,
      running,
      { state: 'PIPELINE_STATE_PAUSED' },
      running,
      running,
      running,
      running,
      { state: 'PIPELINE_STATE_SUCCEEDED' },
    ]);
    const r = recorder();
    await waitForPipelineJob(client, NAME, { ...r, initialDelayMs: 10_000, factor: 2 });
    expect(r.delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000, 60_000]);
    expect(r.events.filter((e) => e.type === 'job').map((e) => (e.type === 'job' ? e.state : ''))).toEqual([
      'PIPELINE_STATE_RUNNING',
      'PIPELINE_STATE_PAUSED',
      'PIPELINE_STATE_RUNNING',
      'PIPELINE_STATE_SUCCEEDED',
    ]);
  });

  it('rides out UNAVAILABLE and DEADLINE_EXCEEDED while polling', async () => {
    const client = scriptedClient([
      { state: 'PIPELINE_STATE_RUNNING' },
      grpcError(14, '14 UNAVAILABLE: connection reset'),
      grpcError(4, '4 DEADLINE_EXCEEDED: deadline exceeded'),
      { state: 'PIPELINE_STATE_SUCCEEDED' },
    ]);
    const r = recorder();
    await waitForPipelineJob(client, NAME, r);
    expect(r.delays).toEqual([5000, 7500, 11250]);
    expect(r.events.filter((e) => e.type === 'retry')).toEqual([
      { type: 'retry', job: NAME, error: '14 UNAVAILABLE: connection reset', delayMs: 7500 },
      { type: 'retry', job: NAME, error: '4 DEADLINE_EXCEEDED: deadline exceeded', delayMs: 11250 },
    ]);
  });

  it('gives up after too many transient errors in a row, as UNAVAILABLE', async () => {
    const down = () => grpcError(14, '14 UNAVAILABLE: no route');
    const client = scriptedClient([down(), down(), down()]);
    await expect(
      waitForPipelineJob(client, NAME, { ...recorder(), maxTransientErrors: 2 }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', details: { job: NAME, step: 'getPipelineJob' } });
  });

  it('does not retry a permanent error', async () => {
    const client = scriptedClient([grpcError(5, '5 NOT_FOUND: PipelineJob does not exist')]);
    await expect(waitForPipelineJob(client, NAME, recorder())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(client.calls).toHaveLength(1);
  });

  it("fails with the job's error message, its code mapped, naming the failed tasks", async () => {
    const client = scriptedClient([
      {
        state: 'PIPELINE_STATE_FAILED',
        error: {
          code: 9,
          message: 'The DAG failed because some tasks failed. The failed tasks are: [train].',
        },
        jobDetail: {
          taskDetails: [
            { taskName: 'extract', state: 'SUCCEEDED' },
            { taskName: 'train', state: 'FAILED', error: { code: 9, message: 'exit code 1' } },
          ],
        },
      },
    ]);
    const r = recorder();
    await expect(waitForPipelineJob(client, NAME, r)).rejects.toMatchObject({
      name: 'CtpipeError',
      code: 'BAD_INPUT',
      message:
        'Vertex AI pipeline job failed: The DAG failed because some tasks failed. The failed tasks are: [train]. ' +
        '(failed tasks: train)',
      details: { job: NAME, state: 'PIPELINE_STATE_FAILED', failedTasks: 'train' },
    });
    expect(r.events).toContainEqual({
      type: 'task',
      job: NAME,
      task: 'train',
      state: 'FAILED',
      error: 'exit code 1',
    });
  });

  it('treats a cancelled job as not succeeded', async () => {
    const client = scriptedClient([{ state: 'PIPELINE_STATE_CANCELLED' }]);
    await expect(waitForPipelineJob(client, NAME, recorder())).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Vertex AI pipeline job was cancelled: it was cancelled',
    });
  });

  it('stops when the signal aborts (the job keeps running)', async () => {
    const abort = new AbortController();
    const client = scriptedClient([{ state: 'PIPELINE_STATE_RUNNING' }, { state: 'PIPELINE_STATE_RUNNING' }]);
    const reason = new Error('stopped');
    const attempt = waitForPipelineJob(client, NAME, {
      signal: abort.signal,
      sleep: async () => {
        abort.abort(reason);
      },
    });
    await expect(attempt).rejects.toBe(reason);
    expect(client.calls).toHaveLength(1);
  });
});
