import { createHash } from 'node:crypto';
import type { ComponentSpec, JsonValue, PipelineContainerSpec } from '@ctpipe/ir';
import type { ResolvedInputs } from './resolve-task-inputs.js';

/**
 * KFP's cache key ingredients: the component's interface, the container (image, command, args, env),
 * the code digest (what an image digest is for a container), the input parameter values and the identity
 * of every input artifact. Any change in one of them is a cache miss.
 */
export function computeCacheKey(
  component: ComponentSpec,
  container: PipelineContainerSpec,
  codeDigest: string,
  inputs: ResolvedInputs,
): string {
  const material = {
    interface: { inputs: component.inputDefinitions ?? {}, outputs: component.outputDefinitions ?? {} },
    container: {
      image: container.image,
      command: container.command,
      args: container.args,
      env: container.env,
    },
    codeDigest,
    parameters: inputs.parameters,
    artifacts: Object.fromEntries(
      Object.entries(inputs.artifacts).map(([k, refs]) => [k, refs.map(artifactIdentity)]),
    ),
  };
  return createHash('sha256')
    .update(canonicalJson(material as unknown as JsonValue))
    .digest('hex');
}

/**
 * An artifact whose producer recorded a content digest (metadata.digest) is identified by it: a rerun that
 * produced the same bytes under a new URI still hits the cache downstream. Otherwise: its id and URI.
 */
function artifactIdentity(ref: ResolvedInputs['artifacts'][string][number]): JsonValue {
  const digest = ref.metadata.digest;
  return typeof digest === 'string' && digest !== '' ? { digest } : { id: ref.id ?? null, uri: ref.uri };
}

/** JSON with sorted keys, so equal inputs always hash equal. */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}
