import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A small npm-workspaces monorepo shaped like ctpipe (packages/shared, components/{extract,train,push} with
 * component.yaml, turbo.json with the same build inputs) in a fresh git repository. extract and train depend on
 * @syn/shared; push depends on nothing.
 */
export function syntheticWorkspace(): {
  root: string;
  write(path: string, text: string): void;
  commit(m: string): void;
} {
  const root = mkdtempSync(join(tmpdir(), 'cicd-synthetic-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], {
      cwd: root,
      stdio: 'pipe',
    });
  write(
    'package.json',
    JSON.stringify({
      name: 'syn',
      private: true,
      packageManager: 'npm@11.19.1',
      workspaces: ['packages/*', 'components/*'],
    }),
  );
  write(
    'turbo.json',
    JSON.stringify({
      tasks: {
        build: {
          dependsOn: ['^build'],
          inputs: ['src/**', 'package.json', 'component.yaml'],
          outputs: ['dist/**'],
        },
      },
    }),
  );
  write('docker/component.Dockerfile', 'FROM scratch\n');
  write('packages/shared/package.json', pkg('@syn/shared', []));
  write('packages/shared/src/index.ts', 'export const shared = 1;\n');
  for (const [verb, deps] of [
    ['extract', ['@syn/shared']],
    ['train', ['@syn/shared']],
    ['push', []],
  ] as const) {
    write(`components/${verb}/package.json`, pkg(`@syn/${verb}`, deps));
    write(`components/${verb}/src/core.ts`, `export const ${verb} = 1;\n`);
    write(
      `components/${verb}/component.yaml`,
      `name: ${verb}\nimplementation:\n  container:\n    image: ctpipe/${verb}:latest\n    command: [node, /app/components/${verb}/dist/main.js]\n`,
    );
  }
  git('init', '-q', '-b', 'main');
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  commit('initial');
  return { root, write, commit };
}

function pkg(name: string, deps: readonly string[]): string {
  return JSON.stringify({
    name,
    version: '0.0.0',
    scripts: { build: 'true' },
    dependencies: Object.fromEntries(deps.map((d) => [d, '*'])),
  });
}
