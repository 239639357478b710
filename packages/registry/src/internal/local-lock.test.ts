import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLocalLock } from './local-lock.js';

const holder = (pid: number) =>
  JSON.stringify({ pid, host: hostname(), token: 'other', createdAt: new Date().toISOString() });

describe('withLocalLock', () => {
  it('runs the function holding the lock file and removes it afterwards, also on failure', async () => {
    const lock = join(await mkdtemp(join(tmpdir(), 'lock-')), '.registry.lock');
    const seen = await withLocalLock(lock, { timeoutMs: 1000, staleMs: 60_000 }, async () =>
      existsSync(lock),
    );
    expect(seen).toBe(true);
    expect(existsSync(lock)).toBe(false);
    await expect(
      withLocalLock(lock, { timeoutMs: 1000, staleMs: 60_000 }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks a lock whose holder process is gone', async () => {
    const lock = join(await mkdtemp(join(tmpdir(), 'lock-')), '.registry.lock');
    await writeFile(lock, holder(2 ** 22 + 12345)); // above Linux's PID_MAX_LIMIT (2^22): no such process
    expect(await withLocalLock(lock, { timeoutMs: 1000, staleMs: 60_000 }, async () => 'ran')).toBe('ran');
  });

  it('waits for a live holder, then gives up with CONFLICT naming it', async () => {
    const lock = join(await mkdtemp(join(tmpdir(), 'lock-')), '.registry.lock');
    await writeFile(lock, holder(process.pid));
    await expect(
      withLocalLock(lock, { timeoutMs: 50, staleMs: 60_000 }, async () => 'ran'),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { path: lock, found: expect.stringContaining(`pid ${process.pid}`) },
    });
    expect(existsSync(lock)).toBe(true);
  });
});
