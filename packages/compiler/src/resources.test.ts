import { expect, it } from 'vitest';
import { buildResourceSpec, cpuToFloat, memoryToFloat } from './resources.js';

it('converts quantities to the deprecated doubles exactly as the SDK', () => {
  expect(['1000m', '500m', '2', '0.5'].map(cpuToFloat)).toEqual([1, 0.5, 2, 0.5]);
  expect(['256Mi', '16Gi', '15G', '1000', '2Ki', '3T'].map(memoryToFloat)).toEqual([
    0.268435456, 17.179869184, 15, 0.000001, 0.000002048, 3000,
  ]);
});

it('writes both forms and the accelerator count as an int64 string', () => {
  expect(
    buildResourceSpec({
      cpuLimit: '1000m',
      memoryLimit: '256Mi',
      accelerator: { type: 'nvidia.com/gpu', count: 1 },
    }),
  ).toEqual({
    cpuLimit: 1,
    resourceCpuLimit: '1000m',
    memoryLimit: 0.268435456,
    resourceMemoryLimit: '256Mi',
    accelerator: { count: '1', resourceCount: '1', resourceType: 'nvidia.com/gpu', type: 'nvidia.com/gpu' },
  });
  expect(buildResourceSpec({})).toBeUndefined();
});
