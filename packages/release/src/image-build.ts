import type { ImagePlan } from './image-plan.js';
import type { ImageRegistry } from './image-registry.js';

export interface BuildCommandOptions {
  /** Relative to the build context: `docker/component.Dockerfile` (written and owned by docker/). */
  dockerfile?: string;
  /** The build context, the repo root: the Dockerfile prunes the monorepo with turbo itself. */
  context?: string;
}

/**
 * The docker commands for the plan's `build` images: one build per component tagged with both its content tag
 * and the commit tag, then both pushed — in a step, because Cloud Build's `images:` pushes only after the last
 * step, and the pipeline compiled and uploaded before then already names these images.
 */
export function dockerBuildCommands(plan: ImagePlan, options: BuildCommandOptions = {}): string[][] {
  const dockerfile = options.dockerfile ?? 'docker/component.Dockerfile';
  const context = options.context ?? '.';
  const commands: string[][] = [];
  for (const image of plan.images.filter((i) => i.action === 'build')) {
    const content = `${image.repository}:${image.contentTag}`;
    const commit = `${image.repository}:${image.commitTag}`;
    commands.push(
      [
        'docker',
        'build',
        '-f',
        dockerfile,
        '--build-arg',
        `COMPONENT=${image.component}`,
        '-t',
        content,
        '-t',
        commit,
        context,
      ],
      ['docker', 'push', content],
      ['docker', 'push', commit],
    );
  }
  return commands;
}

/** The same as a bash script, for a `gcr.io/cloud-builders/docker` step (which has docker and bash, not node). */
export function dockerBuildScript(plan: ImagePlan, options: BuildCommandOptions = {}): string {
  const commands = dockerBuildCommands(plan, options);
  const lines = [
    '#!/usr/bin/env bash',
    `# Written by \`ctpipe images build --script\`: builds and pushes the component images that the plan could not re-tag.`,
    'set -euo pipefail',
    ...commands.map((argv) => argv.map(shellQuote).join(' ')),
  ];
  if (commands.length === 0) lines.push("echo 'every component image already exists: nothing to build'");
  return `${lines.join('\n')}\n`;
}

/** Adds the commit tag to every `retag` image (registry-side, no layers move); returns what it tagged. */
export async function applyRetags(plan: ImagePlan, registry: ImageRegistry): Promise<string[]> {
  const done: string[] = [];
  for (const image of plan.images.filter((i) => i.action === 'retag')) {
    await registry.addTag(image.repository, image.contentTag, image.commitTag);
    done.push(`${image.repository}:${image.commitTag}`);
  }
  return done;
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
