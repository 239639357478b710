import { CtpipeError } from '@ctpipe/errors';
import { googleAccessToken, type TokenSource } from './google-token.js';
import type { ImageRegistry } from './image-registry.js';

// Every manifest kind a build can push: re-tagging must PUT the bytes back with their own media type.
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const SERVICE = 'Artifact Registry';

/**
 * Artifact Registry through the Docker Registry HTTP API v2, which it implements and which accepts a Google
 * OAuth access token as the bearer. Chosen over `gcloud artifacts docker tags add` (absent from the
 * `gcr.io/cloud-builders/docker` image) and `docker buildx imagetools create` (needs the buildx plugin and a
 * docker login): it is plain HTTPS from Node, so it works in the `node` step image the npm scripts run in,
 * and re-tagging copies no layers.
 */
export function artifactRegistryDocker(
  options: { token?: string | TokenSource; scheme?: 'https' | 'http' } = {},
) {
  const tokenSource: TokenSource =
    typeof options.token === 'string'
      ? async () => options.token as string
      : (options.token ?? googleAccessToken(SERVICE));
  const scheme = options.scheme ?? 'https';
  let cached: Promise<string> | undefined;
  const token = () => {
    cached ??= tokenSource();
    return cached;
  };
  const manifestUrl = (repository: string, ref: string) => {
    const slash = repository.indexOf('/');
    if (slash < 0) {
      throw new CtpipeError('BAD_INPUT', `'${repository}' has no registry host`, {
        details: { found: repository, expected: 'host/path/name' },
      });
    }
    return `${scheme}://${repository.slice(0, slash)}/v2/${repository.slice(slash + 1)}/manifests/${ref}`;
  };
  const call = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = { ...(init.headers as Record<string, string>), authorization: `Bearer ${await token()}` };
    try {
      return await fetch(url, { ...init, headers });
    } catch (err) {
      throw new CtpipeError('UNAVAILABLE', `${SERVICE}: cannot reach ${url}`, {
        details: { url },
        cause: err,
      });
    }
  };
  const fail = async (response: Response, what: string, url: string): Promise<never> => {
    const body = (await response.text()).slice(0, 500);
    throw new CtpipeError(
      response.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE',
      `${SERVICE}: ${what} answered HTTP ${response.status}: ${body}`,
      { details: { url, status: response.status } },
    );
  };

  const registry: ImageRegistry = {
    async hasTag(repository, tag) {
      const url = manifestUrl(repository, tag);
      const response = await call(url, { method: 'HEAD', headers: { accept: MANIFEST_TYPES } });
      if (response.status === 404) return false;
      if (!response.ok) return fail(response, `HEAD ${repository}:${tag}`, url);
      return true;
    },
    async addTag(repository, existingTag, newTag) {
      const from = manifestUrl(repository, existingTag);
      const got = await call(from, { method: 'GET', headers: { accept: MANIFEST_TYPES } });
      if (!got.ok) return fail(got, `GET ${repository}:${existingTag}`, from);
      const mediaType = got.headers.get('content-type') ?? 'application/vnd.oci.image.manifest.v1+json';
      const body = Buffer.from(await got.arrayBuffer());
      const to = manifestUrl(repository, newTag);
      const put = await call(to, { method: 'PUT', headers: { 'content-type': mediaType }, body });
      if (!put.ok) return fail(put, `PUT ${repository}:${newTag}`, to);
    },
  };
  return registry;
}
