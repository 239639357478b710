import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MetadataStore, openMetadataStore } from '@ctpipe/metadata';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cannedResponses,
  type FakeGcsServer,
  startFakeGcsServer,
} from '../../../storage/test/fake-gcs-server.js';
import type { PollResult } from '../source.js';
import { recordRun } from '../test-support/store-fixtures.js';
import { newDataSource } from './new-data-source.js';

let dir: string;
let store: MetadataStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctpipe-new-data-'));
  store = openMetadataStore(':memory:');
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const OLD = new Date('2026-01-01T00:00:00Z');
function writeSpan(span: number, name = 'part-0.csv', text = 'a,b\n1,2\n'): void {
  mkdirSync(join(dir, `span-${span}`), { recursive: true });
  const file = join(dir, `span-${span}`, name);
  writeFileSync(file, text);
  utimesSync(file, OLD, OLD);
}

async function poll(source: ReturnType<typeof newDataSource>, state: PollResult['state'] | null) {
  return source.poll({ store, pipelineName: 'ct', now: new Date('2026-11-28T10:00:00Z'), state });
}

describe('newDataSource on a local folder', () => {
  it('starts after the highest span the metadata store has seen, so a restart does not retrain old spans', async () => {
    for (const span of [1, 2, 3]) writeSpan(span);
    await recordRun(store, {
      runId: 'r1',
      outputs: [{ key: 'examples', uri: '/art/r1/examples', metadata: { span: 2 } }],
    });
    const source = newDataSource({ inputPattern: join(dir, 'span-{SPAN}/*.csv'), settleMs: 1_000 });
    const first = await poll(source, null);
    expect(first.fired.map((f) => f.parameters)).toEqual([{ span: 3 }]);
    expect(first.state).toEqual({ lastSpan: 3, seen: {} });
    expect((await poll(source, first.state)).fired).toEqual([]);
  });

  it('with nothing recorded runs only the latest span present, and says the older ones are skipped', async () => {
    for (const span of [1, 2]) writeSpan(span);
    const source = newDataSource({ inputPattern: join(dir, 'span-{SPAN}/*.csv'), settleMs: 1_000 });
    const first = await poll(source, null);
    expect(first.fired.map((f) => f.parameters)).toEqual([{ span: 2 }]);
    expect(first.skipped).toEqual(['first start with no run recorded: spans before 2 are not run']);
  });

  it('waits for a file modified just now to stay the same over two polls', async () => {
    writeSpan(1);
    const source = newDataSource({
      inputPattern: join(dir, 'span-{SPAN}/*.csv'),
      settleMs: 3_600_000 * 24 * 365,
    });
    const first = await poll(source, { lastSpan: 0, seen: {} });
    expect(first.fired).toEqual([]);
    writeSpan(1, 'part-0.csv', 'a,b\n1,2\n3,4\n');
    const second = await poll(source, first.state);
    expect(second.fired).toEqual([]);
    const third = await poll(source, second.state);
    expect(third.fired.map((f) => f.parameters)).toEqual([{ span: 1 }]);
  });
});

describe('newDataSource on gs://', () => {
  let server: FakeGcsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    vi.unstubAllEnvs();
  });

  const object = (name: string) => ({
    kind: 'storage#object',
    name,
    bucket: 'bkt',
    size: '10',
    updated: '2026-01-02T03:04:05.000Z',
  });

  it('lists the bucket under the literal prefix of the pattern through @ctpipe/storage, the local code path', async () => {
    server = await startFakeGcsServer(
      cannedResponses({
        status: 200,
        json: {
          kind: 'storage#objects',
          items: [object('in/span-7/a.parquet'), object('in/span-8/a.parquet'), object('in/span-8/_SUCCESS')],
        },
      }),
    );
    // The Cloud Storage client honours the emulator variable, so storageFor() itself talks to the fake server.
    vi.stubEnv('STORAGE_EMULATOR_HOST', server.endpoint);
    const source = newDataSource({ inputPattern: 'gs://bkt/in/span-{SPAN}/*.parquet', settleMs: 1_000 });
    const result = await poll(source, { lastSpan: 7, seen: {} });
    expect(server.requests.map((r) => [r.method, r.path, r.query.prefix])).toEqual([
      // objects.list (the emulator base replaces the /storage/v1 prefix) on the pattern's literal prefix.
      ['GET', expect.stringMatching(/\/b\/bkt\/o$/), 'in/span-'],
    ]);
    expect(result.fired).toEqual([
      {
        trigger: 'new-data',
        reason: 'new span 8 (1 file(s)) matching gs://bkt/in/span-{SPAN}/*.parquet',
        parameters: { span: 8 },
        dedupeKey: 'span-8',
      },
    ]);
  });
});
