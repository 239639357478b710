import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import {
  applyRetags,
  artifactRegistryDocker,
  dockerBuildCommands,
  dockerBuildScript,
  googleAccessToken,
  type ImagePlan,
  type ImageRegistry,
  listComponents,
  planImages,
  setComponentImages,
  setPipelineFileImages,
  validateRegistry,
} from '@ctpipe/release';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { runDocker } from './images-docker.js';
import { formatImagePlan } from './images-format.js';

export const imagesSpec = {
  name: 'images',
  usage: 'set | plan | build',
  summary:
    'component images: point component.yaml (or a pipeline.json) at a registry+tag; plan/build/re-tag them',
  flags: {
    registry: {
      type: 'string',
      description: 'image registry host/path, e.g. europe-west4-docker.pkg.dev/PROJECT/REPO',
    },
    tag: { type: 'string', description: 'the image tag ($COMMIT_SHA in Cloud Build)' },
    pipeline: {
      type: 'string',
      description: 'set: rewrite this compiled pipeline.json instead of the component.yaml files',
    },
    base: {
      type: 'string',
      description: 'plan/build: the git revision to compare with (the affected set)',
    },
    'dry-run': { type: 'boolean', description: 'build: print the plan only', default: false },
    offline: {
      type: 'boolean',
      description: 'plan: do not ask the registry; decide by the git comparison alone',
      default: false,
    },
    script: {
      type: 'string',
      description:
        'build: write the docker build/push commands to this bash script instead of running docker',
    },
    root: { type: 'string', description: 'the monorepo root (default: the nearest folder with turbo.json)' },
    json: { type: 'boolean', description: 'JSON output', default: false },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

type Flags = ReturnType<typeof parseCommand<typeof imagesSpec.flags>>['flags'];

export async function imagesCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags, positionals } = parseCommand(imagesSpec, argv);
  const [action] = positionals;
  const registry = required(flags.registry, '--registry');
  const tag = required(flags.tag, '--tag');
  const repoRoot = flags.root ? resolve(flags.root) : findRepoRoot(process.cwd());
  const asJson = flags.json || !(out as { isTTY?: boolean }).isTTY;
  const emit = (event: Record<string, unknown>, text: string) =>
    out.write(asJson ? `${JSON.stringify(event)}\n` : `${text}\n`);

  switch (action) {
    case 'set': {
      const changes = flags.pipeline
        ? await setPipelineFileImages({
            file: resolve(flags.pipeline),
            registry,
            tag,
            components: listComponents(repoRoot).map((c) => c.name),
          })
        : await setComponentImages({ repoRoot, registry, tag });
      for (const c of changes) emit({ event: 'image-set', ...c }, `${c.component}: ${c.from} → ${c.to}`);
      return 0;
    }
    case 'plan':
    case 'build': {
      const dryRun = action === 'plan' || flags['dry-run'];
      if (flags.offline && !dryRun) {
        throw new CtpipeError(
          'BAD_INPUT',
          'images build needs the registry; --offline goes with plan or --dry-run',
        );
      }
      const imageRegistry = flags.offline ? undefined : await registryFor(registry);
      const plan = await planImages({
        repoRoot,
        registry,
        tag,
        ...(flags.base ? { base: flags.base } : {}),
        ...(imageRegistry ? { imageRegistry } : {}),
      });
      emitPlan(plan, asJson, out);
      if (dryRun) return 0;
      return execute(plan, imageRegistry!, flags, repoRoot, emit);
    }
    default:
      throw new CtpipeError('BAD_INPUT', `images: unknown action '${action ?? ''}'`, {
        details: { expected: 'set | plan | build', found: action ?? '' },
      });
  }
}

async function execute(
  plan: ImagePlan,
  registry: ImageRegistry,
  flags: Flags,
  repoRoot: string,
  emit: (event: Record<string, unknown>, text: string) => void,
): Promise<number> {
  for (const image of await applyRetags(plan, registry))
    emit({ event: 'image-retagged', image }, `re-tagged ${image}`);
  if (flags.script) {
    const file = resolve(flags.script);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, dockerBuildScript(plan), { mode: 0o755 });
    emit({ event: 'script-written', file }, `wrote ${file}: run it where docker is (bash ${flags.script})`);
    return 0;
  }
  for (const argv of dockerBuildCommands(plan)) {
    emit({ event: 'docker', argv }, `$ ${argv.join(' ')}`);
    await runDocker(argv, repoRoot);
  }
  return 0;
}

function emitPlan(plan: ImagePlan, asJson: boolean, out: NodeJS.WritableStream): void {
  if (!asJson) {
    out.write(formatImagePlan(plan));
    return;
  }
  const { images, ...summary } = plan;
  out.write(`${JSON.stringify({ event: 'plan', ...summary })}\n`);
  for (const image of images) out.write(`${JSON.stringify({ event: 'planned-image', ...image })}\n`);
}

/** Artifact Registry is the registry the plan can ask; credentials are resolved before any work. */
async function registryFor(registry: string): Promise<ImageRegistry> {
  const host = validateRegistry(registry).split('/')[0] ?? '';
  if (!host.endsWith('-docker.pkg.dev')) {
    throw new CtpipeError(
      'UNSUPPORTED',
      `only Artifact Registry (*-docker.pkg.dev) can be checked for existing images, not ${host}; pass --offline`,
      { details: { found: registry } },
    );
  }
  const token = await googleAccessToken('Artifact Registry')();
  return artifactRegistryDocker({ token });
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw new CtpipeError('BAD_INPUT', `images needs ${flag}`, { details: { expected: flag } });
  }
  return value;
}

function findRepoRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'turbo.json')) && existsSync(join(dir, 'components'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new CtpipeError(
        'NOT_FOUND',
        'no monorepo root (turbo.json + components/) here or above; pass --root',
        {
          details: { path: from },
        },
      );
    }
    dir = parent;
  }
}
