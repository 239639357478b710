// Builds the extract component's image from docker/component.Dockerfile with buildah (no Docker daemon) on a
// stand-in node base, then runs it on a KFP ExecutorInput inside the image's filesystem.
// Skipped only where buildah is missing outside CI; in CI, .ci/run installs it, and a missing buildah fails.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers.js';
import { Buildah, buildahInstalled, type OciImageConfig } from './buildah.js';
import { commitStandinNodeBase } from './standin-node-base.js';

const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false';
const STANDIN = 'localhost/ctpipe-standin-node:22';
const IMAGE = 'localhost/ctpipe/extract:test';
// Building takes ~35 s here (two npm ci runs against the registry); generous for a busy CI machine.
const BUILD_TIMEOUT_MS = 15 * 60_000;

/** 30 rows under span-7/: the pattern's {SPAN} must resolve to 7, and 30 rows reach both splits. */
function writeInput(dir: string): void {
  const rows = Array.from(
    { length: 30 },
    (_, i) => `${i},${(i * 1.5).toFixed(1)},${i % 3 === 0 ? 'a' : 'b'}`,
  );
  mkdirSync(join(dir, 'span-7'), { recursive: true });
  writeFileSync(join(dir, 'span-7', 'data.csv'), `id,x,label\n${rows.join('\n')}\n`);
  mkdirSync(join(dir, 'bad'), { recursive: true });
  writeFileSync(join(dir, 'bad', 'data.csv'), 'a,b\n1,2\n3,4,5\n');
}

/** An ExecutorInput as the KFP launcher builds it, with every output under `out` (writable by any user). */
function executorInput(inputPattern: string, out: string) {
  return {
    inputs: { parameterValues: { input_pattern: inputPattern } },
    outputs: {
      parameters: {
        span: { outputFile: `${out}/params/span` },
        row_count: { outputFile: `${out}/params/row_count` },
      },
      artifacts: {
        examples: {
          artifacts: [
            {
              name: 'examples',
              type: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' },
              uri: `file://${out}/examples`,
              metadata: {},
            },
          ],
        },
      },
      outputFile: `${out}/executor_output.json`,
    },
  };
}

describe.skipIf(!buildahInstalled() && !IN_CI)('extract image (docker/component.Dockerfile, buildah)', () => {
  let dir = '';
  let buildah: Buildah;
  let container = '';
  let rootfs = '';
  let config: OciImageConfig;

  beforeAll(async () => {
    if (!buildahInstalled()) throw new Error('buildah is not installed (in CI, .ci/run installs it)');
    dir = mkdtempSync(join(tmpdir(), 'ctpipe-image-'));
    buildah = new Buildah(dir);
    await commitStandinNodeBase(buildah, STANDIN);
    await buildah.run(
      [
        'bud',
        '--isolation',
        'chroot',
        '--pull=never',
        // Every test run has a fresh store, so no layer can be reused, and vfs stores each layer as a full
        // copy: one commit per stage builds in ~35 s instead of ~90 s with --layers.
        '--layers=false',
        '--quiet',
        '-f',
        'docker/component.Dockerfile',
        '--build-arg',
        'COMPONENT=extract',
        '--build-arg',
        `NODE_IMAGE=${STANDIN}`,
        '-t',
        IMAGE,
        '.',
      ],
      { cwd: REPO_ROOT },
    );
    config = await buildah.imageConfig(IMAGE);
    container = (await buildah.run(['from', '--pull=never', IMAGE])).trim();
    const input = join(dir, 'input');
    writeInput(input);
    await buildah.run(['copy', container, input, '/tmp/input']);
    rootfs = (await buildah.run(['mount', container])).trim();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (!dir) return;
    await buildah.exec(['rm', '--all']);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  /** Runs a command in the image's filesystem with its user, env and working dir (chroot: no runtime here). */
  function runInImage(argv: string[]) {
    return buildah.exec(['run', '--isolation', 'chroot', container, '--', ...argv]);
  }

  it('is configured as KFP and Vertex AI run it: non-root, /app, node on the component entry', () => {
    expect(config.User).toBe('1000:1000');
    expect(config.WorkingDir).toBe('/app');
    expect(config.Entrypoint).toEqual(['node', '/app/main.mjs']);
    expect(config.Env).toEqual(expect.arrayContaining(['NODE_ENV=production', 'CTPIPE_COMPONENT=extract']));
    expect(readFileSync(join(rootfs, 'app/main.mjs'), 'utf8')).toBe(
      "import './components/extract/dist/main.js';\n",
    );
    // component.yaml's command names a file that the image has.
    const componentYaml = parse(readFileSync(join(REPO_ROOT, 'components/extract/component.yaml'), 'utf8'));
    const command = componentYaml.implementation.container.command as string[];
    expect(command[0]).toBe('node');
    expect(existsSync(join(rootfs, command[1] as string))).toBe(true);
  });

  it('holds production dependencies and built code only, owned by root', () => {
    const app = join(rootfs, 'app');
    for (const dev of ['typescript', 'turbo', 'vitest', '@biomejs', 'vega-datasets']) {
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    }
    expect(existsSync(join(app, 'node_modules/@duckdb/node-api'))).toBe(true);
    // Workspace packages are symlinks into packages/…, which must be there with their dist.
    expect(existsSync(join(app, 'node_modules/@ctpipe/contract/dist/index.js'))).toBe(true);
    expect(existsSync(join(app, 'components/extract/src'))).toBe(false);
    expect(existsSync(join(app, 'packages/data/src'))).toBe(false);
    expect(existsSync(join(app, 'packages/model'))).toBe(false);
    expect(existsSync(join(app, 'components/extract/dist/main.js.map'))).toBe(false);
    expect(statSync(join(app, 'components/extract/dist/main.js')).uid).toBe(0);
  });

  it('runs its ENTRYPOINT on an ExecutorInput as uid 1000 and writes the ExecutorOutput', async () => {
    const out = '/tmp/kfp-ok';
    const input = executorInput('/tmp/input/span-{SPAN}/*.csv', out);
    const result = await runInImage([
      ...(config.Entrypoint ?? []),
      '--executor-input',
      JSON.stringify(input),
    ]);
    expect(result.stderr.split('\n').filter((l) => l && !l.startsWith('{'))).toEqual([]);
    expect(result.code).toBe(0);

    const outputFile = join(rootfs, out, 'executor_output.json');
    const output = JSON.parse(readFileSync(outputFile, 'utf8'));
    expect(output.parameterValues).toEqual({ span: 7, row_count: 30 });
    const examples = output.artifacts.examples.artifacts[0];
    expect(examples.uri).toBe(`file://${out}/examples`);
    expect(examples.metadata.span).toBe(7);
    expect(examples.metadata.format).toBe('csv');
    expect(examples.metadata.columns.map((c: { name: string }) => c.name)).toEqual(['id', 'x', 'label']);
    const { train, eval: evalRows } = examples.metadata.row_counts;
    expect(train + evalRows).toBe(30);
    expect(train).toBeGreaterThan(0);
    expect(evalRows).toBeGreaterThan(0);
    // Written by the component's process: its files belong to the image's user, not root.
    expect(statSync(outputFile).uid).toBe(1000);
    expect(statSync(join(rootfs, out, 'examples/Split-train/data_0.parquet')).uid).toBe(1000);
  });

  it("fails a bad CSV through component.yaml's command with exit 2 and a one-line reason", async () => {
    const out = '/tmp/kfp-bad';
    const input = executorInput('/tmp/input/bad/data.csv', out);
    const result = await runInImage([
      'node',
      '/app/components/extract/dist/main.js',
      '--executor-input',
      JSON.stringify(input),
    ]);
    expect(result.code).toBe(2);
    const reasons = result.stderr.split('\n').filter((l) => l.startsWith('extract:'));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('file=/tmp/input/bad/data.csv line=3');
    expect(existsSync(join(rootfs, out, 'executor_output.json'))).toBe(false);
  });
});
