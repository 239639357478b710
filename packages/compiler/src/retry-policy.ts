import type { RetrySettings } from '@ctpipe/dsl';
import type { RetryPolicy } from '@ctpipe/ir';

/** KFP's `RetryPolicy.to_proto`: every field written, durations as google.protobuf.Duration strings. */
export function buildRetryPolicy(retry: RetrySettings): RetryPolicy {
  const policy: RetryPolicy = {
    backoffDuration: `${retry.backoffSeconds}s`,
    backoffFactor: retry.backoffFactor,
    backoffMaxDuration: `${retry.backoffMaxSeconds}s`,
  };
  // proto3 JSON leaves out an int32 at its default (0).
  if (retry.maxRetryCount !== 0) policy.maxRetryCount = retry.maxRetryCount;
  return policy;
}
