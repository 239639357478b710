import { CtpipeError } from '@ctpipe/errors';

/**
 * The part of `key` below `prefix` (which ends with `/` or is empty), refusing keys that would climb out of a
 * download directory (`a/../../x`): object names are arbitrary strings, local paths are not.
 */
export function relativeKey(key: string, prefix: string, uri: string): string {
  const rel = key.slice(prefix.length);
  const segments = rel.split('/');
  if (!key.startsWith(prefix) || segments.some((s) => s === '..' || s === '.' || s === '')) {
    throw new CtpipeError('BAD_INPUT', `Object name cannot be a local relative path: ${uri}`, {
      details: { path: uri, expected: 'a key without empty, "." or ".." segments', found: rel },
    });
  }
  return rel;
}
