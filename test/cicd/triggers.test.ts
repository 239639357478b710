import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = join(REPO, '.cloudbuild/triggers');

/** The BuildTrigger fields these files use (`gcloud builds triggers import --source=FILE`). */
interface Trigger {
  name?: string;
  description?: string;
  github?: { owner?: string; name?: string; push?: { branch?: string; tag?: string } };
  sourceToBuild?: { uri?: string; ref?: string; repoType?: string };
  gitFileSource?: { path?: string; uri?: string; revision?: string; repoType?: string };
  filename?: string;
  substitutions?: Record<string, string>;
  ignoredFiles?: string[];
  approvalConfig?: { approvalRequired?: boolean };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const load = (file: string) => parse(readFileSync(join(DIR, file), 'utf8')) as Trigger;
const configOf = (t: Trigger) => t.filename ?? t.gitFileSource?.path;

/** Cloud Build's ignoredFiles matching: Go filepath.Match globs plus `**` for any number of folders. */
function globMatches(glob: string, path: string): boolean {
  const re = glob
    .split('**')
    .map((part) =>
      part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]'),
    )
    .join('.*');
  return new RegExp(`^${re}$`).test(path);
}

describe('Cloud Build triggers', () => {
  it('are the dev, staging and promote-prod triggers', () => {
    expect(files.sort()).toEqual(['dev.yaml', 'promote-prod.yaml', 'staging.yaml']);
  });

  it.each(files)('%s has a name, a description, a source and a build config that exists', (file) => {
    const t = load(file);
    expect(t.name).toMatch(/^[a-z][a-z0-9-]{0,63}$/);
    expect(t.description?.length).toBeGreaterThan(10);
    expect(t.github ?? t.sourceToBuild).toBeDefined();
    const config = configOf(t);
    expect(config && existsSync(join(REPO, config)), `${config}`).toBe(true);
    const declared = Object.keys(parse(readFileSync(join(REPO, config!), 'utf8')).substitutions ?? {});
    for (const key of Object.keys(t.substitutions ?? {})) {
      expect(key).toMatch(/^_[A-Z0-9_]+$/);
      expect(declared, `${file}: ${key} is not a substitution of ${config}`).toContain(key);
    }
  });

  it('push triggers anchor their branch regexes and ignore docs-only and notebook-only changes', () => {
    const push = files.map(load).filter((t) => t.github?.push);
    expect(push.map((t) => [t.name, t.github?.push?.branch])).toEqual([
      ['ctpipe-dev', '^dev$'],
      ['ctpipe-staging', '^main$'],
    ]);
    for (const t of push) {
      const branch = new RegExp(t.github!.push!.branch!);
      expect(['not-main', 'dev2', 'main-old', 'feature/dev'].some((b) => branch.test(b))).toBe(false);
      expect(t.filename).toBe('cloudbuild.yaml');
      const ignored = (path: string) => (t.ignoredFiles ?? []).some((g) => globMatches(g, path));
      for (const path of [
        'README.md',
        'components/train/README.md',
        'docs/design/x.png',
        'notebooks/a.ipynb',
        'x/y.ipynb',
      ]) {
        expect(ignored(path), `${t.name}: ${path}`).toBe(true);
      }
      for (const path of [
        'components/train/src/core.ts',
        'cloudbuild.yaml',
        'package-lock.json',
        'docker/serving.Dockerfile',
      ]) {
        expect(ignored(path), `${t.name}: ${path}`).toBe(false);
      }
    }
    expect(push.map((t) => [t.substitutions?._ENV, t.substitutions?._RUN_PIPELINE])).toEqual([
      ['dev', 'true'],
      ['staging', 'true'],
    ]);
  });

  it('the prod promotion is manual, approval-gated and runs cloudbuild.promote.yaml', () => {
    const t = load('promote-prod.yaml');
    expect(t.approvalConfig).toEqual({ approvalRequired: true });
    expect(t.github).toBeUndefined();
    expect(t.gitFileSource?.path).toBe('cloudbuild.promote.yaml');
    expect(t.sourceToBuild?.ref).toBe('refs/heads/main');
    const unGated = files.map(load).filter((x) => x.approvalConfig?.approvalRequired !== true);
    expect(unGated.map((x) => x.name)).toEqual(['ctpipe-dev', 'ctpipe-staging']);
  });
});
