import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import type { LockOptions } from './lock-options.js';
import { pause } from './pause.js';

interface Holder {
  pid: number;
  host: string;
  token: string;
  createdAt: string;
}

/**
 * Runs `fn` holding an exclusive lock file (created with O_EXCL, so exactly one process wins). A lock whose
 * holder died on this host, or that is older than `staleMs`, is broken: a crashed push must not block the
 * registry for ever. Breaking renames the file aside first, so two processes cannot both break and both win.
 */
export async function withLocalLock<T>(
  lockPath: string,
  options: LockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  const token = await acquire(lockPath, options);
  try {
    return await fn();
  } finally {
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, options: LockOptions): Promise<string> {
  await mkdir(dirname(lockPath), { recursive: true });
  const holder: Holder = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    createdAt: new Date().toISOString(),
  };
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lockPath, JSON.stringify(holder), { flag: 'wx' });
      return holder.token;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const current = await readHolder(lockPath);
    if (current && (await isStale(lockPath, current, options.staleMs))) {
      await breakLock(lockPath, current);
      continue;
    }
    if (Date.now() - started > options.timeoutMs) {
      throw new CtpipeError('CONFLICT', `the model registry is locked by another writer: ${lockPath}`, {
        details: {
          path: lockPath,
          found: current ? `pid ${current.pid} on ${current.host} since ${current.createdAt}` : 'a lock file',
          expected: `the lock to be released within ${options.timeoutMs} ms`,
        },
      });
    }
    await pause(Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
}

async function readHolder(lockPath: string): Promise<Holder | undefined> {
  try {
    const text = await readFile(lockPath, 'utf8');
    // Empty: the holder created the file and has not written it yet.
    return text === '' ? undefined : (JSON.parse(text) as Holder);
  } catch {
    return undefined;
  }
}

async function isStale(lockPath: string, holder: Holder, staleMs: number): Promise<boolean> {
  if (holder.host === hostname() && !isAlive(holder.pid)) return true;
  const info = await stat(lockPath).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > staleMs;
}

async function breakLock(lockPath: string, seen: Holder): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else broke or released it
  }
  const moved = await readHolder(aside);
  // Between reading the holder and renaming, the lock may have changed hands: give a live one back (link fails
  // rather than overwrite if yet another writer has taken the free name meanwhile).
  if (moved && moved.token !== seen.token) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
}

async function release(lockPath: string, token: string): Promise<void> {
  const current = await readHolder(lockPath);
  if (current?.token === token) await rm(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
