import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadServingModel } from '@ctpipe/model';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type PredictionServer } from './create-server.js';
import type { ServerOptions } from './server-options.js';
import {
  emptyModelBase,
  PENGUIN,
  postJson,
  publishVersion,
  recordingLogger,
  send,
  trainedPenguinVersion,
  writeRegistry,
} from './test-support/penguin-base.js';

let model: Awaited<ReturnType<typeof trainedPenguinVersion>>;
let base: Awaited<ReturnType<typeof emptyModelBase>>;
let serving: PredictionServer | undefined;

beforeAll(async () => {
  model = await trainedPenguinVersion();
});
afterAll(() => model.cleanup());
afterEach(async () => {
  await serving?.close();
  serving = undefined;
  await base.cleanup();
});

async function start(options: Partial<ServerOptions> = {}) {
  base = await emptyModelBase();
  const logger = recordingLogger();
  const loaded: string[] = [];
  serving = createServer({
    modelBasePath: base.modelBase,
    modelName: 'penguin',
    pollIntervalMs: 0,
    logger,
    loadModel: async (dir) => {
      loaded.push(path.basename(dir));
      return loadServingModel(dir);
    },
    ...options,
  });
  return { serving, logger, loaded };
}

async function status(s: PredictionServer) {
  const address = s.server.address() as import('node:net').AddressInfo;
  return (await send(address, 'GET', '/v1/models/penguin')).json() as {
    model_version_status: {
      version: string;
      state: string;
      status: { error_code: string; error_message: string };
    }[];
  };
}

function states(body: Awaited<ReturnType<typeof status>>) {
  return body.model_version_status.map((s) => `${s.version}:${s.state}`);
}

describe('version watching', () => {
  it('serves a version written while running, without a restart, and unloads the old one', async () => {
    const { serving: s } = await start();
    await publishVersion(model.dir, base.modelBase, 1);
    const address = await s.listen(0);
    expect(states(await status(s))).toEqual(['1:AVAILABLE']);

    await publishVersion(model.dir, base.modelBase, 2);
    await s.refresh();
    expect(states(await status(s))).toEqual(['2:AVAILABLE', '1:END']);
    const metadata = (await send(address, 'GET', '/v1/models/penguin/metadata')).json() as {
      model_spec: { version: string };
    };
    expect(metadata.model_spec.version).toBe('2');
    expect(
      (await postJson(address, '/v1/models/penguin/versions/1:predict', { instances: [PENGUIN] })).status,
    ).toBe(404);
    expect(
      (await postJson(address, '/v1/models/penguin/versions/2:predict', { instances: [PENGUIN] })).status,
    ).toBe(200);
  });

  it('polls by itself every pollIntervalMs', async () => {
    const { serving: s } = await start({ pollIntervalMs: 20 });
    const address = await s.listen(0);
    expect((await send(address, 'GET', '/v1/models/penguin')).status).toBe(404);
    await publishVersion(model.dir, base.modelBase, 5);
    await vi.waitFor(async () => expect(states(await status(s))).toEqual(['5:AVAILABLE']), {
      timeout: 10_000,
    });
  });

  it('a broken version never replaces the serving one; its status says why; a fixed copy is retried', async () => {
    const { serving: s, logger } = await start();
    await publishVersion(model.dir, base.modelBase, 1);
    const address = await s.listen(0);
    const broken = path.join(base.modelBase, '2');
    await mkdir(broken);
    await writeFile(path.join(broken, 'model.json'), '{"not": "a model"');
    await s.refresh();
    const body = await status(s);
    expect(states(body)).toEqual(['2:END', '1:AVAILABLE']);
    expect(body.model_version_status[0]!.status.error_code).not.toBe('OK');
    expect(body.model_version_status[0]!.status.error_message).not.toBe('');
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('failed to load'))).toBe(true);
    const predicted = await postJson(address, '/v1/models/penguin:predict', { instances: [PENGUIN] });
    expect(predicted.status).toBe(200);

    // The same broken folder is not reloaded at every poll…
    await s.refresh();
    expect(s.stats().versions.map((v) => v.state)).toEqual(['END', 'AVAILABLE']);
    // …but a fixed one replacing it is.
    await rm(broken, { recursive: true });
    await publishVersion(model.dir, base.modelBase, 2);
    await s.refresh();
    expect(states(await status(s))).toEqual(['2:AVAILABLE', '1:END']);
  });

  it('keeps every labelled version loaded beside the latest, and unloads it when the label goes', async () => {
    const { serving: s } = await start();
    for (const v of [1, 2, 3]) await publishVersion(model.dir, base.modelBase, v);
    await writeRegistry(base.modelBase, { stable: 1 }, 0);
    await s.listen(0);
    expect(states(await status(s))).toEqual(['3:AVAILABLE', '1:AVAILABLE']);
    await writeRegistry(base.modelBase, { stable: 3 }, 0);
    await s.refresh();
    expect(states(await status(s))).toEqual(['3:AVAILABLE', '1:END']);
    // A rollback to version 1 loads it again.
    await writeRegistry(base.modelBase, { stable: 1 }, 0);
    await s.refresh();
    expect(states(await status(s))).toEqual(['3:AVAILABLE', '1:AVAILABLE']);
  });

  it('push → canary → promote → rollback, each visible in the model status, without a restart', async () => {
    const { serving: s } = await start();
    await publishVersion(model.dir, base.modelBase, 1);
    await writeRegistry(base.modelBase, { stable: 1 }, 0);
    const address = await s.listen(0);
    const defaultVersion = async () => {
      const before = s.stats().versions.map((v) => [v.version, v.requests] as const);
      await postJson(
        address,
        '/v1/models/penguin:predict',
        { instances: [PENGUIN] },
        { 'x-request-key': 'k' },
      );
      const after = s.stats().versions;
      return after.find((v) => v.requests > (before.find(([n]) => n === v.version)?.[1] ?? 0))?.version;
    };
    expect(states(await status(s))).toEqual(['1:AVAILABLE']);

    await publishVersion(model.dir, base.modelBase, 2);
    await writeRegistry(base.modelBase, { stable: 1, canary: 2 }, 10);
    await s.refresh();
    expect(states(await status(s))).toEqual(['2:AVAILABLE', '1:AVAILABLE']);
    const canary = (await send(address, 'GET', '/v1/models/penguin/labels/canary')).json() as {
      model_version_status: { version: string }[];
    };
    expect(canary.model_version_status[0]!.version).toBe('2');

    await writeRegistry(base.modelBase, { stable: 2 }, 0); // promote
    await s.refresh();
    expect(states(await status(s))).toEqual(['2:AVAILABLE', '1:END']);
    expect(await defaultVersion()).toBe('2');

    await writeRegistry(base.modelBase, { stable: 1 }, 0); // rollback
    await s.refresh();
    expect(states(await status(s))).toEqual(['2:AVAILABLE', '1:AVAILABLE']);
    expect(await defaultVersion()).toBe('1');
  });

  it('version policies: all, specific, latest N', async () => {
    for (const [policy, expected] of [
      [{ kind: 'all' }, ['3:AVAILABLE', '2:AVAILABLE', '1:AVAILABLE']],
      [{ kind: 'specific', versions: [1, 2] }, ['2:AVAILABLE', '1:AVAILABLE']],
      [{ kind: 'latest', numVersions: 2 }, ['3:AVAILABLE', '2:AVAILABLE']],
    ] as const) {
      const { serving: s, loaded } = await start({ versionPolicy: policy });
      for (const v of [1, 2, 3]) await publishVersion(model.dir, base.modelBase, v);
      await s.listen(0);
      expect(states(await status(s))).toEqual(expected);
      expect(loaded.sort()).toEqual(expected.map((e) => e.split(':')[0]).sort());
      await s.close();
      serving = undefined;
      await base.cleanup();
    }
    base = await emptyModelBase();
  });

  it('a base path holding model.json itself is served as one version', async () => {
    base = await emptyModelBase();
    serving = createServer({
      modelBasePath: model.dir,
      modelName: 'penguin',
      pollIntervalMs: 0,
      logger: recordingLogger(),
    });
    await serving.listen(0);
    expect(states(await status(serving))).toEqual(['1:AVAILABLE']);
  });
});
