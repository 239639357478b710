// docker/lint.mjs (npm run lint:docker) on the repo's Dockerfiles, on a broken one, and the pins the
// Dockerfiles share with package.json and the lockfile.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

const LINT = join(REPO_ROOT, 'docker/lint.mjs');
const DOCKERFILES = readdirSync(join(REPO_ROOT, 'docker'))
  .filter((f) => f.endsWith('.Dockerfile'))
  .map((f) => join(REPO_ROOT, 'docker', f));

function lint(files: string[]) {
  const result = spawnSync(process.execPath, [LINT, ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, lines: result.stdout.trim().split('\n') };
}

/** The default of `ARG <name>=<value>` in a Dockerfile (the first one). */
function argDefault(file: string, name: string): string | undefined {
  return new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(readFileSync(file, 'utf8'))?.[1];
}

describe('Dockerfile lint (dockerfile-utils + dockerfilelint)', () => {
  it('finds nothing in docker/*.Dockerfile', () => {
    expect(DOCKERFILES.map((f) => f.slice(REPO_ROOT.length + 1)).sort()).toEqual([
      'docker/component.Dockerfile',
      'docker/serving.Dockerfile',
    ]);
    const result = lint([]);
    expect(result.lines).toEqual([`${DOCKERFILES.length} Dockerfile(s), 0 finding(s)`]);
    expect(result.code).toBe(0);
  });

  it('reports each tool’s findings in a broken Dockerfile with its line, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockerfile-lint-'));
    const file = join(dir, 'broken.Dockerfile');
    writeFileSync(
      file,
      [
        'ARG BASE=node',
        'FROM $BASE',
        'EXPOSE http',
        'RUN apt-get install curl',
        'FROOM x',
        'CMD ["node", "a.js"]',
        'CMD ["node", "b.js"]',
        '',
      ].join('\n'),
    );
    const result = lint([file]);
    expect(result.code).toBe(1);
    const findings = result.lines.slice(0, -1).map((l) => l.replace(/^.*broken\.Dockerfile:/, ''));
    expect(findings).toEqual(
      expect.arrayContaining([
        '2 base-tag: FROM $BASE: the image needs a tag or digest',
        '3 dockerfile-utils: error: Invalid containerPort: http',
        expect.stringMatching(/^3 dockerfilelint: Invalid Port Exposed/),
        expect.stringMatching(/^4 dockerfilelint: Missing parameter for `apt-get`/),
        '5 dockerfile-utils: error: Unknown instruction: FROOM',
        expect.stringMatching(/^6 dockerfile-utils: warning: There can only be one CMD/),
      ]),
    );
    expect(result.lines.at(-1)).toBe(`1 Dockerfile(s), ${findings.length} finding(s)`);
  });

  it('pins the same turbo and npm versions as package.json and the lockfile', () => {
    const rootPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    expect(rootPackage.scripts['lint:docker']).toBe('node docker/lint.mjs');
    for (const file of DOCKERFILES) {
      expect(argDefault(file, 'TURBO_VERSION'), file).toBe(lock.packages['node_modules/turbo'].version);
      expect(`npm@${argDefault(file, 'NPM_VERSION')}`, file).toBe(rootPackage.packageManager);
      expect(argDefault(file, 'NODE_IMAGE'), file).toMatch(/^node:\d+-[a-z]+-slim$/);
    }
  });
});
