import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Buildah } from './buildah.js';

/**
 * A stand-in for the node:22 base image, made from this machine's own Node.js: base images cannot be pulled
 * here (no registry but npm's), so the Dockerfile's build logic is tested on the local runtime instead.
 * It has what the Dockerfiles use of the real image: node and npm on PATH at the paths this machine has them,
 * the shared libraries node loads, a POSIX shell and tools (busybox), and the `node` user (uid 1000).
 * The machine's npm configuration (registry, CA file) comes along, so `npm ci` in the build reaches the
 * registry the way npm on this machine does.
 */
export async function commitStandinNodeBase(buildah: Buildah, image: string): Promise<void> {
  const rootfs = join(buildah.dir, 'standin-rootfs');
  makeRootfs(rootfs);
  const container = (await buildah.run(['from', 'scratch'])).trim();
  try {
    await buildah.run(['copy', container, `${rootfs}/`, '/']);
    // buildah copy makes everything root's, as COPY does.
    await buildah.run(['run', '--isolation', 'chroot', container, '--', 'chown', '1000:1000', '/home/node']);
    await buildah.run(['config', '--env', 'PATH=/usr/local/bin:/usr/bin:/bin', '--cmd', 'node', container]);
    await buildah.run(['commit', '--quiet', container, image]);
  } finally {
    await buildah.run(['rm', container]);
  }
}

function makeRootfs(rootfs: string): void {
  const node = process.execPath;
  const npmDir = join(execFileSync('npm', ['root', '--global'], { encoding: 'utf8' }).trim(), 'npm');
  for (const dir of ['bin', 'etc/ssl/certs', 'root', 'home/node', 'tmp', 'usr/bin']) {
    mkdirSync(join(rootfs, dir), { recursive: true });
  }
  chmodSync(join(rootfs, 'tmp'), 0o1777);
  copyAt(rootfs, node);
  for (const lib of sharedLibraries(node)) copyAt(rootfs, lib);
  cpSync(npmDir, join(rootfs, npmDir), { recursive: true, verbatimSymlinks: true });
  const binDir = join(rootfs, dirname(node));
  symlinkSync(join(npmDir, 'bin/npm-cli.js'), join(binDir, 'npm'));
  symlinkSync(join(npmDir, 'bin/npx-cli.js'), join(binDir, 'npx'));

  const busybox = execFileSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).trim();
  copyFileSync(busybox, join(rootfs, 'bin/busybox'));
  chmodSync(join(rootfs, 'bin/busybox'), 0o755);
  for (const lib of sharedLibraries(busybox)) copyAt(rootfs, lib);
  const applets = execFileSync(busybox, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const applet of applets) {
    if (!existsSync(join(rootfs, 'bin', applet))) symlinkSync('busybox', join(rootfs, 'bin', applet));
  }
  // Scripts' `#!/usr/bin/env node` shebangs (npm's .bin links, tsc).
  symlinkSync('/bin/busybox', join(rootfs, 'usr/bin/env'));

  writeFileSync(
    join(rootfs, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n',
  );
  writeFileSync(join(rootfs, 'etc/group'), 'root:x:0:\nnode:x:1000:\n');
  carryNpmConfig(rootfs, node);
}

/** The machine's registry and CA file as the stand-in's global npmrc (<prefix>/etc/npmrc, as here). */
function carryNpmConfig(rootfs: string, node: string): void {
  const get = (key: string) => execFileSync('npm', ['config', 'get', key], { encoding: 'utf8' }).trim();
  const lines = [`registry=${get('registry')}`];
  const cafile = get('cafile');
  if (cafile && cafile !== 'null' && cafile !== 'undefined') {
    copyAt(rootfs, cafile, 0o644);
    lines.push(`cafile=${cafile}`);
  }
  for (const key of ['proxy', 'https-proxy', 'noproxy']) {
    const value = get(key);
    if (value && value !== 'null' && value !== 'undefined') lines.push(`${key}=${value}`);
  }
  const npmrc = join(rootfs, dirname(dirname(node)), 'etc/npmrc');
  mkdirSync(dirname(npmrc), { recursive: true });
  writeFileSync(npmrc, `${lines.join('\n')}\n`);
}

/** The absolute paths `ldd` resolves for a binary (the loader included); none for a static one. */
function sharedLibraries(binary: string): string[] {
  const ldd = spawnSync('ldd', [binary], { encoding: 'utf8' });
  return [...ldd.stdout.matchAll(/(\/\S+) \(0x/g)].map((m) => m[1] as string);
}

/** Copies a file (following links) to the same absolute path under rootfs. */
function copyAt(rootfs: string, file: string, mode = 0o755): void {
  const target = join(rootfs, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, readFileSync(file), { mode });
}
