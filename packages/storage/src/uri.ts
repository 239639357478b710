import { CtpipeError } from '@ctpipe/errors';

/** The object-store schemes KFP mounts under a local root (SDK `_get_local_path` and the v2 launcher agree). */
const MOUNT_ROOTS = [
  { scheme: 'gs', root: '/gcs/' },
  { scheme: 'minio', root: '/minio/' },
  { scheme: 's3', root: '/s3/' },
] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

const EXPECTED = 'an absolute path or a gs://, s3://, minio:// or file:// URI';

/**
 * The local path at which a KFP container sees an artifact URI: `gs://b/k` → `/gcs/b/k` (the Cloud Storage
 * FUSE mount on Vertex), `minio://b/k` → `/minio/b/k`, `s3://b/k` → `/s3/b/k`, `file:///x` → `/x`;
 * an absolute path is returned unchanged.
 */
export function uriToLocalPath(uri: string): string {
  const scheme = schemeOf(uri);
  if (scheme === undefined) return requireAbsolute(uri);
  if (scheme === 'file') return fileUriToPath(uri);
  const mount = MOUNT_ROOTS.find((m) => m.scheme === scheme);
  if (mount === undefined) {
    throw new CtpipeError('UNSUPPORTED', `No local path for ${scheme}:// URIs`, {
      details: { path: uri, expected: EXPECTED, found: `${scheme}://` },
    });
  }
  const rest = uri.slice(scheme.length + 3);
  if (rest === '' || rest.startsWith('/')) {
    throw new CtpipeError('BAD_INPUT', `URI has no bucket: ${uri}`, {
      details: { path: uri, expected: `${scheme}://<bucket>/<key>` },
    });
  }
  return mount.root + rest;
}

/** The reverse of uriToLocalPath for the mount roots: `/gcs/b/k` → `gs://b/k`; any other absolute path is returned as is. */
export function localPathToUri(path: string): string {
  requireAbsolute(path);
  for (const { scheme, root } of MOUNT_ROOTS) {
    if (!path.startsWith(root)) continue;
    const rest = path.slice(root.length);
    if (rest === '' || rest.startsWith('/')) {
      throw new CtpipeError('BAD_INPUT', `Path names no bucket under ${root}: ${path}`, {
        details: { path, expected: `${root}<bucket>/<key>` },
      });
    }
    return `${scheme}://${rest}`;
  }
  return path;
}

/** The lower-cased scheme of `scheme://…`, or undefined for a plain path. */
export function schemeOf(uri: string): string | undefined {
  return SCHEME.exec(uri)?.[1]?.toLowerCase();
}

/**
 * `file:///x` → `/x`, percent-decoded. Written by hand rather than with `fileURLToPath` because `?` and `#`
 * are glob and file-name characters here, not the start of a query or fragment.
 */
export function fileUriToPath(uri: string): string {
  let rest = uri.slice('file://'.length);
  if (rest.startsWith('localhost/')) rest = rest.slice('localhost'.length);
  if (!rest.startsWith('/')) {
    throw new CtpipeError('BAD_INPUT', `file:// URI must name an absolute local path: ${uri}`, {
      details: { path: uri, expected: 'file:///absolute/path' },
    });
  }
  try {
    return decodeURIComponent(rest);
  } catch (cause) {
    throw new CtpipeError('BAD_INPUT', `file:// URI has a malformed percent-escape: ${uri}`, {
      details: { path: uri },
      cause,
    });
  }
}

function requireAbsolute(path: string): string {
  if (path.startsWith('/')) return path;
  throw new CtpipeError('BAD_INPUT', `Expected an absolute path or URI, got a relative path: ${path}`, {
    details: { path, expected: EXPECTED, found: path },
  });
}
