import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMetadataStore } from '@ctpipe/metadata';
import { describe, expect, it } from 'vitest';
import { dropSpan, spanOne, spanSettings } from './ct-demo/spans.js';
import { runCli } from './helpers.js';

describe('ctpipe trigger killed during a run it started', () => {
  it('loses nothing: the restarted trigger reruns the request, reusing what finished, and it succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctpipe-trigger-crash-'));
    const settings = spanSettings(
      dir,
      'crash',
      `    max_trials: 1
  triggers:
    poll_interval: 200ms
    new_data: {}`,
    );
    const args = ['trigger', '--settings', settings, '--env', 'crash'];
    dropSpan(join(dir, 'source'), 1, spanOne());

    // Killed (SIGKILL: no cleanup at all) once extract has finished and transform is running.
    let killedRun = '';
    const first = runCli(args, {
      onLine(line) {
        if (!line.startsWith('{')) return;
        const event = JSON.parse(line) as { type: string; runId?: string; task?: string; state?: string };
        if (event.type === 'started') killedRun = event.runId ?? '';
        if (event.type === 'task' && event.task === 'condition-1/transform' && event.state === 'RUNNING') {
          first.child.kill('SIGKILL');
        }
      },
    });
    expect((await first.done).code).toBe(null);
    expect(killedRun).not.toBe('');

    const second = await runCli([...args, '--once']).done;
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const lines = second.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { type: string; recovered?: number; runId?: string; state?: string });
    expect(lines.find((l) => l.type === 'loop-started')?.recovered).toBe(1);
    const finished = lines.find((l) => l.type === 'finished');
    expect(finished?.state).toBe('SUCCEEDED');

    const store = openMetadataStore(join(dir, 'metadata.sqlite'));
    try {
      const [request] = await store.listRunRequests({ pipelineName: 'ctpipe-ct' });
      expect(request).toMatchObject({
        trigger: 'new-data',
        state: 'DONE',
        attempts: 2,
        runId: finished?.runId,
      });
      expect((await store.getRun(killedRun))?.state).toBe('FAILED');
      const rerun = await store.getRun(finished!.runId!);
      expect(rerun).toMatchObject({ state: 'SUCCEEDED', trigger: 'new-data' });
      expect(rerun?.triggerReason).toMatch(/new span 1/);
      // extract finished before the kill: the rerun reuses it.
      expect(rerun?.executions.find((e) => e.taskName === 'extract')?.state).toBe('CACHED');
      expect(rerun?.executions.some((e) => e.taskName.endsWith('push') && e.state === 'COMPLETE')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
