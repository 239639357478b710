import { resolve } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { type ModelRegistry, openRegistry, type RegistryFile } from '@ctpipe/registry';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { COMMON_FLAGS, openWorkspace, type Workspace } from '../workspace.js';
import { formatUpstream, sourceLineage } from './model-lineage.js';
import { formatRegistry, formatVersion, versionsTable } from './models-format.js';

const DEFAULT_BASE = '.ctpipe/serving';

export const modelsSpec = {
  name: 'models',
  usage: 'list | show <model> | promote <model> | rollback <model> | label <model> <label> <version>',
  summary: 'the model registry: versions, labels (stable/canary), lineage; promote or roll back a canary',
  flags: {
    ...COMMON_FLAGS,
    base: {
      type: 'string',
      description:
        "the serving base path (default: settings' parameters.serving_base_path, else .ctpipe/serving)",
    },
    model: { type: 'string', description: 'list: only this model' },
    version: { type: 'string', description: 'show: this version number' },
    label: { type: 'string', description: 'show: the version this label points at' },
    json: { type: 'boolean', description: 'JSON output', default: false },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

type Flags = ReturnType<typeof parseCommand<typeof modelsSpec.flags>>['flags'];

export async function modelsCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags, positionals } = parseCommand(modelsSpec, argv);
  const [action, model, ...rest] = positionals;
  const ws = workspaceFor(flags);
  const registry = openRegistry(basePathOf(flags, ws));
  const write = (value: unknown, text: () => string) =>
    out.write(flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);

  switch (action) {
    case 'list': {
      const models = await registry.list(flags.model);
      write(models, () =>
        models.length === 0 ? `no models in ${registry.basePath}` : versionsTable(models, registry.basePath),
      );
      return 0;
    }
    case 'show':
      return show(registry, requireModel(model, action), flags, ws, write);
    case 'promote': {
      const after = await registry.promote(requireModel(model, action));
      write(
        after,
        () => `${after.model}: version ${after.labels.stable} is now stable\n${formatRegistry(after)}`,
      );
      return 0;
    }
    case 'rollback': {
      const name = requireModel(model, action);
      const dropped = (await registry.get(name)).labels.canary;
      const after = await registry.rollback(name);
      write(after, () => `${after.model}: canary version ${dropped} rolled back\n${formatRegistry(after)}`);
      return 0;
    }
    case 'label': {
      const [label, version] = rest;
      if (!label || !version || !/^\d+$/.test(version)) throw usage('label <model> <label> <version>');
      const after = await registry.setLabel(requireModel(model, action), label, Number(version));
      write(after, () => formatRegistry(after));
      return 0;
    }
    default:
      throw usage(modelsSpec.usage);
  }
}

async function show(
  registry: ModelRegistry,
  model: string,
  flags: Flags,
  ws: Workspace | undefined,
  write: (value: unknown, text: () => string) => void,
): Promise<number> {
  if (flags.version !== undefined && flags.label !== undefined) {
    throw new CtpipeError('BAD_INPUT', 'give --version or --label, not both', { details: { model } });
  }
  const version = await registry.show(model, flags.version ?? flags.label);
  const registryFile: RegistryFile = await registry.get(model);
  const { lineage, note } = await sourceLineage(ws?.env.metadata_db, version.source);
  write({ ...version, lineage: lineage ?? null }, () => {
    const lines = formatVersion(version, registryFile);
    lines.push('', `lineage of the source artifact${note ? `: ${note}` : ' (metadata store):'}`);
    if (lineage) lines.push(...formatUpstream(lineage));
    return lines.join('\n');
  });
  return 0;
}

/** --base wins (relative to the current folder); else the environment's serving_base_path (relative to the repo). */
function basePathOf(flags: Flags, ws: Workspace | undefined): string {
  if (flags.base) return flags.base.includes('://') ? flags.base : resolve(flags.base);
  const configured = ws?.env.parameters.serving_base_path;
  const base = typeof configured === 'string' && configured !== '' ? configured : DEFAULT_BASE;
  return base.includes('://') ? base : resolve(ws?.root ?? process.cwd(), base);
}

/** The settings are optional when --base says where the registry is (then there is just no lineage). */
function workspaceFor(flags: Flags): Workspace | undefined {
  try {
    return openWorkspace(flags);
  } catch (err) {
    if (flags.base && err instanceof CtpipeError && err.code === 'NOT_FOUND') return undefined;
    throw err;
  }
}

function requireModel(model: string | undefined, action: string): string {
  if (!model) throw usage(`${action} <model>`);
  return model;
}

function usage(text: string): CtpipeError {
  return new CtpipeError('BAD_INPUT', `usage: ctpipe models ${text}`);
}
