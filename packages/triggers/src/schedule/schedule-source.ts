import type { TriggerSource } from '../source.js';
import {
  checkSchedule,
  decideSchedule,
  type ScheduleConfig,
  type ScheduleState,
} from './schedule-decision.js';

/** The cron trigger; its state (the last due time fired) lives in the metadata store. */
export function scheduleSource(config: ScheduleConfig): TriggerSource {
  checkSchedule(config);
  return {
    name: 'schedule',
    async poll({ state, now }) {
      const previous =
        typeof state?.lastDue === 'string' ? ({ lastDue: state.lastDue } as ScheduleState) : null;
      const decision = decideSchedule(config, previous, now);
      return { fired: decision.fire ? [decision.fire] : [], skipped: [], state: { ...decision.state } };
    },
  };
}
