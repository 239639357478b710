import type { CtpipeError, ErrorCode } from '@ctpipe/errors';

/** TF Serving's canonical status codes (tensorflow::error::Code names), as its JSON shows them. */
export type CanonicalCode =
  | 'OK'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'UNIMPLEMENTED'
  | 'UNAVAILABLE'
  | 'UNKNOWN';

const CANONICAL: Record<ErrorCode, CanonicalCode> = {
  BAD_INPUT: 'INVALID_ARGUMENT',
  BAD_CONFIG: 'INVALID_ARGUMENT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'ALREADY_EXISTS',
  UNSUPPORTED: 'UNIMPLEMENTED',
  UNAVAILABLE: 'UNAVAILABLE',
  CONTRACT: 'UNKNOWN',
  INTERNAL: 'UNKNOWN',
};

/** TF Serving's status → HTTP mapping (http_rest_api_handler): 400, 404, 409, 501, 503; the rest 500. */
const HTTP: Record<CanonicalCode, number> = {
  OK: 200,
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  UNKNOWN: 500,
};

export function canonicalCode(err: CtpipeError): CanonicalCode {
  return CANONICAL[err.code];
}

export function httpStatus(err: CtpipeError): number {
  return HTTP[CANONICAL[err.code]];
}
