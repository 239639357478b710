/**
 * Stable codes: callers and tests branch on these, never on message text.
 * Edges convert them: exit codes in the container runtime and CLI, HTTP statuses in servers.
 */
export type ErrorCode =
  | 'BAD_INPUT' // the user's data or files are malformed
  | 'NOT_FOUND' // a file, artifact, run or object does not exist
  | 'UNSUPPORTED' // a format, scheme or feature we do not handle
  | 'BAD_CONFIG' // settings.yaml, a component.yaml or a pipeline spec is invalid
  | 'CONTRACT' // the ExecutorInput / ExecutorOutput violates the KFP contract
  | 'UNAVAILABLE' // a service (cloud API, credentials) cannot be reached
  | 'CONFLICT' // concurrent writers, an existing object that must not be overwritten
  | 'INTERNAL';

/** Where in the user's input the problem is: everything a person needs to find and fix it. */
export interface ErrorDetails {
  file?: string;
  line?: number;
  row?: number;
  column?: string;
  expected?: string;
  found?: string;
  path?: string;
  [key: string]: unknown;
}

export class CtpipeError extends Error {
  override readonly name = 'CtpipeError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetails; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }

  /** One line, for stderr and logs: the message plus where, never a stack. */
  oneLine(): string {
    const where = Object.entries(this.details)
      .filter(([, v]) => v !== undefined && typeof v !== 'object')
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    const text = this.message.replace(/\s*\n\s*/g, ' ').trim();
    return where ? `${this.code}: ${text} (${where})` : `${this.code}: ${text}`;
  }
}

export function isCtpipeError(err: unknown): err is CtpipeError {
  return err instanceof CtpipeError;
}

/** Only the edges call this: anything unknown becomes INTERNAL with the original as cause. */
export function toCtpipeError(err: unknown): CtpipeError {
  if (err instanceof CtpipeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CtpipeError('INTERNAL', message, { cause: err });
}
