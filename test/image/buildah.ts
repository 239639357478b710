import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True when a `buildah` binary answers on PATH. */
export function buildahInstalled(): boolean {
  return spawnSync('buildah', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * buildah with its own image store under `dir`, so a test neither sees nor changes the machine's images.
 * vfs needs no overlay or fuse support; chroot isolation is the one that runs RUN steps here (the OCI
 * runtimes fail on this kernel's hybrid cgroups).
 */
export class Buildah {
  readonly storeFlags: string[];

  constructor(readonly dir: string) {
    this.storeFlags = [
      '--root',
      join(dir, 'store'),
      '--runroot',
      join(dir, 'run'),
      '--storage-driver',
      'vfs',
    ];
  }

  /** Runs `buildah <args>` and returns its stdout; a failure carries the command and the end of its output. */
  async run(args: string[], options: { cwd?: string } = {}): Promise<string> {
    const result = await this.exec(args, options);
    if (result.code !== 0) {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
      throw new Error(`buildah ${args.slice(0, 2).join(' ')} failed (exit ${result.code}):\n${tail}`);
    }
    return result.stdout;
  }

  /** Runs `buildah <args>` and returns its exit code and output, whatever the code. */
  async exec(args: string[], options: { cwd?: string } = {}): Promise<ExecResult> {
    try {
      const { stdout, stderr } = await run('buildah', [...this.storeFlags, ...args], {
        cwd: options.cwd,
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as Error & { stderr?: string; stdout?: string; code?: number | string };
      // A string code (ENOENT…) means buildah itself did not start.
      if (typeof e.code !== 'number') throw err;
      return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  /** The OCI image config (Entrypoint, User, WorkingDir, Env, Labels) of a local image. */
  async imageConfig(image: string): Promise<OciImageConfig> {
    const inspected = JSON.parse(await this.run(['inspect', '--type', 'image', image])) as {
      OCIv1: { config: OciImageConfig };
    };
    return inspected.OCIv1.config;
  }
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface OciImageConfig {
  User?: string;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  WorkingDir?: string;
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, object>;
}
