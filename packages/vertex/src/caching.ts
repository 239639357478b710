import type { PipelineSpec } from '@ctpipe/ir';

/**
 * The spec with every task's caching set to `enable`, in the root DAG and in every sub-DAG component (conditions,
 * loops, exit handlers): what the Vertex AI SDK's `enable_caching` does, since a PipelineJob has no such field.
 * `undefined` keeps the options the pipeline was compiled with. The input is not changed.
 */
export function withCaching(spec: PipelineSpec, enable: boolean | undefined): PipelineSpec {
  if (enable === undefined) return spec;
  const copy = structuredClone(spec);
  for (const component of [copy.root, ...Object.values(copy.components)]) {
    for (const task of Object.values(component.dag?.tasks ?? {}))
      task.cachingOptions = { enableCache: enable };
  }
  return copy;
}
