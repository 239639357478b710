import { describe, expect, it } from 'vitest';
import { decideSchedule, type ScheduleConfig } from './schedule-decision.js';
import { formatZoned } from './zoned-time.js';

const nightly: ScheduleConfig = { cron: '0 3 * * *', timeZone: 'Europe/Amsterdam' };
const at = (iso: string) => new Date(iso);

describe('decideSchedule', () => {
  it('only remembers the latest past due time on the first call', () => {
    const d = decideSchedule(nightly, null, at('2026-11-28T10:00:00Z'));
    expect(d.fire).toBeUndefined();
    // 03:00 in Amsterdam (UTC+1 in November) is 02:00 UTC.
    expect(d.state).toEqual({ lastDue: '2026-11-28T02:00:00.000Z' });
  });

  it('fires once when the next due time passes, naming the zone and the local due time', () => {
    const state = { lastDue: '2026-11-27T02:00:00.000Z' };
    expect(decideSchedule(nightly, state, at('2026-11-28T01:59:59Z'))).toEqual({ state });
    const d = decideSchedule(nightly, state, at('2026-11-28T02:00:00Z'));
    expect(d.fire).toEqual({
      trigger: 'schedule',
      reason: "schedule '0 3 * * *' (Europe/Amsterdam) due 2026-11-28T03:00+01:00",
      parameters: {},
      dedupeKey: 'schedule-2026-11-28T02:00:00.000Z',
    });
    expect(d.state).toEqual({ lastDue: '2026-11-28T02:00:00.000Z' });
    // The same due time never fires twice.
    expect(decideSchedule(nightly, d.state, at('2026-11-28T02:00:30Z')).fire).toBeUndefined();
  });

  it('after downtime fires one catch-up run for the latest due time and says how many passed', () => {
    const d = decideSchedule(nightly, { lastDue: '2026-11-24T02:00:00.000Z' }, at('2026-11-28T09:00:00Z'));
    expect(d.fire?.reason).toBe(
      "schedule '0 3 * * *' (Europe/Amsterdam) due 2026-11-28T03:00+01:00 " +
        '(catch-up: 4 due times passed since 2026-11-24T03:00+01:00 while stopped; one run)',
    );
    expect(d.state.lastDue).toBe('2026-11-28T02:00:00.000Z');
    expect(decideSchedule(nightly, d.state, at('2026-11-28T09:01:00Z')).fire).toBeUndefined();
  });

  it('follows daylight saving time: 03:00 in summer is 01:00 UTC', () => {
    const d = decideSchedule(nightly, { lastDue: '2026-07-01T01:00:00.000Z' }, at('2026-07-02T01:00:00Z'));
    expect(d.fire?.reason).toBe("schedule '0 3 * * *' (Europe/Amsterdam) due 2026-07-02T03:00+02:00");
  });

  it('refuses a bad expression or zone with BAD_CONFIG naming the key', () => {
    expect(() => decideSchedule({ cron: '0 25 * * *', timeZone: 'UTC' }, null, new Date())).toThrow(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        details: expect.objectContaining({ path: 'triggers.schedule.cron' }),
      }),
    );
    expect(() => decideSchedule({ cron: '0 3 * * *', timeZone: 'Mars/Olympus' }, null, new Date())).toThrow(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        details: expect.objectContaining({ path: 'triggers.schedule.time_zone' }),
      }),
    );
  });
});

describe('formatZoned', () => {
  it('prints wall time with the offset, seconds only when set', () => {
    expect(formatZoned(at('2026-11-28T02:00:00Z'), 'Europe/Amsterdam')).toBe('2026-11-28T03:00+01:00');
    expect(formatZoned(at('2026-11-28T02:00:05Z'), 'America/New_York')).toBe('2026-11-27T21:00:05-05:00');
    expect(formatZoned(at('2026-11-28T02:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-28T07:30+05:30');
  });
});
