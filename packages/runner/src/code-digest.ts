import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Hash of a package's built code and the built code of every workspace package it depends on — what an
 * image digest is to a container: change any of it and cached results of that component no longer apply.
 */
export function digestPackageCode(repoRoot: string, packageDir: string): string {
  const hash = createHash('sha256');
  const workspaces = workspacePackages(repoRoot);
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    hash.update(`${relative(repoRoot, dir)}\n`);
    hashTree(hash, join(dir, 'dist'), repoRoot);
    for (const dep of Object.keys(manifest.dependencies ?? {}).sort()) {
      const depDir = workspaces.get(dep);
      if (depDir) visit(depDir);
      else hash.update(`dep ${dep}@${manifest.dependencies?.[dep]}\n`);
    }
  };
  visit(packageDir);
  return hash.digest('hex');
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string, root: string) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) hashTree(hash, path, root);
    else if (!name.endsWith('.map') && !name.endsWith('.d.ts')) {
      hash.update(`${relative(root, path)}\n`);
      hash.update(readFileSync(path));
    }
  }
}

function workspacePackages(repoRoot: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of ['packages', 'components', 'pipelines']) {
    const dir = join(repoRoot, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const manifest = join(dir, entry, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string };
      map.set(name, join(dir, entry));
    }
  }
  return map;
}
