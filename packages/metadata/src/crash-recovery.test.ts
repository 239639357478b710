import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMetadataStore } from './open.js';
import { isProcessAlive } from './process-alive.js';
import { ABANDONED_ERROR } from './states.js';
import { childScript, compileForChildren } from './test-support/compile-for-children.js';

function runUntilKilled(args: string[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, (err) =>
      resolve(err && 'signal' in err ? (err.signal as NodeJS.Signals) : null),
    );
  });
}

describe('a runner process killed mid-task', () => {
  it('leaves a RUNNING execution that recovery fails, with no artifact registered', async () => {
    const { work, entry } = compileForChildren();
    const file = join(work, 'metadata.sqlite');
    expect(await runUntilKilled([childScript('crash.mjs'), entry, file])).toBe('SIGKILL');

    const store = openMetadataStore(file);
    const before = await store.getRun('crashed');
    expect(before?.executions.map((e) => [e.taskName, e.state])).toEqual([
      ['extract', 'COMPLETE'],
      ['train', 'RUNNING'],
    ]);
    const train = before?.executions[1];

    const result = await store.abandonStaleExecutions(isProcessAlive);
    expect(result).toEqual({ executionIds: [train?.id], runIds: ['crashed'] });
    const after = await store.getRun('crashed');
    expect(after).toMatchObject({ state: 'FAILED', error: ABANDONED_ERROR });
    expect(after?.executions[1]).toMatchObject({ state: 'FAILED', error: ABANDONED_ERROR, outputs: [] });
    expect(await store.findCachedExecution('key-train')).toBeNull();
    expect((await store.findCachedExecution('key-extract'))?.outputArtifacts[0]?.artifact.uri).toBe(
      '/art/crashed/examples',
    );
    await store.close();
    rmSync(work, { recursive: true, force: true });
  });
});

describe('isProcessAlive', () => {
  it('is true for this process and false for a pid that has exited', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const child = execFile(process.execPath, ['-e', '0']);
    const pid = child.pid ?? -1;
    await new Promise((resolve) => child.on('exit', resolve));
    expect(isProcessAlive(pid)).toBe(false);
  });
});
