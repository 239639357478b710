export {
  CtpipeError,
  type ErrorCode,
  type ErrorDetails,
  isCtpipeError,
  toCtpipeError,
} from './ctpipe-error.js';
export { exitCodeFor } from './exit-code.js';
