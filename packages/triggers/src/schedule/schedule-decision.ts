import { CtpipeError } from '@ctpipe/errors';
import { CronExpressionParser } from 'cron-parser';
import type { TriggerFire } from '../source.js';
import { formatZoned } from './zoned-time.js';

export interface ScheduleConfig {
  /** Five fields (minute hour day month weekday), or six with seconds first. */
  cron: string;
  /** IANA time zone the expression is evaluated in, DST included ("Europe/Amsterdam", "UTC"). */
  timeZone: string;
}

export interface ScheduleState {
  /** The due time (ISO, UTC) the schedule last fired for, or was initialised to. */
  lastDue: string;
}

export interface ScheduleDecision {
  fire?: TriggerFire;
  state: ScheduleState;
}

/** Counting missed due times stops here: the reason says "at least". */
const MAX_COUNTED = 1000;

/**
 * Fires once per due time. The first call only remembers the latest past due time (starting the trigger at 10:00
 * does not run the 03:00 job). After downtime several due times have passed: ONE catch-up run for the latest,
 * never a burst, and the reason says how many were missed.
 */
export function decideSchedule(
  config: ScheduleConfig,
  state: ScheduleState | null,
  now: Date,
): ScheduleDecision {
  const latest = latestDue(config, now);
  if (state === null || latest === undefined) {
    return { state: { lastDue: (latest ?? now).toISOString() } };
  }
  const last = new Date(state.lastDue);
  if (latest.getTime() <= last.getTime()) return { state };
  const missed = dueTimesBetween(config, last, latest);
  const base = `schedule '${config.cron}' (${config.timeZone}) due ${formatZoned(latest, config.timeZone)}`;
  const reason =
    missed > 1
      ? `${base} (catch-up: ${missed >= MAX_COUNTED ? `at least ${MAX_COUNTED}` : missed} due times passed since ` +
        `${formatZoned(last, config.timeZone)} while stopped; one run)`
      : base;
  return {
    fire: { trigger: 'schedule', reason, parameters: {}, dedupeKey: `schedule-${latest.toISOString()}` },
    state: { lastDue: latest.toISOString() },
  };
}

/** Throws BAD_CONFIG with the expression when it does not parse or the zone is unknown. */
export function checkSchedule(config: ScheduleConfig): void {
  latestDue(config, new Date());
}

function parse(config: ScheduleConfig, currentDate: Date) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: config.timeZone });
  } catch (err) {
    throw new CtpipeError('BAD_CONFIG', `schedule: unknown time zone "${config.timeZone}"`, {
      details: {
        path: 'triggers.schedule.time_zone',
        expected: 'an IANA time zone such as Europe/Amsterdam',
        found: config.timeZone,
      },
      cause: err,
    });
  }
  try {
    return CronExpressionParser.parse(config.cron, { currentDate, tz: config.timeZone });
  } catch (err) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `schedule: invalid cron expression '${config.cron}': ${(err as Error).message}`,
      {
        details: {
          path: 'triggers.schedule.cron',
          expected: 'a cron expression such as "0 3 * * *"',
          found: config.cron,
        },
        cause: err,
      },
    );
  }
}

/** The latest due time at or before `now` (cron-parser's prev() is strictly before, hence the extra millisecond). */
function latestDue(config: ScheduleConfig, now: Date): Date | undefined {
  const expression = parse(config, new Date(now.getTime() + 1));
  return expression.hasPrev() ? expression.prev().toDate() : undefined;
}

function dueTimesBetween(config: ScheduleConfig, after: Date, upTo: Date): number {
  const expression = parse(config, after);
  let n = 0;
  while (n < MAX_COUNTED && expression.hasNext()) {
    if (expression.next().toDate().getTime() > upTo.getTime()) break;
    n++;
  }
  return n;
}
