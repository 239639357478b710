import { CtpipeError, type ErrorCode } from '@ctpipe/errors';

// google-auth-library has no error class or code for "no Application Default Credentials"; its message is the
// only marker (@google-cloud/storage tests the same substring).
const NO_CREDENTIALS = 'Could not load the default credentials';

/** gRPC status codes Vertex AI answers with (google.rpc.Code). */
export const GRPC = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export function noVertexCredentials(cause: unknown, details: Record<string, string>): CtpipeError {
  return new CtpipeError(
    'UNAVAILABLE',
    'Vertex AI: no credentials found (no Google Application Default Credentials). Run ' +
      '`gcloud auth application-default login`, set GOOGLE_APPLICATION_CREDENTIALS to a service-account key ' +
      'file, or run with an attached service account.',
    { details, cause },
  );
}

/** The ctpipe code for a google.rpc.Code, or undefined when nothing a user can act on maps to it. */
export function ctpipeCodeForGrpc(code: number | undefined): ErrorCode | undefined {
  switch (code) {
    case GRPC.UNAVAILABLE:
    case GRPC.UNAUTHENTICATED:
    case GRPC.PERMISSION_DENIED:
      return 'UNAVAILABLE';
    case GRPC.NOT_FOUND:
      return 'NOT_FOUND';
    case GRPC.INVALID_ARGUMENT:
    case GRPC.FAILED_PRECONDITION:
    case GRPC.OUT_OF_RANGE:
      return 'BAD_INPUT';
    case GRPC.ALREADY_EXISTS:
    case GRPC.ABORTED:
      return 'CONFLICT';
    default:
      return undefined;
  }
}

/** What a user can act on becomes a CtpipeError naming the project, region and step; the rest is rethrown. */
export function fromVertexError(err: unknown, step: string, details: Record<string, string>): never {
  if (err instanceof CtpipeError) throw err;
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes(NO_CREDENTIALS)) throw noVertexCredentials(err, details);
  const grpc = grpcCodeOf(err);
  const code = ctpipeCodeForGrpc(grpc);
  if (code === undefined) throw err;
  const text =
    grpc === GRPC.UNAVAILABLE
      ? `the service cannot be reached (${message})`
      : grpc === GRPC.UNAUTHENTICATED || grpc === GRPC.PERMISSION_DENIED
        ? `access refused (${message})`
        : message;
  throw new CtpipeError(code, `Vertex AI ${step}: ${text}`, { details: { ...details, step }, cause: err });
}

export function isNotFound(err: unknown): boolean {
  return grpcCodeOf(err) === GRPC.NOT_FOUND;
}

/** Worth another try: the service was briefly unreachable or slow (what a poll loop rides out). */
export function isTransient(err: unknown): boolean {
  const code = grpcCodeOf(err);
  return code === GRPC.UNAVAILABLE || code === GRPC.DEADLINE_EXCEEDED;
}

export function grpcCodeOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number')
    return err.code;
  return undefined;
}
