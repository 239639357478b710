import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageDir, '../..');

export const childScript = (name: string): string => join(packageDir, 'test', name);

/**
 * Child processes cannot load TypeScript (Node 20, no tsx): compile the package into a scratch directory (never
 * dist/, which belongs to the build) whose node_modules points at the workspace's. Returns the compiled entry.
 */
export function compileForChildren(): { work: string; entry: string } {
  const work = mkdtempSync(join(tmpdir(), 'ctpipe-registry-children-'));
  symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'), 'dir');
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [tsc, '-p', join(packageDir, 'tsconfig.build.json'), '--outDir', join(work, 'dist')],
    {
      stdio: 'pipe',
    },
  );
  return { work, entry: join(work, 'dist', 'index.js') };
}
