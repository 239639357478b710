import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MetadataStore, openMetadataStore } from '@ctpipe/metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PollResult, TriggerSource } from '../source.js';
import { decideQuality } from './quality-decision.js';
import { qualitySource } from './quality-source.js';

let dir: string;
let store: MetadataStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctpipe-quality-'));
  store = openMetadataStore(':memory:');
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const poll = (source: TriggerSource, state: PollResult['state'] | null) =>
  source.poll({ store, pipelineName: 'ct', now: new Date(), state });
const rows = (n: number, wrong: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ species: 'Adelie', predicted: i < wrong ? 'Gentoo' : 'Adelie' }),
  ).join('\n');

describe('decideQuality', () => {
  it('fires below min_accuracy once there are min_examples, with the numbers', () => {
    const t = { minAccuracy: 0.8, minExamples: 50 };
    expect(decideQuality(49, 10, t)).toEqual({
      judged: false,
      note: 'quality: 49 new labelled example(s), waiting for min_examples 50',
    });
    expect(decideQuality(50, 40, t)).toEqual({
      judged: true,
      note: 'quality: accuracy 0.8 (40/50 correct) ≥ min_accuracy 0.8',
    });
    expect(decideQuality(60, 31, t).fire).toEqual({
      trigger: 'quality',
      reason: 'quality: accuracy 0.517 (31/60 correct) on new feedback < min_accuracy 0.8',
      parameters: {},
      dedupeKey: 'quality',
    });
  });
});

describe('qualitySource', () => {
  const options = (feedback: string) => ({
    feedback,
    label: 'species',
    prediction: 'predicted',
    minAccuracy: 0.8,
    minExamples: 10,
  });

  it('judges only rows not checked before, and accumulates until there are enough', async () => {
    const file = join(dir, 'feedback.ndjson');
    writeFileSync(file, `${rows(12, 1)}\n`);
    const source = qualitySource(options(file));
    const first = await poll(source, null);
    expect(first.fired).toEqual([]);
    expect(first.skipped).toEqual(['quality: accuracy 0.917 (11/12 correct) ≥ min_accuracy 0.8']);
    expect(first.state).toEqual({ checked: { [file]: 12 } });

    appendFileSync(file, `${rows(6, 6)}\n`);
    const second = await poll(source, first.state);
    expect(second.skipped).toEqual(['quality: 6 new labelled example(s), waiting for min_examples 10']);
    expect(second.state).toEqual(first.state);

    appendFileSync(file, `${rows(6, 0)}\n`);
    const third = await poll(source, second.state);
    expect(third.fired.map((f) => f.reason)).toEqual([
      'quality: accuracy 0.5 (6/12 correct) on new feedback < min_accuracy 0.8',
    ]);
    expect(third.state).toEqual({ checked: { [file]: 24 } });
  });

  it('reads CSV through a glob and compares numbers as numbers', async () => {
    writeFileSync(
      join(dir, 'a.csv'),
      `label,prediction\n${Array.from({ length: 10 }, (_, i) => `1,${i < 5 ? '1.0' : '0'}`).join('\n')}\n`,
    );
    const source = qualitySource({
      ...options(join(dir, '*.csv')),
      label: 'label',
      prediction: 'prediction',
    });
    expect((await poll(source, null)).fired.map((f) => f.reason)).toEqual([
      'quality: accuracy 0.5 (5/10 correct) on new feedback < min_accuracy 0.8',
    ]);
  });

  it('says which column is missing', async () => {
    const file = join(dir, 'feedback.ndjson');
    writeFileSync(file, '{"species":"Adelie","guess":"Adelie"}\n');
    await expect(poll(qualitySource(options(file)), null)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { file, expected: 'predicted', found: 'species, guess' },
    });
  });

  it('treats a feedback location with no file yet as nothing to check', async () => {
    expect(await poll(qualitySource(options(join(dir, 'none', '*.ndjson'))), null)).toEqual({
      fired: [],
      skipped: [],
      state: { checked: {} },
    });
  });
});
