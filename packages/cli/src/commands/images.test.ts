import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCodeFor } from '@ctpipe/errors';
import { withoutGoogleCredentials } from '@ctpipe/testing';
import { describe, expect, it } from 'vitest';
import { imagesCommand } from './images.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const VERBS = ['evaluate', 'extract', 'infra-validate', 'push', 'train', 'transform', 'validate'];

function collect() {
  let text = '';
  const out = {
    write(chunk: string) {
      text += chunk;
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return {
    out,
    lines: () =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** components/<verb>/{component.yaml,package.json} only: enough for `images set`. */
function copyComponents(): string {
  const root = mkdtempSync(join(tmpdir(), 'images-cli-'));
  for (const verb of VERBS) {
    for (const file of ['component.yaml', 'package.json']) {
      cpSync(join(REPO, 'components', verb, file), join(root, 'components', verb, file));
    }
  }
  return root;
}

describe('ctpipe images set', () => {
  it('points every component.yaml at <registry>/<verb>:<tag> and reports each change as a JSON line', async () => {
    const root = copyComponents();
    const { out, lines } = collect();
    const code = await imagesCommand(
      ['set', '--root', root, '--registry', 'europe-west4-docker.pkg.dev/proj/ctpipe', '--tag', 'abc123'],
      out,
    );
    expect(code).toBe(0);
    expect(lines().map((l) => [l.event, l.component, l.to])).toEqual(
      VERBS.map((v) => ['image-set', v, `europe-west4-docker.pkg.dev/proj/ctpipe/${v}:abc123`]),
    );
    expect(readFileSync(join(root, 'components/train/component.yaml'), 'utf8')).toContain(
      '    image: europe-west4-docker.pkg.dev/proj/ctpipe/train:abc123\n',
    );
  });

  it('with --pipeline rewrites the compiled pipeline.json and leaves the component.yaml files alone', async () => {
    const root = copyComponents();
    const file = join(root, 'pipeline.json');
    writeFileSync(
      file,
      JSON.stringify({
        deploymentSpec: { executors: { 'exec-push': { container: { image: 'reg.io/a/push:old' } } } },
      }),
    );
    const { out } = collect();
    await imagesCommand(
      ['set', '--root', root, '--registry', 'reg.io/prod', '--tag', 'v1', '--pipeline', file],
      out,
    );
    expect(JSON.parse(readFileSync(file, 'utf8')).deploymentSpec.executors['exec-push'].container.image).toBe(
      'reg.io/prod/push:v1',
    );
    expect(readFileSync(join(root, 'components/push/component.yaml'), 'utf8')).toContain(
      'image: ctpipe/push:latest',
    );
  });

  it('refuses an invalid tag before touching any file', async () => {
    const root = copyComponents();
    const before = readFileSync(join(root, 'components/extract/component.yaml'), 'utf8');
    await expect(
      imagesCommand(['set', '--root', root, '--registry', 'reg.io/p', '--tag', 'feature/x'], collect().out),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { found: 'feature/x' } });
    expect(readFileSync(join(root, 'components/extract/component.yaml'), 'utf8')).toBe(before);
  });
});

describe('ctpipe images plan', () => {
  it('--offline without a base plans a build of every component with its turbo content tag', async () => {
    const { out, lines } = collect();
    const code = await imagesCommand(
      ['plan', '--root', REPO, '--registry', 'europe-west4-docker.pkg.dev/p/r', '--tag', 'sha1', '--offline'],
      out,
    );
    expect(code).toBe(0);
    const [summary, ...images] = lines();
    expect(summary).toMatchObject({ event: 'plan', registryChecked: false, commitTag: 'sha1' });
    expect(images.map((i) => [i.component, i.action, i.changed])).toEqual(
      VERBS.map((v) => [v, 'build', null]),
    );
    for (const i of images) expect(i.contentTag).toMatch(/^content-[0-9a-f]{16}-[0-9a-f]{8}$/);
    expect(new Set(images.map((i) => i.contentTag)).size).toBe(VERBS.length);
  });
});

describe('ctpipe images plan on a terminal', () => {
  it('prints one line per component and the totals', async () => {
    let text = '';
    const tty = {
      isTTY: true,
      write(chunk: string) {
        text += chunk;
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    await imagesCommand(
      ['plan', '--root', REPO, '--registry', 'reg.io/p/r', '--tag', 'sha1', '--offline'],
      tty,
    );
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'image plan for reg.io/p/r/<component>:sha1',
      '  git: no base revision given: nothing compared with git',
      '  registry: not checked (offline)',
    ]);
    expect(lines[4]).toMatch(
      /^ {2}BUILD extract {9}content-[0-9a-f]{16}-[0-9a-f]{8} {2}no base revision given: build everything$/,
    );
    expect(lines.at(-1)).toBe('  7 to build, 0 to re-tag, 0 already tagged');
  });
});

describe('ctpipe images without Google credentials', () => {
  withoutGoogleCredentials();

  it('plan and build say so and fail (non-zero exit) before any turbo or docker work', async () => {
    for (const action of ['plan', 'build']) {
      const attempt = imagesCommand(
        [action, '--root', REPO, '--registry', 'europe-west4-docker.pkg.dev/p/r', '--tag', 'sha1'],
        collect().out,
      );
      await expect(attempt).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/^Artifact Registry: no Google credentials found/),
      });
    }
    expect(exitCodeFor('UNAVAILABLE')).not.toBe(0);
  });
});
