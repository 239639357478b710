import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';

/** One component of the monorepo: components/<verb>/ with its component.yaml and package. */
export interface ComponentPackage {
  /** The verb: folder, component name and image name. */
  name: string;
  dir: string;
  componentYaml: string;
  /** The npm package name (`@ctpipe/<verb>`), what turbo filters by. */
  packageName: string;
}

/** Every components/<verb>/ that has a component.yaml, sorted by name. */
export function listComponents(repoRoot: string): ComponentPackage[] {
  const root = join(repoRoot, 'components');
  if (!existsSync(root)) {
    throw new CtpipeError('NOT_FOUND', `no components/ folder in ${repoRoot}`, { details: { path: root } });
  }
  const found: ComponentPackage[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const componentYaml = join(dir, 'component.yaml');
    if (!existsSync(componentYaml)) continue;
    found.push({ name, dir, componentYaml, packageName: packageNameOf(dir) });
  }
  return found;
}

function packageNameOf(dir: string): string {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) {
    throw new CtpipeError('BAD_CONFIG', `component folder ${dir} has no package.json`, { details: { file } });
  }
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const name = typeof parsed === 'object' && parsed !== null && 'name' in parsed ? parsed.name : undefined;
  if (typeof name !== 'string') {
    throw new CtpipeError('BAD_CONFIG', `${file} has no "name"`, {
      details: { file, expected: 'a package name' },
    });
  }
  return name;
}
