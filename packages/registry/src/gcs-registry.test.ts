import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Storage as GcsClient } from '@google-cloud/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcsWithPreconditions, startFakeGcsServer } from '../test/gcs-with-preconditions.js';
import { openRegistry } from './model-registry.js';
import { readRegistryFile } from './read-registry.js';

type Server = Awaited<ReturnType<typeof startFakeGcsServer>>;

async function modelDir(tag: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'registry-gcs-src-'));
  await writeFile(join(dir, 'model.json'), JSON.stringify({ tag }));
  await writeFile(join(dir, 'weights.bin'), Buffer.alloc(32, 7));
  return dir;
}

describe('a gs:// model registry (loopback Cloud Storage JSON API)', () => {
  let server: Server;
  let gcs: { client: GcsClient };
  beforeAll(async () => {
    server = await startFakeGcsServer(gcsWithPreconditions());
    gcs = { client: new GcsClient({ apiEndpoint: server.endpoint, projectId: 'test' }) };
  });
  afterAll(() => server.close());

  it('uploads versions with model.json last, writes registry.json in one request, and reads it back', async () => {
    const base = 'gs://models/serving';
    const registry = openRegistry(base, { gcs });
    const first = await registry.publishVersion({
      model: 'penguins',
      sourceDir: await modelDir('a'),
      source: 'gs://runs/r1/model',
      rollout: { kind: 'canary', canaryPercent: 10 },
    });
    expect(first).toMatchObject({ version: 1, labels: ['stable'], uri: 'gs://models/serving/penguins/1' });
    const from = server.requests.length;
    await registry.publishVersion({
      model: 'penguins',
      sourceDir: await modelDir('b'),
      source: 'gs://runs/r2/model',
      rollout: { kind: 'canary', canaryPercent: 10 },
    });
    const uploads = server.requests
      .slice(from)
      .filter((r) => r.path.startsWith('/upload/'))
      .map((r) => r.query.name);
    expect(uploads).toEqual([
      'serving/penguins/.registry.lock',
      'serving/penguins/2/weights.bin',
      'serving/penguins/2/model.json',
      'serving/penguins/registry.json',
    ]);
    const read = await readRegistryFile(base, 'penguins', { gcs });
    expect(read?.labels).toEqual({ stable: 1, canary: 2 });
    expect(read?.versions.map((v) => v.source)).toEqual(['gs://runs/r1/model', 'gs://runs/r2/model']);
    expect((await registry.list()).map((r) => r.model)).toEqual(['penguins']);
    expect((await registry.promote('penguins')).labels).toEqual({ stable: 2 });
  });

  it('serialises concurrent writers through the lock object: both versions land', async () => {
    const base = 'gs://models/concurrent';
    const [a, b] = [openRegistry(base, { gcs }), openRegistry(base, { gcs })];
    const results = await Promise.all([
      a.publishVersion({ model: 'm', sourceDir: await modelDir('a'), source: 'gs://runs/a' }),
      b.publishVersion({ model: 'm', sourceDir: await modelDir('b'), source: 'gs://runs/b' }),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([1, 2]);
    const registry = await a.get('m');
    expect(registry.versions.map((v) => v.source).sort()).toEqual(['gs://runs/a', 'gs://runs/b']);
  });
});
