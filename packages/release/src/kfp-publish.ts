import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { googleAccessToken, type TokenSource } from './google-token.js';
import { validateKfpHost } from './kfp-host.js';

export interface PublishedTemplate {
  /** The KFP package: the pipeline's `pipelineInfo.name`. */
  packageName: string;
  /** `sha256:…`, the immutable version. */
  version: string;
  tags: string[];
  /** What `ctpipe submit --template-uri` and Vertex AI take: `<host>/<package>/<version>`. */
  templateUri: string;
}

export interface PublishOptions {
  /** `https://REGION-kfp.pkg.dev/PROJECT/REPO` (a loopback http:// host is allowed for tests). */
  host: string;
  /** The compiled pipeline.json (JSON is YAML, which is what the KFP registry stores). */
  file: string;
  tags: readonly string[];
  /** A fixed bearer token; default: Application Default Credentials. */
  token?: string | TokenSource;
}

const SERVICE = 'Artifact Registry';

/**
 * Uploads a pipeline template to an Artifact Registry KFP repository, as the KFP SDK's RegistryClient does:
 * a multipart POST of `content` (the file) and `tags` (comma-joined) to the repository URL. The answer is
 * `PACKAGE/sha256:…`; re-using a tag moves it to this version.
 */
export async function publishPipeline(options: PublishOptions): Promise<PublishedTemplate> {
  const host = validateKfpHost(options.host);
  const tags = options.tags.map(validateTemplateTag);
  const token = await resolveToken(options.token);
  let content: Buffer;
  try {
    content = await readFile(options.file);
  } catch (err) {
    throw new CtpipeError('NOT_FOUND', `cannot read ${options.file}`, {
      details: { file: options.file },
      cause: err,
    });
  }
  const form = new FormData();
  form.append('content', new Blob([content]), basename(options.file));
  form.append('tags', tags.join(','));
  const text = await send(host, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const match = /^([^/\s]+)\/(sha256:[0-9a-f]+)\s*$/.exec(text);
  if (!match) {
    throw new CtpipeError('INTERNAL', `${SERVICE} answered the upload with '${text.slice(0, 200)}'`, {
      details: { expected: 'PACKAGE/sha256:…', found: text.slice(0, 200) },
    });
  }
  const [, packageName, version] = match as unknown as [string, string, string];
  return { packageName, version, tags, templateUri: `${host}/${packageName}/${version}` };
}

/** Downloads a template version (`sha256:…`) or tag, as `GET <host>/<package>/<ref>`. */
export async function fetchPipelineTemplate(options: {
  host: string;
  packageName: string;
  ref: string;
  token?: string | TokenSource;
}): Promise<string> {
  const host = validateKfpHost(options.host);
  const token = await resolveToken(options.token);
  const url = `${host}/${encodeURIComponent(options.packageName)}/${encodeURIComponent(options.ref)}`;
  return send(url, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
}

async function resolveToken(token: string | TokenSource | undefined): Promise<string> {
  if (typeof token === 'string') return token;
  return (token ?? googleAccessToken(SERVICE))();
}

async function send(url: string, init: RequestInit): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    throw new CtpipeError('UNAVAILABLE', `${SERVICE}: cannot reach ${url}`, { details: { url }, cause: err });
  }
  const body = await response.text();
  if (!response.ok) {
    const code = response.status === 404 ? 'NOT_FOUND' : response.status < 500 ? 'BAD_INPUT' : 'UNAVAILABLE';
    throw new CtpipeError(
      response.status === 401 || response.status === 403 ? 'UNAVAILABLE' : code,
      `${SERVICE} answered ${init.method} ${url} with HTTP ${response.status}: ${body.slice(0, 500)}`,
      { details: { url, status: response.status, body: body.slice(0, 2000) } },
    );
  }
  return body;
}

function validateTemplateTag(tag: string): string {
  // The registry reserves `sha256:` for versions and splits the form field on commas.
  if (tag === '' || tag.includes(',') || tag.startsWith('sha256:') || /\s/.test(tag)) {
    throw new CtpipeError('BAD_INPUT', `'${tag}' cannot be a pipeline template tag`, {
      details: { found: tag, expected: 'non-empty, no comma or space, not starting with sha256:' },
    });
  }
  return tag;
}
