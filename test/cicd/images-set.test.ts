import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseComponentYaml } from '@ctpipe/contract';
import { imageName, setComponentImages } from '@ctpipe/release';
import { describe, expect, it } from 'vitest';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VERBS = readdirSync(join(REPO, 'components')).sort();
const REGISTRY = 'europe-west4-docker.pkg.dev/ctpipe-dev/ctpipe';
const SHA = '3f2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';

function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'images-set-'));
  for (const verb of VERBS) {
    for (const f of ['component.yaml', 'package.json']) {
      cpSync(join(REPO, 'components', verb, f), join(root, 'components', verb, f));
    }
  }
  return root;
}

describe('images set on a copy of components/*/component.yaml', () => {
  it('changes exactly the image line of each file, keeps comments, and the images still map to the components', async () => {
    const root = copy();
    const file = (verb: string) => join(root, 'components', verb, 'component.yaml');
    writeFileSync(
      file('train'),
      `# kept: a comment the rewrite must not drop\n${readFileSync(file('train'), 'utf8')}`,
    );
    const before = new Map(VERBS.map((v) => [v, readFileSync(file(v), 'utf8')]));

    const changes = await setComponentImages({ repoRoot: root, registry: REGISTRY, tag: SHA });

    expect(changes.map((c) => [c.component, c.from, c.to])).toEqual(
      VERBS.map((v) => [v, `ctpipe/${v}:latest`, `${REGISTRY}/${v}:${SHA}`]),
    );
    for (const verb of VERBS) {
      const old = before.get(verb)!.split('\n');
      const now = readFileSync(file(verb), 'utf8').split('\n');
      expect(now).toHaveLength(old.length);
      const diff = now.map((line, i) => [old[i], line]).filter(([a, b]) => a !== b);
      expect(diff).toEqual([[`    image: ctpipe/${verb}:latest`, `    image: ${REGISTRY}/${verb}:${SHA}`]]);
      const parsed = parseComponentYaml(now.join('\n'), file(verb));
      expect(imageName(parsed.implementation.image)).toBe(verb);
    }
    expect(readFileSync(file('train'), 'utf8')).toMatch(/^# kept: a comment the rewrite must not drop\n/);
  });

  it('is idempotent, and a second registry/tag replaces the first', async () => {
    const root = copy();
    await setComponentImages({ repoRoot: root, registry: REGISTRY, tag: SHA });
    const again = await setComponentImages({ repoRoot: root, registry: REGISTRY, tag: SHA });
    expect(again.every((c) => c.from === c.to)).toBe(true);
    const moved = await setComponentImages({
      repoRoot: root,
      registry: 'localhost:5000/ctpipe',
      tag: 'local-1',
    });
    expect(moved.find((c) => c.component === 'push')).toMatchObject({
      from: `${REGISTRY}/push:${SHA}`,
      to: 'localhost:5000/ctpipe/push:local-1',
    });
  });
});
