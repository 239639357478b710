import { randomBytes } from 'node:crypto';

// Names of work in progress beside its final name: hidden, and recognisable, so that listings skip them and
// a reader never mistakes a half-written file or directory for data.
const IN_FLIGHT = /^\..+\.(?:tmp|partial|stale)-[A-Za-z0-9]{6,12}$/;

/** `.<name>.tmp-<random>`: a file being written before its rename to `name`. */
export function tempFileName(name: string): string {
  return `.${name}.tmp-${randomBytes(6).toString('hex')}`;
}

/** `.<name>.partial-`: the mkdtemp prefix of a directory being staged for `name`. */
export function stagingDirPrefix(name: string): string {
  return `.${name}.partial-`;
}

/** `.<name>.stale-<random>`: a replaced directory, renamed aside until it is deleted. */
export function staleDirName(name: string): string {
  return `.${name}.stale-${randomBytes(6).toString('hex')}`;
}

export function isInFlightName(name: string): boolean {
  return IN_FLIGHT.test(name);
}
