import { type AffectedPackages, affectedPackages } from './affected.js';
import { listComponents } from './components.js';
import { contentTag, imageGlobalsDigest } from './content-tag.js';
import { validateRegistry, validateTag } from './image-ref.js';
import type { ImageRegistry } from './image-registry.js';
import { buildTaskHashes } from './turbo.js';

/** build: no image has this content yet · retag: one does, add the commit tag · present: already tagged. */
export type ImageAction = 'build' | 'retag' | 'present';

export interface PlannedImage {
  component: string;
  packageName: string;
  /** `<registry>/<component>`, no tag. */
  repository: string;
  contentTag: string;
  commitTag: string;
  /** Changed since the base revision; null when no base was given or its history is missing. */
  changed: boolean | null;
  action: ImageAction;
  reason: string;
}

export interface ImagePlan {
  registry: string;
  commitTag: string;
  /** What the git comparison found, for the log (missing history is said here). */
  history: string;
  /** False when the plan was made without asking the registry (offline / dry run without credentials). */
  registryChecked: boolean;
  images: PlannedImage[];
}

export interface PlanOptions {
  repoRoot: string;
  registry: string;
  /** The commit tag, `$COMMIT_SHA` in Cloud Build. */
  tag: string;
  /** A git revision to compare with (e.g. `origin/main`, `HEAD^1`). */
  base?: string;
  /** The registry to check content tags in; without it the plan follows the git comparison alone. */
  imageRegistry?: ImageRegistry;
  turboBin?: string;
}

/**
 * For each component: its content tag (turbo's build hash + the image-global files), whether it changed since
 * `base`, and what to do. With a registry the registry decides — an image with the content tag is re-tagged,
 * never rebuilt, whatever git says; without one, changed (or unknown) components are built.
 */
export async function planImages(options: PlanOptions): Promise<ImagePlan> {
  const registry = validateRegistry(options.registry);
  const commitTag = validateTag(options.tag);
  const turbo = { repoRoot: options.repoRoot, ...(options.turboBin ? { turboBin: options.turboBin } : {}) };
  const components = listComponents(options.repoRoot);
  const hashes = await buildTaskHashes(
    turbo,
    components.map((c) => c.packageName),
  );
  const globals = imageGlobalsDigest(options.repoRoot);
  const affected = options.base === undefined ? undefined : await affectedPackages(turbo, options.base);
  const images: PlannedImage[] = [];
  for (const c of components) {
    const repository = `${registry}/${c.name}`;
    const tag = contentTag(hashes.get(c.packageName)!, globals);
    const changed = affected?.kind === 'changed' ? affected.packages.includes(c.packageName) : null;
    const decision = options.imageRegistry
      ? await decideByRegistry(options.imageRegistry, repository, tag, commitTag)
      : decideByHistory(changed, affected);
    images.push({
      component: c.name,
      packageName: c.packageName,
      repository,
      contentTag: tag,
      commitTag,
      changed,
      ...decision,
    });
  }
  return {
    registry,
    commitTag,
    history: describeHistory(affected),
    registryChecked: options.imageRegistry !== undefined,
    images,
  };
}

async function decideByRegistry(
  registry: ImageRegistry,
  repository: string,
  contentTag: string,
  commitTag: string,
): Promise<{ action: ImageAction; reason: string }> {
  if (await registry.hasTag(repository, commitTag)) {
    return { action: 'present', reason: `${repository}:${commitTag} already exists` };
  }
  if (await registry.hasTag(repository, contentTag)) {
    return { action: 'retag', reason: `an image with this content exists (${contentTag})` };
  }
  return { action: 'build', reason: `no image with content tag ${contentTag} in the registry` };
}

function decideByHistory(
  changed: boolean | null,
  affected: AffectedPackages | undefined,
): { action: ImageAction; reason: string } {
  if (changed === false) {
    return {
      action: 'retag',
      reason: `unchanged since ${affected?.base}: re-tag the content image (registry not checked)`,
    };
  }
  if (changed === true) return { action: 'build', reason: `changed since ${affected?.base}` };
  if (affected?.kind === 'no-history')
    return { action: 'build', reason: 'git history missing: build everything' };
  return { action: 'build', reason: 'no base revision given: build everything' };
}

function describeHistory(affected: AffectedPackages | undefined): string {
  if (affected === undefined) return 'no base revision given: nothing compared with git';
  if (affected.kind === 'no-history') return `NO GIT HISTORY for ${affected.base}: ${affected.reason}`;
  return `${affected.reason}: ${affected.packages.length === 0 ? 'none' : affected.packages.join(', ')}`;
}
