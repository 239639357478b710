import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMetadataStore } from '@ctpipe/metadata';
import { openRegistry } from '@ctpipe/registry';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempSettings } from './helpers.js';

/** A Model artifact's version folder, as train writes it. */
function modelFiles(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctpipe-models-src-'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ tag }));
  return dir;
}

describe('ctpipe models: list, show (with lineage), promote, rollback', () => {
  const { dir, file } = tempSettings();
  const base = join(dir, 'serving');
  const settings = ['--settings', file, '--env', 'test'];
  const withBase = [...settings, '--base', base];
  const modelUri = join(dir, 'root', 'run-1', 'train', 'model');

  beforeAll(async () => {
    // What a run recorded: train read the examples and wrote the model that push registered as version 1.
    const store = openMetadataStore(join(dir, 'metadata.sqlite'));
    await store.startRun({
      runId: 'run-1',
      pipelineName: 'ct',
      pipelineSpecDigest: 'sha256:x',
      parameters: {},
    });
    const examples = await store.registerArtifact({ uri: '/data/penguins', typeTitle: 'system.Dataset' });
    const train = await store.startExecution({
      runId: 'run-1',
      taskName: 'train',
      componentName: 'train',
      inputParameters: { epochs: 30 },
      inputArtifacts: [{ key: 'examples', artifactId: examples.id }],
      pid: process.pid,
    });
    await store.completeExecution(train, {
      outputParameters: {},
      outputArtifacts: [{ key: 'model', uri: modelUri, typeTitle: 'system.Model', metadata: {} }],
    });
    await store.close();

    const registry = openRegistry(base);
    const rollout = { kind: 'canary', canaryPercent: 10 } as const;
    await registry.publishVersion({
      model: 'penguins',
      sourceDir: modelFiles('v1'),
      source: modelUri,
      runId: 'run-1',
      metrics: { accuracy: 0.97 },
      rollout,
    });
    await registry.publishVersion({
      model: 'penguins',
      sourceDir: modelFiles('v2'),
      source: '/runs/2/model',
      rollout,
    });
  });

  it('lists every version with its labels and canary share', async () => {
    const list = await runCli(['models', 'list', ...withBase]).done;
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const rows = list.stdout.split('\n');
    expect(rows[0]).toBe(`registry ${base}`);
    expect(rows.find((r) => r.startsWith('penguins  2'))).toMatch(/canary \(10 %\)/);
    expect(rows.find((r) => r.startsWith('penguins  1'))).toMatch(/stable .* accuracy=0\.9700 /);
  });

  it('shows a version by label with the lineage of its source artifact', async () => {
    const show = await runCli(['models', 'show', 'penguins', '--label', 'stable', ...withBase]).done;
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('version  1\n');
    expect(show.stdout).toContain(`files    ${base}/penguins/1\n`);
    expect(show.stdout).toContain('run      run-1\n');
    expect(show.stdout).toMatch(/task train \(train\) #\d+ COMPLETE in run run-1/);
    expect(show.stdout).toContain('parameters: epochs=30');
    expect(show.stdout).toMatch(/input examples: #\d+ system\.Dataset \/data\/penguins/);

    const json = await runCli(['models', 'show', 'penguins', '--version', '2', '--json', ...withBase]).done;
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 2, labels: ['canary'], lineage: null });
  });

  it('promotes the canary, then rolls back a new one, each visible in registry.json', async () => {
    const promote = await runCli(['models', 'promote', 'penguins', ...withBase]).done;
    expect(promote.code).toBe(0);
    expect(promote.stdout).toContain('penguins: version 2 is now stable');
    const registryFile = join(base, 'penguins', 'registry.json');
    expect(JSON.parse(readFileSync(registryFile, 'utf8')).labels).toEqual({ stable: 2 });

    await openRegistry(base).publishVersion({
      model: 'penguins',
      sourceDir: modelFiles('v3'),
      source: '/runs/3/model',
      rollout: { kind: 'canary', canaryPercent: 20 },
    });
    const rollback = await runCli(['models', 'rollback', 'penguins', ...withBase]).done;
    expect(rollback.stdout).toContain('penguins: canary version 3 rolled back');
    expect(JSON.parse(readFileSync(registryFile, 'utf8'))).toMatchObject({
      labels: { stable: 2 },
      canaryTrafficPercent: 0,
    });

    const again = await runCli(['models', 'rollback', 'penguins', ...withBase]).done;
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("ctpipe models: model 'penguins': there is no canary to roll back");
  });

  it("defaults the base path to the environment's serving_base_path parameter", async () => {
    const other = mkdtempSync(join(tmpdir(), 'ctpipe-models-env-'));
    const env = tempSettings({ serving_base_path: other });
    await openRegistry(other).publishVersion({
      model: 'iris',
      sourceDir: modelFiles('i1'),
      source: '/runs/i1',
    });
    const list = await runCli(['models', 'list', '--settings', env.file, '--env', 'test']).done;
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`registry ${other}\n`);
    expect(list.stdout).toMatch(/\niris +1 /);

    const missing = await runCli(['models', 'show', 'nope', '--settings', env.file, '--env', 'test']).done;
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain("no model 'nope' in the registry");
  });
});
