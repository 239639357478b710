import { describe, expect, it } from 'vitest';
import { testContext } from './core-context.js';

describe('testContext', () => {
  it('records each log call in order, with a pinned clock and randomness', () => {
    const ctx = testContext();
    ctx.log.info('read', { rows: 3 });
    ctx.log.warn('odd');
    ctx.log.progress('rows', 2, 10, 'rows');
    expect(ctx.logs).toEqual([
      { level: 'info', message: 'read', fields: { rows: 3 } },
      { level: 'warn', message: 'odd' },
      { level: 'progress', message: 'rows', fields: { done: 2, total: 10, unit: 'rows' } },
    ]);
    expect(ctx.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(ctx.random()).toBe(0.5);
  });
});
