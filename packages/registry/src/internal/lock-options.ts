export interface LockOptions {
  /** Give up (CONFLICT) after waiting this long for another writer. */
  timeoutMs: number;
  /** A lock older than this is taken to belong to a crashed writer and is broken. */
  staleMs: number;
}
