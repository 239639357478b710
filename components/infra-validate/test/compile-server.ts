import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const componentDir = path.resolve(import.meta.dirname, '..');
const repoRoot = path.resolve(componentDir, '..', '..');

/**
 * The serving process cannot load TypeScript (Node 20): compile this component into a scratch directory (never
 * dist/, which belongs to the build) whose node_modules is the workspace's, so the built @ctpipe packages resolve.
 */
export async function compileServer(): Promise<{
  root: string;
  serverModule: string;
  close(): Promise<void>;
}> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-infra-validate-'));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [tsc, '-p', path.join(componentDir, 'tsconfig.build.json'), '--outDir', path.join(root, 'dist')],
    { stdio: 'pipe' },
  );
  return {
    root,
    serverModule: path.join(root, 'dist', 'serve-child.js'),
    close: () => rm(root, { recursive: true, force: true }),
  };
}
