import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openMetadataStore } from '@ctpipe/metadata';
import { afterAll, describe, expect, it } from 'vitest';
import { eventsOf, REPO_ROOT, runCli, tempSettings } from './helpers.js';

const SLOW = join(REPO_ROOT, 'test/fixtures/kfp-sdk/slow-pipeline.yaml');
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

describe('a runner killed mid-run', () => {
  it('leaves nothing registered for the killed task, and the next run completes', async () => {
    const { dir, file } = tempSettings();
    const marker = join(dir, 'hold');
    writeFileSync(marker, '');
    cleanups.push(() => rmSync(marker, { force: true }));
    const args = [
      'run',
      '--settings',
      file,
      '--env',
      'test',
      '--pipeline',
      SLOW,
      '--host-commands',
      '--param',
      `marker=${marker}`,
    ];

    let killedRunId = '';
    const first = runCli(args, {
      onLine(line) {
        if (!line.startsWith('{')) return;
        const event = JSON.parse(line);
        if (event.type === 'run-started') killedRunId = event.runId;
        if (event.type === 'task' && event.task === 'slow' && event.state === 'RUNNING')
          first.child.kill('SIGKILL');
      },
    });
    const killed = await first.done;
    expect(killed.code).toBe(null);
    expect(killedRunId).not.toBe('');
    // The orphaned task process may still be napping: release it, as a real crash would leave it too.
    rmSync(marker);

    const second = await runCli(args).done;
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const events = eventsOf(second.stdout);
    const states = events.filter((e) => e.type === 'task').map((e) => `${e.task}:${e.state}`);
    expect(states).toContain('quick:CACHED');
    expect(states).toContain('slow:SUCCEEDED');

    const store = openMetadataStore(join(dir, 'metadata.sqlite'));
    const killedRun = await store.getRun(killedRunId);
    expect(killedRun?.state).toBe('FAILED');
    const slow = killedRun?.executions.find((e) => e.taskName === 'slow');
    expect(slow?.state).toBe('FAILED');
    expect(slow?.error).toBe('abandoned: runner died');
    expect(slow?.outputs).toEqual([]);
    const killedUri = join(dir, 'root', 'slow-second-step', killedRunId, 'slow', 'result');
    expect(await store.getArtifact(killedUri)).toBeNull();
    const runs = await store.listRuns();
    expect(runs.map((r) => r.state).sort()).toEqual(['FAILED', 'SUCCEEDED']);
    await store.close();
    expect(existsSync(killedUri)).toBe(false);
  });
});

describe('two runs at once on one metadata store', () => {
  it('both succeed', async () => {
    const { dir, file } = tempSettings();
    const marker = join(dir, 'absent');
    const args = [
      'run',
      '--settings',
      file,
      '--env',
      'test',
      '--pipeline',
      SLOW,
      '--host-commands',
      '--no-cache',
      '--param',
      `marker=${marker}`,
    ];
    const [a, b] = await Promise.all([runCli(args).done, runCli(args).done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const store = openMetadataStore(join(dir, 'metadata.sqlite'));
    const runs = await store.listRuns();
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.state === 'SUCCEEDED' && r.tasks.COMPLETE === 2)).toBe(true);
    await store.close();
  });
});
