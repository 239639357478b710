import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MetadataStore, openMetadataStore } from '@ctpipe/metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerSource } from '../source.js';
import { penguins, writeRequestFile, writeTrainingArtifacts } from '../test-support/penguins.js';
import { recordRun } from '../test-support/store-fixtures.js';
import { driftSource } from './drift-source.js';

let dir: string;
let store: MetadataStore;
let log: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctpipe-drift-'));
  log = join(dir, 'requests');
  store = openMetadataStore(':memory:');
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2026-11-28T10:00:00Z');
const poll = (source: TriggerSource, state: Record<string, never> | { checked: string[] } | null) =>
  source.poll({ store, pipelineName: 'ct', now, state });

async function trained(comparators = true): Promise<void> {
  const { statistics, schema } = await writeTrainingArtifacts(join(dir, 'run-1'), comparators);
  await recordRun(store, {
    runId: 'run-1',
    outputs: [
      { key: 'statistics', uri: statistics },
      { key: 'schema', uri: schema },
    ],
  });
}

const heavier = () =>
  penguins().map((r) => ({ ...r, 'Body Mass (g)': Number(r['Body Mass (g)'] ?? 4000) + 3000 }));

describe('driftSource', () => {
  it('waits until the rotated files hold min_instances rows; the file being written is ignored', async () => {
    await trained();
    writeRequestFile(log, 'requests-20261128T090000Z-1-0000.ndjson', penguins().slice(0, 20));
    writeFileSync(
      join(log, '.requests-20261128T091000Z-1-0001.ndjson.partial'),
      '{"Island":"Biscoe"}\n'.repeat(500),
    );
    const source = driftSource({
      requestLog: log,
      minInstances: 50,
      threshold: 0.1,
      snapshotDir: join(dir, 'snap'),
    });
    const result = await poll(source, null);
    expect(result).toEqual({
      fired: [],
      skipped: ['drift: 20 new logged instance(s) in 1 file(s), waiting for min_instances 50'],
      state: { checked: [] },
    });
  });

  it('does not fire when serving traffic looks like training, and does not check those files again', async () => {
    await trained();
    writeRequestFile(log, 'requests-20261128T090000Z-1-0000.ndjson', penguins());
    const source = driftSource({
      requestLog: log,
      minInstances: 50,
      threshold: 0.1,
      snapshotDir: join(dir, 'snap'),
    });
    const result = await poll(source, null);
    expect(result.fired).toEqual([]);
    expect(result.skipped).toEqual([
      'drift: 344 logged instance(s) checked against run run-1: no feature past its skew threshold',
    ]);
    expect(result.state).toEqual({ checked: ['requests-20261128T090000Z-1-0000.ndjson'] });
    expect(await poll(source, result.state as { checked: string[] })).toEqual({
      fired: [],
      skipped: [],
      state: result.state,
    });
  });

  it('fires on skewed traffic naming the feature, the distance and the values, with the checked files as serving_data', async () => {
    await trained();
    writeRequestFile(log, 'requests-20261128T090000Z-1-0000.ndjson', heavier().slice(0, 200));
    writeRequestFile(log, 'requests-20261128T091000Z-1-0001.ndjson', heavier().slice(200));
    const source = driftSource({
      requestLog: log,
      minInstances: 50,
      threshold: 0.1,
      snapshotDir: join(dir, 'snap'),
    });
    const { fired, state } = await poll(source, { checked: [] });
    expect(fired).toHaveLength(1);
    const [fire] = fired;
    expect(fire?.trigger).toBe('drift');
    expect(fire?.dedupeKey).toBe('drift');
    expect(fire?.reason).toMatch(
      /^skew: Body Mass \(g\) JSD 0\.\d+ > 0\.1 \(344 logged instances\) vs the training data of run run-1$/,
    );
    const snapshot = String(fire?.parameters.serving_data);
    expect(snapshot).toBe(join(dir, 'snap', 'serving-data-20261128T100000Z'));
    expect(readdirSync(snapshot)).toEqual([
      'requests-20261128T090000Z-1-0000.ndjson',
      'requests-20261128T091000Z-1-0001.ndjson',
    ]);
    expect(state).toEqual({
      checked: ['requests-20261128T090000Z-1-0000.ndjson', 'requests-20261128T091000Z-1-0001.ndjson'],
    });
  });

  it('falls back to the configured threshold when the schema sets no skew comparator', async () => {
    await trained(false);
    writeRequestFile(log, 'requests-20261128T090000Z-1-0000.ndjson', heavier());
    const strict = driftSource({
      requestLog: log,
      minInstances: 50,
      threshold: 0.1,
      snapshotDir: join(dir, 'snap'),
    });
    expect((await poll(strict, null)).fired[0]?.reason).toMatch(/Body Mass \(g\) JSD 0\.\d+ > 0\.1/);
    const lax = driftSource({
      requestLog: log,
      minInstances: 50,
      threshold: 0.99,
      snapshotDir: join(dir, 'snap2'),
    });
    expect((await poll(lax, null)).fired).toEqual([]);
    expect(existsSync(join(dir, 'snap2'))).toBe(false);
  });

  it('waits for a successful run to compare with', async () => {
    writeRequestFile(log, 'requests-20261128T090000Z-1-0000.ndjson', penguins());
    await recordRun(store, { runId: 'failed', state: 'FAILED', outputs: [] });
    const source = driftSource({
      requestLog: log,
      minInstances: 50,
      threshold: 0.1,
      snapshotDir: join(dir, 'snap'),
    });
    expect((await poll(source, null)).skipped).toEqual([
      'drift: no successful run to compare serving traffic with yet',
    ]);
  });
});
