import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { testContext } from '@ctpipe/testing/core-context';
import { describe, expect, it } from 'vitest';
import { extractInputs, FIXTURES } from '../test/context.js';
import { extract } from './core.js';
import { resolveSpan } from './span.js';

const rel = (files: string[]) => files.map((f) => path.relative(FIXTURES, f));
const spans = path.join(FIXTURES, 'spans/span-{SPAN}/*.csv');

describe('span resolution', () => {
  it('picks the latest span numerically (10 after 2) and skips non-numeric spans', async () => {
    const resolved = await resolveSpan(spans, -1);
    expect(resolved.span).toBe(10);
    expect(rel(resolved.files)).toEqual(['spans/span-10/part-0.csv', 'spans/span-10/part-1.csv']);
  });

  it('reads a given span', async () => {
    const resolved = await resolveSpan(spans, 2);
    expect(resolved).toEqual({ span: 2, files: [path.join(FIXTURES, 'spans/span-2/part-0.csv')] });
  });

  it('a span that does not exist → NOT_FOUND listing the spans found', async () => {
    const err = await resolveSpan(spans, 7).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CtpipeError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', details: { path: spans, expected: '7', found: '2, 10' } });
  });

  it('no match at all → NOT_FOUND naming the pattern', async () => {
    const pattern = path.join(FIXTURES, 'nothing-{SPAN}/*.csv');
    const err = await resolveSpan(pattern, -1).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NOT_FOUND', details: { path: pattern } });
    expect((err as Error).message).toContain(pattern);
  });

  it('takes the latest {VERSION} within the chosen span', async () => {
    const pattern = path.join(FIXTURES, 'versioned/span-{SPAN}/ver-{VERSION}/data.csv');
    expect(await resolveSpan(pattern, 1)).toEqual({
      span: 1,
      version: 3,
      files: [path.join(FIXTURES, 'versioned/span-1/ver-3/data.csv')],
    });
    expect((await resolveSpan(pattern, -1)).span).toBe(2);
  });

  it('without {SPAN} everything matched is span 0, and asking for another span is a config error', async () => {
    const pattern = path.join(FIXTURES, 'spans/span-2/*.csv');
    expect((await resolveSpan(pattern, -1)).span).toBe(0);
    expect(await resolveSpan(pattern, 3).catch((e: unknown) => e)).toMatchObject({ code: 'BAD_CONFIG' });
  });

  it('extract reports the span it read and reads only that span', async () => {
    const latest = await extract(await extractInputs({ input_pattern: spans }), testContext());
    expect(latest.parameters).toEqual({ span: 10, row_count: 4 });
    expect(latest.metadata.examples?.span).toBe(10);
    const given = await extract(await extractInputs({ input_pattern: spans, span: 2 }), testContext());
    expect(given.parameters).toEqual({ span: 2, row_count: 2 });
    const versioned = await extract(
      await extractInputs({
        input_pattern: path.join(FIXTURES, 'versioned/span-{SPAN}/ver-{VERSION}/data.csv'),
        span: 1,
      }),
      testContext(),
    );
    expect(versioned.parameters).toEqual({ span: 1, row_count: 2 });
    expect(versioned.metadata.examples?.version).toBe(3);
  });
});
