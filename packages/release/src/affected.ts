import { runTool } from './internal/run-tool.js';
import { listFilteredPackages, type TurboOptions } from './turbo.js';

/** Files outside any package that go into every component image (see content-tag.ts). */
export const IMAGE_GLOBAL_FILES = [
  'docker/component.Dockerfile',
  '.dockerignore',
  'tsconfig.base.json',
] as const;

export type AffectedPackages =
  | { kind: 'changed'; base: string; packages: string[]; reason: string }
  /** The base cannot be compared with: no .git (Cloud Build's GitHub tarballs), a shallow clone, a bad ref. */
  | { kind: 'no-history'; base: string; reason: string };

/**
 * Packages changed since `base` plus their dependents (`turbo ls --filter=...[base]`); a change to a file every
 * image is built from (the component Dockerfile, tsconfig.base.json) affects all of them. The base is checked
 * first, because turbo fails on a missing ref and `--affected` silently selects everything.
 */
export async function affectedPackages(options: TurboOptions, base: string): Promise<AffectedPackages> {
  const git = (args: string[]) => runTool('git', args, { cwd: options.repoRoot });
  const inside = await git(['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0) {
    return {
      kind: 'no-history',
      base,
      reason: `${options.repoRoot} is not a git checkout (Cloud Build sources from a GitHub app arrive without .git)`,
    };
  }
  const resolved = await git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (resolved.code !== 0) {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
    return {
      kind: 'no-history',
      base,
      reason: shallow
        ? `'${base}' is not in this shallow clone; fetch history first (git fetch --unshallow, or clone with --filter=blob:none and no --depth)`
        : `'${base}' is not a commit in this repository`,
    };
  }
  const global = await git(['diff', '--name-only', base, '--', ...IMAGE_GLOBAL_FILES]);
  const globalChanged = global.stdout.trim().split('\n').filter(Boolean);
  if (globalChanged.length > 0) {
    const all = await listFilteredPackages(options, '*');
    return {
      kind: 'changed',
      base,
      packages: all,
      reason: `${globalChanged.join(', ')} changed: every image`,
    };
  }
  const packages = await listFilteredPackages(options, `...[${base}]`);
  return { kind: 'changed', base, packages, reason: `changed since ${base}, with dependents` };
}
