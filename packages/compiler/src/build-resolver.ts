import type { ResolverTask } from '@ctpipe/dsl';
import type { ArtifactQuerySpec, ComponentSpec, ExecutorSpec, PipelineTaskSpec } from '@ctpipe/ir';
import { artifactTypeSchema } from './build-component-spec.js';

/**
 * A resolver compiles as TFX's Kubeflow V2 step builder writes a LatestArtifactStrategy resolver: a component
 * with only outputDefinitions, a ResolverSpec executor with one query per output, and a task with neither
 * inputs nor cachingOptions. Downstream tasks read its outputs with `taskOutputArtifact` like any producer's.
 */

/** `comp-<resolver>` (executorLabel added by the caller): one output artifact per query. */
export function buildResolverComponentSpec(resolver: ResolverTask): ComponentSpec {
  const artifacts = Object.entries(resolver.queries).map(([output, query]) => [
    output,
    {
      artifactType: artifactTypeSchema(query.type),
      ...(query.description ? { description: query.description } : {}),
    },
  ]);
  return { outputDefinitions: { artifacts: Object.fromEntries(artifacts) } };
}

/** `exec-<resolver>`: `limit` is left out, as TFX does: the DSL allows only 1, the proto's default. */
export function buildResolverExecutor(resolver: ResolverTask): ExecutorSpec {
  const queries: Record<string, ArtifactQuerySpec> = {};
  for (const [output, query] of Object.entries(resolver.queries)) queries[output] = { filter: query.filter };
  return { resolver: { outputArtifactQueries: queries } };
}

/** No cachingOptions: a cached resolver would keep answering with what it found the first time. */
export function buildResolverTaskSpec(resolver: ResolverTask): PipelineTaskSpec {
  return { taskInfo: { name: resolver.displayName ?? resolver.name }, componentRef: { name: '' } };
}
