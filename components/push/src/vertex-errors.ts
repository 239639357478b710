import { CtpipeError } from '@ctpipe/errors';

// google-auth-library has no error class or code for "no Application Default Credentials"; its message is the
// only marker (@google-cloud/storage tests the same substring).
const NO_CREDENTIALS = 'Could not load the default credentials';

/** gRPC status codes Vertex AI answers with (google.rpc.Code). */
const GRPC = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export function noVertexCredentials(cause: unknown, details: Record<string, string>): CtpipeError {
  return new CtpipeError(
    'UNAVAILABLE',
    'Vertex AI: no credentials found. Run `gcloud auth application-default login`, set ' +
      'GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or run with an attached service account.',
    { details, cause },
  );
}

/** What a user can act on becomes a CtpipeError naming the project, region and step; the rest is rethrown. */
export function fromVertexError(err: unknown, step: string, details: Record<string, string>): never {
  if (err instanceof CtpipeError) throw err;
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes(NO_CREDENTIALS)) throw noVertexCredentials(err, details);
  const code = grpcCodeOf(err);
  const fail = (ctpipeCode: CtpipeError['code'], text: string): never => {
    throw new CtpipeError(ctpipeCode, `Vertex AI ${step}: ${text}`, {
      details: { ...details, step },
      cause: err,
    });
  };
  if (code === GRPC.UNAVAILABLE) fail('UNAVAILABLE', `the service cannot be reached (${message})`);
  if (code === GRPC.UNAUTHENTICATED || code === GRPC.PERMISSION_DENIED)
    fail('UNAVAILABLE', `access refused (${message})`);
  if (code === GRPC.NOT_FOUND) fail('NOT_FOUND', message);
  if (code === GRPC.INVALID_ARGUMENT || code === GRPC.FAILED_PRECONDITION) fail('BAD_INPUT', message);
  if (code === GRPC.ALREADY_EXISTS || code === GRPC.ABORTED) fail('CONFLICT', message);
  throw err;
}

export function isNotFound(err: unknown): boolean {
  return grpcCodeOf(err) === GRPC.NOT_FOUND;
}

function grpcCodeOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number')
    return err.code;
  return undefined;
}
