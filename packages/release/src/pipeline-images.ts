import { readFile, writeFile } from 'node:fs/promises';
import { CtpipeError } from '@ctpipe/errors';
import type { ImageChange } from './component-images.js';
import { componentImage, imageName } from './image-ref.js';

/**
 * Rewrites `deploymentSpec.executors.*.container.image` of a compiled pipeline (parsed JSON) for the executors
 * whose image name is one of `components`; other images (third-party components) are left alone.
 */
export function setPipelineImages(
  spec: unknown,
  options: { registry: string; tag: string; components: readonly string[]; file?: string },
): ImageChange[] {
  const file = options.file ?? '<pipeline>';
  const executors = executorsOf(spec, file);
  const changes: ImageChange[] = [];
  for (const executor of Object.values(executors)) {
    const container = isRecord(executor) ? executor.container : undefined;
    if (!isRecord(container) || typeof container.image !== 'string') continue;
    const name = imageName(container.image);
    if (!options.components.includes(name)) continue;
    const to = componentImage(options.registry, name, options.tag);
    changes.push({ component: name, file, from: container.image, to });
    container.image = to;
  }
  return changes;
}

/** The same on a pipeline.json file, written back in place (2-space JSON, as the compiler writes it). */
export async function setPipelineFileImages(options: {
  file: string;
  registry: string;
  tag: string;
  components: readonly string[];
}): Promise<ImageChange[]> {
  let spec: unknown;
  try {
    spec = JSON.parse(await readFile(options.file, 'utf8'));
  } catch (err) {
    throw new CtpipeError('BAD_INPUT', `${options.file} is not a readable pipeline.json`, {
      details: { file: options.file },
      cause: err,
    });
  }
  const changes = setPipelineImages(spec, options);
  await writeFile(options.file, `${JSON.stringify(spec, null, 2)}\n`);
  return changes;
}

function executorsOf(spec: unknown, file: string): Record<string, unknown> {
  const deployment = isRecord(spec) ? spec.deploymentSpec : undefined;
  const executors = isRecord(deployment) ? deployment.executors : undefined;
  if (!isRecord(executors)) {
    throw new CtpipeError(
      'BAD_INPUT',
      `${file} has no deploymentSpec.executors: is it a compiled pipeline?`,
      {
        details: { file, expected: 'a KFP v2 PipelineSpec' },
      },
    );
  }
  return executors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
