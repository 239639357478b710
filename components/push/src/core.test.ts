import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext, CoreInputs, InputArtifact } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { describe, expect, it } from 'vitest';
import { createPush, push } from './core.js';
import type { PushSpec } from './spec.js';

const quiet: CoreContext = {
  log: { info() {}, warn() {}, progress() {} },
  now: () => new Date('2026-02-03T04:05:06.000Z'),
  random: () => 0.5,
};

async function modelArtifact(tag = 'a', version = 1764290000): Promise<InputArtifact> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'push-model-'));
  await mkdir(path.join(dir, String(version)));
  await writeFile(path.join(dir, String(version), 'model.json'), JSON.stringify({ tag }));
  await writeFile(path.join(dir, String(version), 'group1-shard1of1.bin'), Buffer.from([1, 2, 3]));
  return { type: artifactType('system.Model'), uri: dir, path: dir, metadata: {} };
}

const blessing = (blessed: 0 | 1): InputArtifact => ({
  type: artifactType('system.Artifact'),
  uri: '/runs/evaluate/blessing',
  path: '/runs/evaluate/blessing',
  metadata: { blessed },
});

const evaluation: InputArtifact = {
  type: artifactType('system.Metrics'),
  uri: '/runs/evaluate/evaluation',
  path: '/runs/evaluate/evaluation',
  metadata: { accuracy: 0.98, example_count: 68, note: 'not a number' },
};

const defaults: CoreInputs<PushSpec>['parameters'] = {
  serving_base_path: '',
  model_name: 'penguins',
  canary_percent: 10,
  deploy_target: 'local',
  run_id: '',
  vertex_project: '',
  vertex_region: '',
  vertex_endpoint: '',
  serving_image: '',
  vertex_machine_type: 'n1-standard-2',
};

async function inputs(
  model: InputArtifact,
  blessed: 0 | 1,
  options: { infra?: 0 | 1; base?: string; parameters?: Partial<CoreInputs<PushSpec>['parameters']> } = {},
): Promise<CoreInputs<PushSpec>> {
  const base = options.base ?? (await mkdtemp(path.join(os.tmpdir(), 'push-serving-')));
  const out = await mkdtemp(path.join(os.tmpdir(), 'push-out-'));
  return {
    parameters: { ...defaults, serving_base_path: base, ...options.parameters },
    artifacts: {
      model,
      blessing: blessing(blessed),
      infra_blessing: options.infra === undefined ? undefined : blessing(options.infra),
      evaluation,
    },
    outputs: { pushed_model: { uri: out, path: out, type: artifactType('system.Model') } },
  };
}

describe('push', () => {
  it('registers the first blessed model as version 1, stable, with its lineage and metrics', async () => {
    const model = await modelArtifact();
    const i = await inputs(model, 1, { infra: 1, parameters: { run_id: 'ctpipe-ct-1' } });
    const result = await push(i, quiet);
    expect(result.parameters).toEqual({ pushed: true, version: 1 });
    const served = path.join(i.parameters.serving_base_path, 'penguins');
    expect(readdirSync(served).sort()).toEqual(['1', 'registry.json']);
    expect(readFileSync(path.join(served, '1', 'model.json'), 'utf8')).toBe('{"tag":"a"}');
    expect(JSON.parse(readFileSync(path.join(served, 'registry.json'), 'utf8')).versions).toEqual([
      {
        version: 1,
        createdAt: '2026-02-03T04:05:06.000Z',
        source: model.uri,
        runId: 'ctpipe-ct-1',
        metrics: { accuracy: 0.98, example_count: 68 },
        blessing: '/runs/evaluate/blessing',
      },
    ]);
    expect(result.metadata.pushed_model).toEqual({
      pushed: 1,
      version: 1,
      labels: ['stable'],
      pushed_destination: path.join(served, '1'),
      model_name: 'penguins',
      canary_percent: 0,
      newly_registered: true,
    });
  });

  it('rolls a later model out as canary with canary_percent, or straight to stable with 0', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'push-serving-'));
    await push(await inputs(await modelArtifact('a'), 1, { base }), quiet);
    const second = await push(
      await inputs(await modelArtifact('b'), 1, { base, parameters: { canary_percent: 20 } }),
      quiet,
    );
    expect(second.parameters.version).toBe(2);
    expect(second.metadata.pushed_model).toMatchObject({ labels: ['canary'], canary_percent: 20 });
    const registry = JSON.parse(readFileSync(path.join(base, 'penguins', 'registry.json'), 'utf8'));
    expect(registry).toMatchObject({ labels: { stable: 1, canary: 2 }, canaryTrafficPercent: 20 });

    const third = await push(
      await inputs(await modelArtifact('c'), 1, { base, parameters: { canary_percent: 0 } }),
      quiet,
    );
    expect(third.metadata.pushed_model).toMatchObject({ version: 3, labels: ['stable'] });
    expect(JSON.parse(readFileSync(path.join(base, 'penguins', 'registry.json'), 'utf8')).labels).toEqual({
      stable: 3,
    });
  });

  it('is idempotent: pushing the same Model artifact again registers nothing new', async () => {
    const i = await inputs(await modelArtifact(), 1);
    await push(i, quiet);
    const again = await push(i, quiet);
    expect(again.parameters).toEqual({ pushed: true, version: 1 });
    expect(again.metadata.pushed_model?.newly_registered).toBe(false);
    expect(readdirSync(path.join(i.parameters.serving_base_path, 'penguins')).sort()).toEqual([
      '1',
      'registry.json',
    ]);
  });

  it('does nothing but record pushed=false when evaluate or infra-validate did not bless the model', async () => {
    for (const [blessed, infra] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const i = await inputs(await modelArtifact(), blessed, { infra });
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

  it('rejects bad deployment parameters before copying anything', async () => {
    const cases: [Partial<CoreInputs<PushSpec>['parameters']>, string][] = [
      [{ canary_percent: 101 }, 'canary_percent'],
      [{ deploy_target: 'k8s' }, 'deploy_target'],
      [{ deploy_target: 'vertex', vertex_project: 'p', vertex_region: 'r' }, 'serving_image'],
      [
        { deploy_target: 'vertex', vertex_project: 'p', vertex_region: 'r', serving_image: 'img' },
        'serving_base_path',
      ],
    ];
    for (const [parameters, column] of cases) {
      const i = await inputs(await modelArtifact(), 1, { parameters });
      await expect(push(i, quiet)).rejects.toMatchObject({ code: 'BAD_INPUT', details: { column } });
      expect(existsSync(path.join(i.parameters.serving_base_path, 'penguins'))).toBe(false);
    }
  });

  it('asks for Vertex AI clients only for deploy_target vertex', async () => {
    let asked = 0;
    const local = createPush({
      vertexClients: async () => {
        asked++;
        throw new Error('not expected');
      },
    });
    await local(await inputs(await modelArtifact(), 1), quiet);
    expect(asked).toBe(0);
  });
});
