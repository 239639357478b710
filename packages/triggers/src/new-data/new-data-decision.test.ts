import type { ObjectInfo } from '@ctpipe/storage';
import { describe, expect, it } from 'vitest';
import { decideNewData, type NewDataState } from './new-data-decision.js';
import { parseSpanPattern } from './span-pattern.js';

const PATTERN = '/data/span-{SPAN}/part-*.csv';
const now = new Date('2026-11-28T10:00:00Z');
const file = (uri: string, size = 100, ageMs = 60_000): ObjectInfo => ({
  uri,
  size,
  updated: new Date(now.getTime() - ageMs),
});
const decide = (listed: ObjectInfo[], state: NewDataState, settleMs = 3_600_000) =>
  decideNewData({ pattern: PATTERN, spanPattern: parseSpanPattern(PATTERN), listed, state, now, settleMs });

describe('decideNewData', () => {
  it('fires each span greater than the last one, in order, once its files are unchanged over two polls', () => {
    const listed = [
      file('/data/span-1/part-0.csv'),
      file('/data/span-3/part-0.csv'),
      file('/data/span-2/part-0.csv'),
      file('/data/span-2/part-1.csv'),
    ];
    const first = decide(listed, { lastSpan: 1, seen: {} });
    expect(first.fired).toEqual([]);
    expect(first.skipped).toEqual(['span 2: 2 file(s) still changing; waiting for them to settle']);
    const second = decide(listed, first.state);
    expect(second.fired).toEqual([
      {
        trigger: 'new-data',
        reason: 'new span 2 (2 file(s)) matching /data/span-{SPAN}/part-*.csv',
        parameters: { span: 2 },
        dedupeKey: 'span-2',
      },
      {
        trigger: 'new-data',
        reason: 'new span 3 (1 file(s)) matching /data/span-{SPAN}/part-*.csv',
        parameters: { span: 3 },
        dedupeKey: 'span-3',
      },
    ]);
    expect(second.state).toEqual({ lastSpan: 3, seen: {} });
    expect(decide(listed, second.state).fired).toEqual([]);
  });

  it('does not fire while a file is still growing, and holds back the later spans', () => {
    const before = [file('/data/span-2/part-0.csv', 10), file('/data/span-3/part-0.csv')];
    const first = decide(before, { lastSpan: 1, seen: {} });
    const growing = [file('/data/span-2/part-0.csv', 20), file('/data/span-3/part-0.csv')];
    const second = decide(growing, first.state);
    expect(second.fired).toEqual([]);
    expect(second.skipped).toEqual(['span 2: 1 file(s) still changing; waiting for them to settle']);
    expect(decide(growing, second.state).fired.map((f) => f.parameters.span)).toEqual([2, 3]);
  });

  it('takes files untouched for settleMs as complete on the first sight', () => {
    const d = decide([file('/data/span-4/part-0.csv', 5, 10_000)], { lastSpan: 3, seen: {} }, 5_000);
    expect(d.fired.map((f) => f.parameters)).toEqual([{ span: 4 }]);
    const fresh = decide([file('/data/span-4/part-0.csv', 5, 1_000)], { lastSpan: 3, seen: {} }, 5_000);
    expect(fresh.fired).toEqual([]);
  });

  it('ignores old spans, hidden in-progress files and files outside the pattern', () => {
    const d = decide(
      [
        file('/data/span-1/part-0.csv'),
        file('/data/span-5/.part-1.csv.partial'),
        file('/data/span-5/_SUCCESS'),
        file('/data/span-x/part-0.csv'),
      ],
      { lastSpan: 1, seen: {} },
      0,
    );
    expect(d.fired).toEqual([]);
    expect(d.skipped).toEqual([]);
  });

  it('signs the latest version of a span only: an older version changing does not matter', () => {
    const pattern = '/data/span-{SPAN}/v{VERSION}/*.csv';
    const spanPattern = parseSpanPattern(pattern);
    const input = (listed: ObjectInfo[], state: NewDataState) =>
      decideNewData({ pattern, spanPattern, listed, state, now, settleMs: 3_600_000 });
    const first = input([file('/data/span-2/v1/a.csv', 1), file('/data/span-2/v2/a.csv')], {
      lastSpan: 1,
      seen: {},
    });
    const second = input([file('/data/span-2/v1/a.csv', 2), file('/data/span-2/v2/a.csv')], first.state);
    expect(second.fired.map((f) => f.parameters)).toEqual([{ span: 2 }]);
  });
});

describe('parseSpanPattern', () => {
  it('reads span and version as digits and requires repeats to agree', () => {
    const p = parseSpanPattern('gs://b/span-{SPAN}/v{VERSION}/part-{SPAN}-*.parquet');
    expect(p.glob).toBe('gs://b/span-*/v*/part-*-*.parquet');
    expect(p.match('gs://b/span-12/v3/part-12-0.parquet')).toEqual({ span: 12, version: 3 });
    expect(p.match('gs://b/span-12/v3/part-13-0.parquet')).toBeUndefined();
  });

  it('refuses a pattern without {SPAN}', () => {
    expect(() => parseSpanPattern('/data/*.csv')).toThrow(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        details: expect.objectContaining({ path: 'parameters.input_pattern' }),
      }),
    );
  });
});
