import { expect, it } from 'vitest';
import { summarizeLatency } from './latency.js';

it('summarizes latencies with nearest-rank percentiles', () => {
  const ms = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1
  expect(summarizeLatency(ms)).toEqual({ p50: 10, p95: 19, max: 20 });
  expect(summarizeLatency([1.23456])).toEqual({ p50: 1.235, p95: 1.235, max: 1.235 });
  expect(summarizeLatency([])).toBeNull();
});
