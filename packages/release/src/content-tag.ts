import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE_GLOBAL_FILES } from './affected.js';

/**
 * The digest of the repo-level files every image is built from, which turbo does not hash for a package's
 * build task (the Dockerfile is not a package input): a change to them must give every image a new tag.
 */
export function imageGlobalsDigest(repoRoot: string): string {
  const hash = createHash('sha256');
  for (const file of IMAGE_GLOBAL_FILES) {
    const path = join(repoRoot, file);
    hash.update(`${file}\0`);
    hash.update(existsSync(path) ? readFileSync(path) : '<absent>');
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 8);
}

/** `content-<turbo build hash>-<globals digest>`: equal tags ⇒ equal image inputs (a valid Docker tag). */
export function contentTag(turboHash: string, globalsDigest: string): string {
  return `content-${turboHash}-${globalsDigest}`;
}
