import { describe, expect, it } from 'vitest';
import { formatTriggerEvent } from './format-event.js';

const time = '2026-11-28T03:00:01.234Z';

describe('formatTriggerEvent', () => {
  it('writes one aligned line per event with the time of day', () => {
    expect(
      formatTriggerEvent({
        time,
        type: 'loop-started',
        pipeline: 'ctpipe-ct',
        sources: ['schedule', 'new-data'],
        pollIntervalMs: 5_000,
        maxConcurrentRuns: 1,
        once: false,
        recovered: 2,
      }),
    ).toBe(
      '03:00:01  watch   ctpipe-ct: schedule, new-data — poll every 5s, 1 run(s) at a time, 2 request(s) recovered',
    );
    expect(
      formatTriggerEvent({
        time,
        type: 'started',
        requestId: 4,
        runId: 'ctpipe-ct-1',
        trigger: 'new-data',
        reason: 'new span 3',
        parameters: { span: 3 },
      }),
    ).toBe('03:00:01  start   #4 ctpipe-ct-1 (new-data: new span 3)');
    expect(
      formatTriggerEvent({
        time,
        type: 'finished',
        requestId: 4,
        runId: 'ctpipe-ct-1',
        state: 'FAILED',
        durationMs: 83_000,
        error: 'train: exit 1',
      }),
    ).toBe('03:00:01  done    #4 ctpipe-ct-1 FAILED in 1m 23s — train: exit 1');
    expect(
      formatTriggerEvent({
        time,
        type: 'queued',
        requestId: 5,
        trigger: 'drift',
        reason: 'r',
        duplicate: true,
      }),
    ).toBe('03:00:01  queued  #5 drift (already queued)');
    expect(formatTriggerEvent({ time, type: 'skipped', source: 'drift', reason: 'waiting' })).toBe(
      '03:00:01  wait    drift: waiting',
    );
    expect(formatTriggerEvent({ time, type: 'loop-stopped', why: 'signal', runs: 3 })).toBe(
      '03:00:01  stop    3 run(s) (stopped by signal)',
    );
  });
});
