import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext, CoreInputs, InputArtifact } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { describe, expect, it } from 'vitest';
import { push } from './core.js';
import type { PushSpec } from './spec.js';

const quiet: CoreContext = {
  log: { info() {}, warn() {}, progress() {} },
  now: () => new Date(0),
  random: () => 0.5,
};

async function modelArtifact(version = 1764290000): Promise<InputArtifact> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'push-model-'));
  await mkdir(path.join(dir, String(version)));
  await writeFile(path.join(dir, String(version), 'model.json'), '{"format":"layers-model"}');
  await writeFile(path.join(dir, String(version), 'group1-shard1of1.bin'), Buffer.from([1, 2, 3]));
  return { type: artifactType('system.Model'), uri: dir, path: dir, metadata: {} };
}

const blessing = (blessed: 0 | 1): InputArtifact => ({
  type: artifactType('system.Artifact'),
  uri: '/runs/evaluate/blessing',
  path: '/runs/evaluate/blessing',
  metadata: { blessed },
});

async function inputs(model: InputArtifact, blessed: 0 | 1, infra?: 0 | 1): Promise<CoreInputs<PushSpec>> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'push-serving-'));
  const out = await mkdtemp(path.join(os.tmpdir(), 'push-out-'));
  return {
    parameters: { serving_base_path: base, model_name: 'penguins' },
    artifacts: {
      model,
      blessing: blessing(blessed),
      infra_blessing: infra === undefined ? undefined : blessing(infra),
    },
    outputs: { pushed_model: { uri: out, path: out, type: artifactType('system.Model') } },
  };
}

describe('push', () => {
  it('copies a blessed model into <base>/<model>/<version>/, leaving no staging folder', async () => {
    const i = await inputs(await modelArtifact(), 1, 1);
    const result = await push(i, quiet);
    expect(result.parameters).toEqual({ pushed: true, version: 1764290000 });
    const served = path.join(i.parameters.serving_base_path, 'penguins');
    expect(readdirSync(served)).toEqual(['1764290000']);
    expect(readFileSync(path.join(served, '1764290000', 'model.json'), 'utf8')).toBe(
      '{"format":"layers-model"}',
    );
    expect(result.metadata.pushed_model).toMatchObject({
      pushed: 1,
      version: 1764290000,
      model_name: 'penguins',
    });
  });

  it('is idempotent: pushing the same version again changes nothing', async () => {
    const model = await modelArtifact();
    const i = await inputs(model, 1);
    await push(i, quiet);
    const again = await push(i, quiet);
    expect(again.parameters.pushed).toBe(true);
    expect(readdirSync(path.join(i.parameters.serving_base_path, 'penguins'))).toEqual(['1764290000']);
  });

  it('does nothing but record pushed=false when evaluate or infra-validate did not bless the model', async () => {
    for (const [blessed, infra] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const i = await inputs(await modelArtifact(), blessed, infra);
      const result = await push(i, quiet);
      expect(result.parameters).toEqual({ pushed: false, version: 0 });
      expect(existsSync(path.join(i.parameters.serving_base_path, 'penguins'))).toBe(false);
      expect(result.metadata.pushed_model?.reasons).toHaveLength(1);
    }
  });

  it('names the model folder when it has no version', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'push-empty-'));
    const i = await inputs({ type: artifactType('system.Model'), uri: empty, path: empty, metadata: {} }, 1);
    await expect(push(i, quiet)).rejects.toMatchObject({ code: 'BAD_INPUT', details: { path: empty } });
  });
});
