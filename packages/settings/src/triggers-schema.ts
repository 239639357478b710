import { z } from 'zod';
import { timeZone } from './time-zone.js';

/** "500ms", "5s", "1m", "2h": how often the trigger loop polls its sources. */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

const duration = z
  .string()
  .regex(DURATION_PATTERN, 'expected a duration such as "5s", "1m", "500ms" or "1h"');

const fraction = (what: string) =>
  z
    .number({ error: `expected a number between 0 and 1 (${what})` })
    .min(0, `expected a number between 0 and 1 (${what})`)
    .max(1, `expected a number between 0 and 1 (${what})`);

const count = (what: string) =>
  z
    .number({ error: `expected a positive whole number (${what})` })
    .int()
    .positive();

const path = (what: string) => z.string({ error: `expected a path or gs:// URI (${what})` }).min(1);

/** Run the pipeline on a cron schedule, evaluated in an IANA time zone (DST included). */
const scheduleSchema = z
  .object({
    cron: z
      .string({ error: 'expected a cron expression such as "0 3 * * *"' })
      .regex(/^\S+(\s+\S+){4,5}$/, 'expected a cron expression of 5 or 6 fields, such as "0 3 * * *"'),
    time_zone: timeZone.default('UTC'),
  })
  .strict();

/** Run on each new span under the pipeline's `parameters.input_pattern` (which must contain {SPAN}). */
const newDataSchema = z.object({ enabled: z.boolean().default(true) }).strict();

/** Training/serving skew of the serving request log against the latest successful run's training data. */
const driftSchema = z
  .object({
    /** Default: `serving.request_log.dir`, the log `ctpipe serve` writes. */
    request_log: path('the serving request log folder').optional(),
    min_instances: count('logged instances needed before comparing').default(100),
    threshold: fraction(
      'distance above which a feature has drifted; used where the schema sets none',
    ).default(0.1),
  })
  .strict();

/** Accuracy of served predictions against labels that arrive later (feedback). */
const qualitySchema = z
  .object({
    feedback: path('the labelled feedback file, folder or glob'),
    label: z.string().min(1).default('label'),
    prediction: z.string().min(1).default('prediction'),
    min_accuracy: fraction('retrain when accuracy falls below this'),
    min_examples: count('feedback rows needed before judging').default(50),
  })
  .strict();

/** Pub/Sub: GCS object notifications and Cloud Scheduler / custom JSON messages become run requests. */
const pubsubSchema = z
  .object({
    subscription: z
      .string()
      .regex(
        /^(projects\/[^/]+\/subscriptions\/)?[A-Za-z][\w.~+%-]{2,254}$/,
        'expected a subscription name or projects/<project>/subscriptions/<name>',
      ),
  })
  .strict();

/** `ctpipe trigger`: the continuous-training triggers of one environment. Paths are relative to settings.yaml. */
export const triggersSchema = z
  .object({
    poll_interval: duration.default('1m'),
    /** Where a fired trigger runs the pipeline: this machine, or Vertex AI Pipelines (the environment's vertex block). */
    launcher: z.enum(['local', 'vertex'], { error: 'expected local or vertex' }).default('local'),
    /** Runs of the pipeline at once; further requests wait in the queue. */
    max_concurrent_runs: count('runs of the pipeline at once').default(1),
    schedule: scheduleSchema.optional(),
    new_data: newDataSchema.optional(),
    drift: driftSchema.optional(),
    quality: qualitySchema.optional(),
    pubsub: pubsubSchema.optional(),
  })
  .strict();

export type TriggersSettings = z.infer<typeof triggersSchema>;
