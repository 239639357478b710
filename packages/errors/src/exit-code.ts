import type { ErrorCode } from './ctpipe-error.js';

// Distinct exit codes let a launcher tell "your input is wrong" from "we broke" without parsing stderr.
const EXIT_CODES: Record<ErrorCode, number> = {
  BAD_INPUT: 2,
  BAD_CONFIG: 3,
  NOT_FOUND: 4,
  UNSUPPORTED: 5,
  CONTRACT: 6,
  UNAVAILABLE: 7,
  CONFLICT: 8,
  INTERNAL: 1,
};

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_CODES[code];
}
