import type { CoreContext } from '@ctpipe/contract';

/** One call a component core made on its logger. */
export interface RecordedLog {
  level: 'info' | 'warn' | 'progress';
  message: string;
  fields?: Record<string, unknown>;
}

/** A CoreContext that records what the core logs, with a pinned clock and randomness. */
export function testContext(): CoreContext & { logs: RecordedLog[] } {
  const logs: RecordedLog[] = [];
  return {
    logs,
    log: {
      info: (message, fields) => logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
      warn: (message, fields) => logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
      progress: (step, done, total, unit) =>
        logs.push({ level: 'progress', message: step, fields: { done, total, unit } }),
    },
    now: () => new Date('2025-01-01T00:00:00Z'),
    random: () => 0.5,
  };
}
