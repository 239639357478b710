import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineSpec } from '@ctpipe/ir';
import { openMetadataStore } from '@ctpipe/metadata';
import { runPipeline } from '@ctpipe/runner';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collectingReporter, REPO_ROOT } from './helpers.js';

const spec = parse(
  readFileSync(join(REPO_ROOT, 'test/fixtures/kfp-sdk/shell-pipeline.yaml'), 'utf8'),
) as PipelineSpec;

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'kfp-sdk-'));
  const store = await openMetadataStore(join(dir, 'metadata.sqlite'));
  return { dir, store, pipelineRoot: join(dir, 'root') };
}

describe('the local runner on a pipeline compiled by the KFP SDK', () => {
  it('runs shell containers on the host, passes artifacts and parameters, and evaluates conditions', async () => {
    const { store, pipelineRoot } = await setup();
    const reporter = collectingReporter();
    const result = await runPipeline({
      spec,
      store,
      pipelineRoot,
      repoRoot: REPO_ROOT,
      reporter,
      hostCommands: true,
    });
    expect(result.state).toBe('SUCCEEDED');
    const states = Object.fromEntries([...result.tasks].map(([k, v]) => [k, v.state]));
    expect(states).toEqual({
      'make-lines': 'SUCCEEDED',
      shout: 'SUCCEEDED',
      'condition-1': 'SUCCEEDED',
      'condition-1/announce': 'SUCCEEDED',
      'condition-2': 'NOT_TRIGGERED',
    });
    const lines = result.tasks.get('make-lines')!;
    expect(lines.outputParameters).toEqual({ count: 3 });
    expect(readFileSync(lines.outputArtifacts.lines![0]!.uri, 'utf8')).toBe(
      'hello kfp\nhello kfp\nhello kfp\n',
    );
    expect(readFileSync(result.tasks.get('shout')!.outputArtifacts.loud![0]!.uri, 'utf8')).toBe(
      'HELLO KFP\nHELLO KFP\nHELLO KFP\n',
    );
    // The f-string constant inside the condition was resolved against the channel the condition received.
    const log = readFileSync(join(result.runRoot, '.executor', 'condition-1', 'announce.log'), 'utf8');
    expect(log.trim()).toBe('many lines: 3');
    const run = await store.getRun(result.runId);
    expect(run?.state).toBe('SUCCEEDED');
    expect(run?.executions.map((e) => e.taskName).sort()).toEqual([
      'condition-1/announce',
      'make-lines',
      'shout',
    ]);
    await store.close();
  });

  it('a second run reuses every cached task, and a changed parameter invalidates only what depends on it', async () => {
    const { store, pipelineRoot } = await setup();
    const first = await runPipeline({
      spec,
      store,
      pipelineRoot,
      repoRoot: REPO_ROOT,
      reporter: collectingReporter(),
      hostCommands: true,
    });
    const second = await runPipeline({
      spec,
      store,
      pipelineRoot,
      repoRoot: REPO_ROOT,
      reporter: collectingReporter(),
      hostCommands: true,
    });
    expect(second.tasks.get('make-lines')?.state).toBe('CACHED');
    expect(second.tasks.get('shout')?.state).toBe('CACHED');
    expect(second.tasks.get('shout')?.outputArtifacts.loud?.[0]?.uri).toBe(
      first.tasks.get('shout')?.outputArtifacts.loud?.[0]?.uri,
    );
    const third = await runPipeline({
      spec,
      store,
      pipelineRoot,
      repoRoot: REPO_ROOT,
      reporter: collectingReporter(),
      hostCommands: true,
      parameters: { text: 'bye' },
    });
    expect(third.tasks.get('make-lines')?.state).toBe('SUCCEEDED');
    expect(third.tasks.get('shout')?.state).toBe('SUCCEEDED');
    expect(readFileSync(third.tasks.get('shout')!.outputArtifacts.loud![0]!.uri, 'utf8')).toBe(
      'BYE\nBYE\nBYE\n',
    );
    const lineage = await store.lineage(third.tasks.get('shout')!.outputArtifacts.loud![0]!.uri);
    expect(lineage.producer?.execution.taskName).toBe('shout');
    expect(lineage.producer?.inputs[0]?.producer?.execution.taskName).toBe('make-lines');
    await store.close();
  });

  it('refuses images it cannot map unless --host-commands is given, and records the failure', async () => {
    const { store, pipelineRoot } = await setup();
    const result = await runPipeline({
      spec,
      store,
      pipelineRoot,
      repoRoot: REPO_ROOT,
      reporter: collectingReporter(),
    });
    expect(result.state).toBe('FAILED');
    expect(result.tasks.get('make-lines')?.error).toMatch(/alpine:3.20.*--host-commands/);
    expect(result.tasks.get('shout')?.state).toBe('UPSTREAM_FAILED');
    expect((await store.getRun(result.runId))?.state).toBe('FAILED');
    await store.close();
  });

  it('retries a failing task per its retryPolicy, then fails with the reason from stderr', async () => {
    const { store, pipelineRoot, dir } = await setup();
    const counter = join(dir, 'attempts');
    const failing = structuredClone(spec);
    failing.deploymentSpec.executors['exec-shout'] = {
      container: {
        image: 'alpine:3.20',
        command: ['sh', '-c', `echo x >> ${counter}; echo "disk on fire" >&2; exit 3`],
      },
    };
    failing.root.dag!.tasks.shout!.retryPolicy = {
      maxRetryCount: 2,
      backoffDuration: '0s',
      backoffFactor: 2,
      backoffMaxDuration: '1s',
    };
    const result = await runPipeline({
      spec: failing,
      store,
      pipelineRoot,
      repoRoot: REPO_ROOT,
      reporter: collectingReporter(),
      hostCommands: true,
    });
    expect(result.state).toBe('FAILED');
    expect(readFileSync(counter, 'utf8')).toBe('x\nx\nx\n');
    expect(result.tasks.get('shout')?.error).toBe('exit code 3: disk on fire');
    // FAIL_SLOW: the independent branch still ran.
    expect(result.tasks.get('condition-1')?.state).toBe('SUCCEEDED');
    await store.close();
  });

  it('runs independent tasks at the same time, and no more at once than maxParallel', async () => {
    const { store, pipelineRoot, dir } = await setup();
    // Each task announces itself, then waits (≤ 2 s) for the other: they both succeed only if they overlap.
    const meet = (me: string, other: string) => ({
      container: {
        image: 'alpine:3.20',
        command: [
          'sh',
          '-c',
          `touch ${dir}/${me}; i=0; while [ ! -f ${dir}/${other} ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i+1)); done; [ -f ${dir}/${other} ]`,
        ],
      },
    });
    const pair = (name: string): PipelineSpec => ({
      pipelineInfo: { name },
      schemaVersion: '2.1.0',
      sdkVersion: 'kfp-2.15.2',
      deploymentSpec: {
        executors: {
          'exec-left': meet(`${name}-l`, `${name}-r`),
          'exec-right': meet(`${name}-r`, `${name}-l`),
        },
      },
      components: {
        'comp-left': { executorLabel: 'exec-left' },
        'comp-right': { executorLabel: 'exec-right' },
      },
      root: {
        dag: {
          tasks: {
            left: { taskInfo: { name: 'left' }, componentRef: { name: 'comp-left' } },
            right: { taskInfo: { name: 'right' }, componentRef: { name: 'comp-right' } },
          },
        },
      },
    });
    const options = { store, pipelineRoot, repoRoot: REPO_ROOT, hostCommands: true };
    const together = await runPipeline({
      ...options,
      spec: pair('together'),
      reporter: collectingReporter(),
      maxParallel: 2,
    });
    expect(together.state).toBe('SUCCEEDED');
    const alone = await runPipeline({
      ...options,
      spec: pair('alone'),
      reporter: collectingReporter(),
      maxParallel: 1,
    });
    expect([...alone.tasks.values()].map((o) => o.state).sort()).toEqual(['FAILED', 'SUCCEEDED']);
    await store.close();
  });
});
