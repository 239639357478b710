import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComponentCore, CoreContext, CoreInputs, CoreResult } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { answerProblems } from './check-answer.js';
import { toInstances } from './instances.js';
import { summarizeLatency } from './latency.js';
import { readSampleRows } from './read-sample.js';
import { type ServingProcess, startServingProcess } from './serving-process.js';
import type { InfraValidateSpec } from './spec.js';

export const INFRA_BLESSED = 'INFRA_BLESSED';
export const INFRA_NOT_BLESSED = 'INFRA_NOT_BLESSED';
/** Reasons kept: a broken model usually fails every request the same way. */
const MAX_REASONS = 10;

export interface InfraValidateOptions {
  /** The serving runtime's entry: dist/serve-child.js beside the built core (tests pass a compiled copy). */
  serverModule: string;
  /** How long the model may take to load. Default 120 s. */
  loadTimeoutMs?: number;
  /** How long one request may take before it counts as unanswered. Default 30 s, TF Serving's REST timeout. */
  requestTimeoutMs?: number;
}

interface Trial {
  reasons: string[];
  latencies: number[];
  warmupMs: number | null;
  version?: number;
  backend?: string;
}

/** InfraValidator: serve the candidate in its own process, send it eval rows, judge the answers and latency. */
export function createInfraValidateCore(options: InfraValidateOptions): ComponentCore<InfraValidateSpec> {
  return async (inputs, ctx) => {
    const p = inputs.parameters;
    checkParameters(p);
    const rows = await readSampleRows(inputs.artifacts.examples.path, p.eval_split, p.num_examples);
    const server = startServingProcess(options.serverModule, inputs.artifacts.model.path);
    let trial: Trial;
    try {
      trial = await exercise(server, rows, p, options, ctx);
    } finally {
      await server.stop();
    }
    const latency = summarizeLatency(trial.latencies);
    if (latency && latency.p95 > p.max_latency_ms) {
      trial.reasons.push(`p95 latency ${latency.p95} ms exceeds max_latency_ms ${p.max_latency_ms} ms`);
    }
    const blessed = trial.reasons.length === 0;
    await writeFile(
      path.join(inputs.outputs.infra_blessing.path, blessed ? INFRA_BLESSED : INFRA_NOT_BLESSED),
      '',
    );
    const reasons = trial.reasons.slice(0, MAX_REASONS);
    if (trial.reasons.length > MAX_REASONS) reasons.push(`… and ${trial.reasons.length - MAX_REASONS} more`);
    if (blessed) ctx.log.info('infra blessed', { latency_ms: latency, requests: trial.latencies.length });
    else ctx.log.warn('infra NOT blessed', { reasons });
    return {
      parameters: { blessed },
      metadata: {
        infra_blessing: {
          blessed: blessed ? 1 : 0,
          reasons,
          latency_ms: latency ? { ...latency } : null,
          warmup_ms: trial.warmupMs,
          requests: trial.latencies.length,
          instances: rows.length,
          batch_size: p.batch_size,
          max_latency_ms: p.max_latency_ms,
          model: inputs.artifacts.model.uri,
          ...(trial.version !== undefined ? { model_version: trial.version } : {}),
          ...(trial.backend !== undefined ? { backend: trial.backend } : {}),
        },
      },
    } satisfies CoreResult<InfraValidateSpec>;
  };
}

export const infraValidate: ComponentCore<InfraValidateSpec> = createInfraValidateCore({
  serverModule: fileURLToPath(new URL('./serve-child.js', import.meta.url)),
});

async function exercise(
  server: ServingProcess,
  rows: Parameters<typeof toInstances>[0],
  p: CoreInputs<InfraValidateSpec>['parameters'],
  options: InfraValidateOptions,
  ctx: CoreContext,
): Promise<Trial> {
  const trial: Trial = { reasons: [], latencies: [], warmupMs: null };
  const loaded = await server.loaded(options.loadTimeoutMs ?? 120_000);
  if (!loaded.ok) {
    trial.reasons.push(loaded.reason);
    return trial;
  }
  trial.version = loaded.version;
  trial.backend = loaded.backend;
  ctx.log.info('model loaded by the serving process', { version: loaded.version, backend: loaded.backend });
  const { instances, missing } = toInstances(rows, loaded.signature);
  if (missing.length > 0) {
    trial.reasons.push(`the examples lack the model's inputs ${missing.map((m) => `'${m}'`).join(', ')}`);
    return trial;
  }
  const batches: (typeof instances)[] = [];
  for (let i = 0; i < instances.length; i += p.batch_size) batches.push(instances.slice(i, i + p.batch_size));
  const timeout = options.requestTimeoutMs ?? 30_000;
  // One warm-up request first (TF Serving's SavedModel warmup): the first call compiles kernels, and a model is
  // judged on the latency clients see once it is serving.
  const sent = [batches[0]!, ...batches];
  for (const [i, batch] of sent.entries()) {
    const label = i === 0 ? 'warm-up request' : `request ${i}/${batches.length}`;
    const answer = await server.predict(JSON.stringify({ instances: batch }), timeout);
    if (!answer.ok) {
      trial.reasons.push(`${label}: ${answer.reason}`);
      break;
    }
    if (i === 0) trial.warmupMs = Math.round(answer.ms * 1000) / 1000;
    else trial.latencies.push(answer.ms);
    for (const problem of answerProblems(answer, batch.length, loaded.signature)) {
      trial.reasons.push(`${label}: ${problem}`);
    }
    if (i > 0) ctx.log.progress('request', i, batches.length, 'requests');
  }
  return trial;
}

function checkParameters(p: CoreInputs<InfraValidateSpec>['parameters']): void {
  const bad = (name: string, expected: string, found: number) =>
    new CtpipeError('BAD_CONFIG', `infra-validate parameter ${name} is out of range`, {
      details: { parameter: name, expected, found: String(found) },
    });
  if (!Number.isInteger(p.num_examples) || p.num_examples < 1) {
    throw bad('num_examples', 'an integer >= 1', p.num_examples);
  }
  if (!Number.isInteger(p.batch_size) || p.batch_size < 1)
    throw bad('batch_size', 'an integer >= 1', p.batch_size);
  if (!(p.max_latency_ms >= 0)) throw bad('max_latency_ms', 'a number >= 0', p.max_latency_ms);
}
