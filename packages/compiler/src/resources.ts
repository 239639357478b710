import type { ResourceSettings } from '@ctpipe/dsl';
import type { ResourceSpec } from '@ctpipe/ir';

const G = 1e9;
const MEMORY_UNITS: Record<string, number> = {
  E: 1e18,
  Ei: 2 ** 60,
  P: 1e15,
  Pi: 2 ** 50,
  T: 1e12,
  Ti: 2 ** 40,
  G: 1e9,
  Gi: 2 ** 30,
  M: 1e6,
  Mi: 2 ** 20,
  K: 1e3,
  Ki: 2 ** 10,
};

/**
 * Both forms the SDK writes for static values: the `resource*` strings as given, and the deprecated doubles
 * (cpu in cores, memory in GB) that older KFP backends read.
 */
export function buildResourceSpec(resources: ResourceSettings | undefined): ResourceSpec | undefined {
  if (!resources) return undefined;
  const spec: ResourceSpec = {};
  if (resources.cpuRequest !== undefined) {
    spec.resourceCpuRequest = resources.cpuRequest;
    spec.cpuRequest = cpuToFloat(resources.cpuRequest);
  }
  if (resources.cpuLimit !== undefined) {
    spec.resourceCpuLimit = resources.cpuLimit;
    spec.cpuLimit = cpuToFloat(resources.cpuLimit);
  }
  if (resources.memoryRequest !== undefined) {
    spec.resourceMemoryRequest = resources.memoryRequest;
    spec.memoryRequest = memoryToFloat(resources.memoryRequest);
  }
  if (resources.memoryLimit !== undefined) {
    spec.resourceMemoryLimit = resources.memoryLimit;
    spec.memoryLimit = memoryToFloat(resources.memoryLimit);
  }
  if (resources.accelerator) {
    const { type, count } = resources.accelerator;
    // `count` is an int64: proto3 JSON writes it as a string.
    spec.accelerator = { resourceType: type, resourceCount: String(count), type, count: String(count) };
  }
  return Object.keys(spec).length > 0 ? spec : undefined;
}

export function cpuToFloat(cpu: string): number {
  return cpu.endsWith('m') ? Number(cpu.slice(0, -1)) / 1000 : Number(cpu);
}

/** Same arithmetic, in the same order, as the SDK's `_memory_to_float`, so the doubles match bit for bit. */
export function memoryToFloat(memory: string): number {
  const match = /^(\d+)([A-Za-z]*)$/.exec(memory);
  const value = Number(match?.[1] ?? memory);
  const unit = match?.[2] ?? '';
  if (unit === '') return value / G;
  if (unit === 'G') return value;
  return (value * (MEMORY_UNITS[unit] ?? Number.NaN)) / G;
}
