import { CtpipeError } from '@ctpipe/errors';
import type { PipelineSpec } from '@ctpipe/ir';

/**
 * Container images of a pipeline that name no registry host (`ctpipe/extract:latest`): Vertex AI would look them up
 * on Docker Hub — at best a pull error after the job started, at worst somebody else's image.
 */
export function unpublishedImages(spec: PipelineSpec): string[] {
  const images = Object.values(spec.deploymentSpec.executors).flatMap((e) =>
    'container' in e ? [e.container.image] : [],
  );
  return [...new Set(images.filter((image) => !hasRegistryHost(image)))].sort();
}

function hasRegistryHost(image: string): boolean {
  const slash = image.indexOf('/');
  if (slash < 0) return false;
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

export function requirePublishedImages(spec: PipelineSpec): void {
  const local = unpublishedImages(spec);
  if (local.length === 0) return;
  throw new CtpipeError(
    'BAD_CONFIG',
    `the pipeline's images are not in a registry (${local.join(', ')}): run \`ctpipe images set --registry <region>-docker.pkg.dev/<project>/<repository> --tag <tag>\` first (what Cloud Build does), submit a published template with --template-uri, or pass --allow-local-images if those names do resolve where Vertex AI pulls`,
    { details: { expected: 'registry/repository/image:tag', found: local[0] } },
  );
}
