import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/**
 * Child processes cannot load TypeScript (Node 20, no tsx), so a test that needs real processes compiles its
 * package (`packageDir`, the folder of its package.json) into a scratch directory — never dist/, which belongs to
 * the build — whose node_modules is the workspace's, so the package's dependencies (native ones included) and the
 * built @ctpipe packages resolve. Returns the scratch directory and the compiled entry point (dist/index.js).
 */
export function compileForChildren(packageDir: string): { work: string; entry: string } {
  const repoRoot = resolve(packageDir, '../..');
  const work = mkdtempSync(join(tmpdir(), `ctpipe-${basename(packageDir)}-children-`));
  symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'), 'dir');
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [tsc, '-p', join(packageDir, 'tsconfig.build.json'), '--outDir', join(work, 'dist')],
    { stdio: 'pipe' },
  );
  return { work, entry: join(work, 'dist', 'index.js') };
}
