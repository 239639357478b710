import { CtpipeError } from '@ctpipe/errors';

/** `.setRetry()` input; durations as KFP takes them: '30s', '5m', '1h', '2 hours', '1d', '1w'. */
export interface RetryOptions {
  maxRetryCount: number;
  /** Wait before the first retry; default '0s'. */
  backoffDuration?: string;
  /** Multiplier for each further wait; default 2. */
  backoffFactor?: number;
  /** Give up retrying after this long; default '3600s'. */
  backoffMaxDuration?: string;
}

/** The retry policy with KFP's defaults filled in, durations in whole seconds. */
export interface RetrySettings {
  readonly maxRetryCount: number;
  readonly backoffSeconds: number;
  readonly backoffFactor: number;
  readonly backoffMaxSeconds: number;
}

/** Kubernetes quantities as KFP takes them: cpu '500m' / '2', memory '512Mi' / '4G'. */
export interface ResourceOptions {
  cpuLimit?: string;
  cpuRequest?: string;
  memoryLimit?: string;
  memoryRequest?: string;
  /** `type` is a Vertex name (NVIDIA_L4, TPU_V3 …) or a k8s resource (nvidia.com/gpu); count defaults to 1. */
  accelerator?: { type: string; count?: number };
}

export interface ResourceSettings {
  readonly cpuLimit?: string;
  readonly cpuRequest?: string;
  readonly memoryLimit?: string;
  readonly memoryRequest?: string;
  readonly accelerator?: { readonly type: string; readonly count: number };
}

const CPU = /^([0-9]*[.])?[0-9]+m?$/;
const MEMORY = /^[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki)?$/;
const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

export function resolveRetry(task: string, options: RetryOptions): RetrySettings {
  const { maxRetryCount, backoffFactor = 2 } = options;
  if (!Number.isInteger(maxRetryCount) || maxRetryCount < 0) {
    throw badSetting(task, 'maxRetryCount', 'a non-negative integer', String(maxRetryCount));
  }
  if (!Number.isFinite(backoffFactor) || backoffFactor <= 0) {
    throw badSetting(task, 'backoffFactor', 'a positive number', String(backoffFactor));
  }
  return {
    maxRetryCount,
    backoffSeconds: durationSeconds(task, 'backoffDuration', options.backoffDuration ?? '0s'),
    backoffFactor,
    backoffMaxSeconds: durationSeconds(task, 'backoffMaxDuration', options.backoffMaxDuration ?? '3600s'),
  };
}

/** KFP's `convert_duration_to_seconds`: digits, then a unit whose first letter is s, m, h, d or w. */
function durationSeconds(task: string, field: string, duration: string): number {
  const match = /^(\d+)(\D+)$/.exec(duration.replaceAll(' ', ''));
  const perUnit = match ? SECONDS_PER_UNIT[match[2]!.charAt(0)] : undefined;
  if (!match || perUnit === undefined) {
    throw badSetting(task, field, "an integer and a unit such as '30s', '5m', '1h', '2 days'", duration);
  }
  return Number(match[1]) * perUnit;
}

export function mergeResources(
  task: string,
  current: ResourceSettings | undefined,
  options: ResourceOptions,
): ResourceSettings {
  for (const field of ['cpuLimit', 'cpuRequest'] as const) {
    const value = options[field];
    if (value !== undefined && !CPU.test(value)) {
      throw badSetting(task, field, "a number, or an integer followed by 'm'", value);
    }
  }
  for (const field of ['memoryLimit', 'memoryRequest'] as const) {
    const value = options[field];
    if (value !== undefined && !MEMORY.test(value)) {
      throw badSetting(
        task,
        field,
        'an integer, optionally followed by E, Ei, P, Pi, T, Ti, G, Gi, M, Mi, K or Ki',
        value,
      );
    }
  }
  const { accelerator, ...quantities } = options;
  const merged: ResourceSettings = { ...current, ...dropUndefined(quantities) };
  if (accelerator === undefined) return merged;
  const count = accelerator.count ?? 1;
  if (accelerator.type === '') throw badSetting(task, 'accelerator.type', 'a non-empty name', "''");
  if (!Number.isInteger(count) || count < 0) {
    throw badSetting(task, 'accelerator.count', 'a non-negative integer', String(count));
  }
  return { ...merged, accelerator: { type: accelerator.type, count } };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function badSetting(task: string, field: string, expected: string, found: string): CtpipeError {
  return new CtpipeError(
    'BAD_CONFIG',
    `Task '${task}': invalid ${field}: expected ${expected}, found ${found}`,
    {
      details: { task, field, expected, found },
    },
  );
}
