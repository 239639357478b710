import { CtpipeError } from '@ctpipe/errors';

// Docker's reference grammar (distribution/reference): a tag is at most 128 characters and cannot start
// with '.' or '-'; path components are lower-case alphanumerics joined by '.', '_', '__' or dashes.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?$/;

/** A tag Docker accepts; `$BRANCH_NAME` values such as `feature/x` do not qualify and must be sanitized first. */
export function validateTag(tag: string): string {
  if (!TAG.test(tag)) {
    throw new CtpipeError('BAD_INPUT', `'${tag}' is not a valid image tag`, {
      details: { found: tag, expected: 'letters, digits, _ . - (first not . or -), at most 128 characters' },
    });
  }
  return tag;
}

/**
 * `host[:port]/path…` (e.g. `europe-west4-docker.pkg.dev/my-project/ctpipe`), returned without a trailing
 * slash. A first segment without '.' or ':' (and not `localhost`) is a Docker Hub namespace, as Docker reads it.
 */
export function validateRegistry(registry: string): string {
  const trimmed = registry.replace(/\/+$/, '');
  const fail = (why: string): never => {
    throw new CtpipeError('BAD_INPUT', `'${registry}' is not a valid image registry: ${why}`, {
      details: {
        found: registry,
        expected: 'host[:port]/path, e.g. europe-west4-docker.pkg.dev/PROJECT/REPO',
      },
    });
  };
  if (trimmed === '') fail('it is empty');
  if (/^[a-z]+:\/\//i.test(trimmed)) fail('leave out the scheme');
  const [first, ...rest] = trimmed.split('/');
  const isHost = first !== undefined && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (isHost && !HOST.test(first)) fail(`'${first}' is not a host name`);
  for (const part of isHost ? rest : [first ?? '', ...rest]) {
    if (!PATH_COMPONENT.test(part))
      fail(`'${part}' is not a valid path component (lower case, digits, . _ -)`);
  }
  return trimmed;
}

/** `<registry>/<component>:<tag>`: the image keeps the component's name, so the local runner still maps it. */
export function componentImage(registry: string, component: string, tag: string): string {
  return `${validateRegistry(registry)}/${component}:${validateTag(tag)}`;
}

/** The image's name: its last path segment without tag or digest (`…/extract:abc` → `extract`). */
export function imageName(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  const last = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  return last.split(':')[0] ?? last;
}

/** Splits `host/path/name:tag` into the repository (`host/path/name`) and the tag, if any. */
export function splitImage(image: string): { repository: string; tag: string | undefined } {
  const withoutDigest = image.split('@')[0] ?? image;
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > withoutDigest.lastIndexOf('/')) {
    return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) };
  }
  return { repository: withoutDigest, tag: undefined };
}
