import { resolve } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { schemeOf, uriToLocalPath } from '@ctpipe/storage';
import { REGISTRY_FILE } from './registry-file.js';

/**
 * Where a registry lives: an absolute local path (relative ones resolve against `cwd`, `file://` becomes a
 * path) or a `gs://bucket/prefix` URI, without a trailing slash.
 */
export function resolveBasePath(basePath: string, cwd: string = process.cwd()): string {
  if (basePath.trim() === '') {
    throw new CtpipeError('BAD_INPUT', 'the serving base path is empty', {
      details: { expected: 'a local folder or a gs:// URI' },
    });
  }
  const scheme = schemeOf(basePath);
  if (scheme === undefined) return stripSlash(resolve(cwd, basePath));
  if (scheme === 'file') return stripSlash(uriToLocalPath(basePath));
  if (scheme === 'gs') {
    if (!/^gs:\/\/[^/]+/.test(basePath)) {
      throw new CtpipeError('BAD_INPUT', `the serving base path has no bucket: ${basePath}`, {
        details: { path: basePath, expected: 'gs://<bucket>[/<prefix>]' },
      });
    }
    return stripSlash(basePath);
  }
  throw new CtpipeError('UNSUPPORTED', `a model registry cannot live on ${scheme}://`, {
    details: { path: basePath, expected: 'a local folder or a gs:// URI', found: `${scheme}://` },
  });
}

/** `<base>/<model>` */
export function modelDirOf(base: string, model: string): string {
  return `${base}/${model}`;
}

/** `<base>/<model>/<version>` */
export function versionDirOf(base: string, model: string, version: number): string {
  return `${base}/${model}/${version}`;
}

/** `<base>/<model>/registry.json` */
export function registryFileOf(base: string, model: string): string {
  return `${base}/${model}/${REGISTRY_FILE}`;
}

export function isGcs(base: string): boolean {
  return base.startsWith('gs://');
}

function stripSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.replace(/\/+$/, '') : p;
}
