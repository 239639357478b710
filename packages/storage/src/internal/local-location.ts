import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CtpipeError } from '@ctpipe/errors';
import { fileUriToPath, schemeOf } from '../uri.js';

/** A local path, and how to spell paths back in the form the caller used (plain path or file:// URI). */
export interface LocalLocation {
  path: string;
  toUri(path: string): string;
}

export function localLocation(uri: string): LocalLocation {
  const scheme = schemeOf(uri);
  if (scheme === 'file') return { path: resolve(fileUriToPath(uri)), toUri: (p) => pathToFileURL(p).href };
  if (scheme !== undefined) {
    throw new CtpipeError(
      'BAD_INPUT',
      `Local storage takes absolute paths and file:// URIs, not ${scheme}://`,
      {
        details: {
          path: uri,
          expected: 'an absolute path or file:// URI (storageFor(uri) picks the backend)',
        },
      },
    );
  }
  if (!uri.startsWith('/')) {
    throw new CtpipeError('BAD_INPUT', `Expected an absolute path, got a relative path: ${uri}`, {
      details: { path: uri, expected: 'an absolute path or file:// URI', found: uri },
    });
  }
  return { path: resolve(uri), toUri: (p) => p };
}
