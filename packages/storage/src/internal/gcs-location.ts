import { CtpipeError } from '@ctpipe/errors';
import { schemeOf } from '../uri.js';

export interface GcsLocation {
  bucket: string;
  /** The object name; '' for the bucket root. Never normalised: object names are arbitrary strings. */
  key: string;
}

export function parseGcsUri(uri: string): GcsLocation {
  if (schemeOf(uri) !== 'gs') {
    throw new CtpipeError('BAD_INPUT', `Cloud Storage takes gs:// URIs: ${uri}`, {
      details: { path: uri, expected: 'gs://<bucket>/<object> (storageFor(uri) picks the backend)' },
    });
  }
  const rest = uri.slice('gs://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (bucket === '') {
    throw new CtpipeError('BAD_INPUT', `URI has no bucket: ${uri}`, {
      details: { path: uri, expected: 'gs://<bucket>/<object>' },
    });
  }
  return { bucket, key: slash === -1 ? '' : rest.slice(slash + 1) };
}

/** An object's location: the key must name an object, not the bucket root or a `…/` "folder". */
export function parseGcsObjectUri(uri: string): GcsLocation {
  const location = parseGcsUri(uri);
  if (location.key === '' || location.key.endsWith('/')) {
    throw new CtpipeError('BAD_INPUT', `URI names a bucket or folder, not an object: ${uri}`, {
      details: { path: uri, expected: 'gs://<bucket>/<object>' },
    });
  }
  return location;
}

/** The key prefix of everything "under" a location: `a/b` → `a/b/`, the bucket root → ''. */
export function dirPrefix(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}

export function gcsUri(bucket: string, key: string): string {
  return `gs://${bucket}/${key}`;
}
