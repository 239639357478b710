import { CtpipeError } from '@ctpipe/errors';

/** The errno of a Node fs error, if it is one. */
export function errnoOf(err: unknown): string | undefined {
  if (err instanceof CtpipeError) return undefined; // its `code` is ours, not an errno
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/**
 * Turns the fs errors a user can fix into CtpipeErrors naming the path; anything else is rethrown as is,
 * for the edges to report.
 */
export function fromFsError(err: unknown, path: string): never {
  switch (errnoOf(err)) {
    case 'ENOENT':
      throw new CtpipeError('NOT_FOUND', `No such file: ${path}`, { details: { path }, cause: err });
    case 'ENOTDIR':
      throw new CtpipeError('BAD_INPUT', `A parent of ${path} is a file, not a directory`, {
        details: { path },
        cause: err,
      });
    case 'EISDIR':
      throw new CtpipeError('BAD_INPUT', `${path} is a directory, not a file`, {
        details: { path, expected: 'a file' },
        cause: err,
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      throw new CtpipeError('BAD_INPUT', `Permission denied: ${path}`, { details: { path }, cause: err });
    default:
      throw err;
  }
}

/** mkdir -p fails with EEXIST or ENOTDIR when a path component is a file. */
export function fromMkdirError(err: unknown, dir: string): never {
  const code = errnoOf(err);
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    throw new CtpipeError('BAD_INPUT', `Cannot create directory ${dir}: a component of it is a file`, {
      details: { path: dir, expected: 'directories along the path' },
      cause: err,
    });
  }
  return fromFsError(err, dir);
}
