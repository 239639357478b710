import { CtpipeError, type ErrorCode } from '@ctpipe/errors';

const NO_CREDENTIALS = /Could not load the default credentials|Unable to detect a Project Id|invalid_grant/i;

/** Google API errors → CtpipeError: what the user must fix (query, credentials, project) stays visible. */
export function fromBigQueryError(err: unknown): CtpipeError {
  if (err instanceof CtpipeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (NO_CREDENTIALS.test(message)) {
    return new CtpipeError(
      'UNAVAILABLE',
      'BigQuery: no credentials; run `gcloud auth application-default login` or set GOOGLE_APPLICATION_CREDENTIALS',
      { cause: err },
    );
  }
  const status = httpStatus(err);
  const code: ErrorCode =
    status === 400 ? 'BAD_INPUT' : status === 404 ? 'NOT_FOUND' : status === 409 ? 'CONFLICT' : 'UNAVAILABLE';
  const details = status === undefined ? {} : { status };
  return new CtpipeError(code, `BigQuery: ${message}`, { details, cause: err });
}

function httpStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const code = (err as { code: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}
