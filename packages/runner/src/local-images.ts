import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseComponentYaml } from '@ctpipe/contract';
import { CtpipeError, exitCodeFor } from '@ctpipe/errors';
import type { PipelineContainerSpec } from '@ctpipe/ir';
import { digestPackageCode } from './code-digest.js';

/** How a container command runs as a local process. */
export interface LocalCommand {
  argv: string[];
  cwd: string;
  /** Digest of the code that will run: part of the cache key, so a code change invalidates the cache. */
  codeDigest: string;
  /** Exit codes that say the input is wrong: retrying cannot help, so the retry policy does not apply. */
  permanentExitCodes: number[];
}

// ctpipe components exit with these for BAD_INPUT, BAD_CONFIG, NOT_FOUND, UNSUPPORTED and CONTRACT.
const CTPIPE_PERMANENT_EXIT_CODES = (
  ['BAD_INPUT', 'BAD_CONFIG', 'NOT_FOUND', 'UNSUPPORTED', 'CONTRACT'] as const
).map(exitCodeFor);

export interface CommandResolver {
  resolve(container: PipelineContainerSpec): LocalCommand;
}

/** Inside ctpipe's images the monorepo sits at /app (docker/component.Dockerfile's WORKDIR). */
const IMAGE_APP_ROOT = '/app/';

/**
 * The local runner's image → process mapping: an image whose name (last path segment, no tag) is a
 * component of this repo runs that component's built entry with this Node; other images run their
 * command on the host only when the user allows it (there is no Docker engine to run them in).
 */
export function createCommandResolver(options: { repoRoot: string; hostCommands: boolean }): CommandResolver {
  const components = scanComponents(options.repoRoot);
  const digests = new Map<string, string>();
  return {
    resolve(container) {
      const name = imageName(container.image);
      const component = components.get(name);
      const command = container.command ?? [];
      if (component) {
        const argv = command.map((part, i) => {
          if (i === 0 && (part === 'node' || part.endsWith('/node'))) return process.execPath;
          return part.startsWith(IMAGE_APP_ROOT)
            ? join(options.repoRoot, part.slice(IMAGE_APP_ROOT.length))
            : part;
        });
        const entry = argv.find((a) => a.endsWith('.js'));
        if (entry && !existsSync(entry)) {
          throw new CtpipeError(
            'NOT_FOUND',
            `component '${name}' is not built: ${entry} is missing (run npm run build)`,
            {
              details: { file: entry },
            },
          );
        }
        let digest = digests.get(name);
        if (digest === undefined) {
          digest = digestPackageCode(options.repoRoot, component);
          digests.set(name, digest);
        }
        return {
          argv,
          cwd: options.repoRoot,
          codeDigest: digest,
          permanentExitCodes: CTPIPE_PERMANENT_EXIT_CODES,
        };
      }
      if (!options.hostCommands) {
        throw new CtpipeError(
          'UNSUPPORTED',
          `image '${container.image}' is not a component of this repo; pass --host-commands to run its command on this host (no Docker engine is used)`,
          { details: { found: container.image } },
        );
      }
      if (command.length === 0) {
        throw new CtpipeError('BAD_CONFIG', `image '${container.image}' has no command to run on the host`);
      }
      return {
        argv: [...command],
        cwd: options.repoRoot,
        codeDigest: `image:${container.image}`,
        permanentExitCodes: [],
      };
    },
  };
}

export function imageName(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const last = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  return last.split(':')[0]!;
}

/** Component name → its package directory, from each components/<verb>/component.yaml. */
function scanComponents(repoRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  const dir = join(repoRoot, 'components');
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    const yamlPath = join(dir, entry, 'component.yaml');
    if (!existsSync(yamlPath)) continue;
    const { implementation } = parseComponentYaml(readFileSync(yamlPath, 'utf8'), yamlPath);
    found.set(imageName(implementation.image), join(dir, entry));
  }
  return found;
}
