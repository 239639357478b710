import { CtpipeError } from '@ctpipe/errors';

// google-auth-library has no error class or code for "no Application Default Credentials"; this message is
// the only marker, and @google-cloud/storage itself tests the same substring (nodejs-common/util.js).
const NO_CREDENTIALS = 'Could not load the default credentials';

/** The HTTP status of a Cloud Storage client error: ApiError has a numeric `code`, gaxios errors a `status`. */
export function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  if ('code' in err && typeof err.code === 'number') return err.code;
  if ('response' in err && typeof err.response === 'object' && err.response !== null) {
    const { response } = err;
    if ('status' in response && typeof response.status === 'number') return response.status;
  }
  return undefined;
}

export function isNoCredentialsError(err: unknown): boolean {
  return err instanceof Error && err.message.includes(NO_CREDENTIALS);
}

export function noCredentialsError(uri: string, cause: unknown): CtpipeError {
  return new CtpipeError(
    'UNAVAILABLE',
    'Cloud Storage: no credentials found. Run `gcloud auth application-default login`, set ' +
      'GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or run with an attached service account.',
    { details: { path: uri }, cause },
  );
}

/** Converts what a user can act on (missing object, missing or refused credentials); rethrows the rest. */
export function fromGcsError(err: unknown, uri: string): never {
  if (err instanceof CtpipeError) throw err;
  if (isNoCredentialsError(err)) throw noCredentialsError(uri, err);
  const message = err instanceof Error ? err.message : String(err);
  const status = httpStatusOf(err);
  if (status === 404) {
    const what = /bucket/i.test(message) ? 'bucket' : 'object';
    throw new CtpipeError('NOT_FOUND', `No such ${what}: ${uri}`, { details: { path: uri }, cause: err });
  }
  if (status === 401 || status === 403) {
    throw new CtpipeError(
      'UNAVAILABLE',
      `Cloud Storage refused access to ${uri} (HTTP ${status}): ${message}`,
      {
        details: { path: uri },
        cause: err,
      },
    );
  }
  throw err;
}
