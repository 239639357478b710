import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ImagePlan, type ImageRegistry, planImages } from '@ctpipe/release';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticWorkspace } from './synthetic-workspace.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TURBO = join(REPO, 'node_modules/.bin/turbo');
const REGISTRY = 'europe-west4-docker.pkg.dev/p/r';

const summary = (plan: ImagePlan) =>
  Object.fromEntries(plan.images.map((i) => [i.component, { changed: i.changed, action: i.action }]));
const tags = (plan: ImagePlan) => Object.fromEntries(plan.images.map((i) => [i.component, i.contentTag]));
const changedTags = (a: ImagePlan, b: ImagePlan) =>
  a.images.filter((i) => tags(b)[i.component] !== i.contentTag).map((i) => i.component);

/** A registry holding exactly the content tags of an earlier plan. */
function registryWith(plan: ImagePlan): ImageRegistry {
  const present = new Set(plan.images.map((i) => `${i.repository}:${i.contentTag}`));
  return {
    hasTag: async (repository, tag) => present.has(`${repository}:${tag}`),
    addTag: async () => {},
  };
}

describe('changing one component rebuilds only its image (real git, real turbo)', () => {
  const ws = syntheticWorkspace();
  const plan = (
    tag: string,
    extra: { base?: string; imageRegistry?: ImageRegistry; repoRoot?: string } = {},
  ) => planImages({ repoRoot: ws.root, registry: REGISTRY, tag, turboBin: TURBO, ...extra });
  let initial: ImagePlan;
  let afterPush: ImagePlan;
  let afterShared: ImagePlan;
  let afterDocker: ImagePlan;

  beforeAll(async () => {
    initial = await plan('c0');
    ws.write('components/push/src/core.ts', 'export const push = 2;\n');
    ws.commit('push: change');
    afterPush = await plan('c1', { base: 'HEAD^1' });
    ws.write('packages/shared/src/index.ts', 'export const shared = 2;\n');
    ws.commit('shared: change');
    afterShared = await plan('c2', { base: 'HEAD^1', imageRegistry: registryWith(afterPush) });
  });

  it('a change to one component: only it is affected and only its content tag changes', () => {
    expect(summary(afterPush)).toEqual({
      extract: { changed: false, action: 'retag' },
      push: { changed: true, action: 'build' },
      train: { changed: false, action: 'retag' },
    });
    expect(changedTags(initial, afterPush)).toEqual(['push']);
    expect(afterPush.history).toBe('changed since HEAD^1, with dependents: @syn/push');
  });

  it('a change to a shared package: exactly its dependents, and the registry re-tags the rest', () => {
    expect(changedTags(afterPush, afterShared)).toEqual(['extract', 'train']);
    expect(summary(afterShared)).toEqual({
      extract: { changed: true, action: 'build' },
      push: { changed: false, action: 'retag' },
      train: { changed: true, action: 'build' },
    });
    expect(afterShared.history).toBe(
      'changed since HEAD^1, with dependents: @syn/extract, @syn/shared, @syn/train',
    );
    expect(afterShared.images.every((i) => /^content-[0-9a-f]{16}-[0-9a-f]{8}$/.test(i.contentTag))).toBe(
      true,
    );
  });

  it('a change to the component Dockerfile changes every image', async () => {
    ws.write('docker/component.Dockerfile', 'FROM scratch\nLABEL x=y\n');
    ws.commit('dockerfile');
    afterDocker = await plan('c3', { base: 'HEAD^1' });
    expect(changedTags(afterShared, afterDocker)).toEqual(['extract', 'push', 'train']);
    expect(afterDocker.images.map((i) => i.action)).toEqual(['build', 'build', 'build']);
    expect(afterDocker.history).toMatch(/^docker\/component\.Dockerfile changed: every image/);
  });

  it('a shallow clone says the history is missing and falls back to building everything', async () => {
    const clone = join(mkdtempSync(join(tmpdir(), 'cicd-shallow-')), 'repo');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${ws.root}`, clone], { stdio: 'pipe' });
    const shallow = await plan('c4', { base: 'HEAD^1', repoRoot: clone });
    expect(shallow.history).toMatch(
      /^NO GIT HISTORY for HEAD\^1: 'HEAD\^1' is not in this shallow clone; fetch/,
    );
    expect(shallow.images.map((i) => [i.changed, i.action, i.reason])).toEqual(
      Array(3).fill([null, 'build', 'git history missing: build everything']),
    );
    // The content tag does not depend on how the tree was checked out.
    expect(tags(shallow)).toEqual(tags(afterDocker));
  });

  it('a tree without .git (a Cloud Build GitHub tarball) says so too', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'cicd-nogit-'));
    execFileSync('git', ['archive', '--format=tar', '-o', join(bare, 'src.tar'), 'HEAD'], { cwd: ws.root });
    execFileSync('tar', ['-xf', 'src.tar'], { cwd: bare });
    const plain = await plan('c5', { base: 'HEAD^1', repoRoot: bare });
    expect(plain.history).toMatch(/^NO GIT HISTORY for HEAD\^1: .* is not a git checkout/);
    expect(plain.images.every((i) => i.action === 'build')).toBe(true);
    expect(tags(plain)).toEqual(tags(afterDocker));
  });
});
