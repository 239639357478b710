import { z } from 'zod';
import { servingSchema } from './serving-schema.js';
import { timeZone } from './time-zone.js';
import { triggersSchema } from './triggers-schema.js';

export type SettingsValue =
  | null
  | boolean
  | number
  | string
  | SettingsValue[]
  | { [key: string]: SettingsValue };

const jsonValue: z.ZodType<SettingsValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

// GCP label rules (https://cloud.google.com/resource-manager/docs/labels-overview): lower case, digits, _ and -.
const labelKey = z
  .string()
  .regex(
    /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u,
    'a label key is 1–63 lower-case letters, digits, _ or -, starting with a letter',
  );
const labelValue = z
  .string()
  .regex(/^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u, 'a label value is at most 63 lower-case letters, digits, _ or -');

/** A recurring Vertex AI schedule for the CT pipeline (`ctpipe schedule`). */
const vertexScheduleSchema = z
  .object({
    cron: z
      .string()
      .regex(
        /^\S+( \S+){4}$/,
        'expected a 5-field cron expression "minute hour day-of-month month day-of-week"',
      ),
    time_zone: timeZone.optional(),
    max_concurrent_runs: z
      .number({ error: 'expected a whole number of runs (1 or more)' })
      .int('expected a whole number of runs (1 or more)')
      .positive('expected a whole number of runs (1 or more)')
      .optional(),
  })
  .strict();

/** Where a Vertex AI environment submits; secrets never live here (credentials come from the environment). */
const vertexSchema = z
  .object({
    project: z.string().min(1),
    region: z.string().min(1),
    service_account: z
      .string()
      .regex(
        /^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/,
        'expected a service account e-mail (…@….iam.gserviceaccount.com)',
      )
      .optional(),
    pipeline_root: z.string().startsWith('gs://', 'must be a gs:// URI'),
    /** Added to every pipeline job and schedule (`--label` adds more). */
    labels: z
      .record(labelKey, labelValue, { error: 'expected a map of label key: value strings' })
      .optional(),
    /** Peered VPC network, `projects/<number>/global/networks/<name>`. */
    network: z
      .string()
      .regex(
        /^projects\/[^/]+\/global\/networks\/[^/]+$/,
        'expected projects/<project number>/global/networks/<name>',
      )
      .optional(),
    /** Overrides every task's caching option, as the Vertex SDK's enable_caching does; unset keeps the compiled ones. */
    enable_caching: z.boolean({ error: 'expected true or false' }).optional(),
    /** Submit this Artifact Registry template instead of the freshly compiled pipeline. */
    template_uri: z
      .string()
      .regex(
        /^https:\/\/[a-z0-9-]+-kfp\.pkg\.dev\/[^/]+\/[^/]+\/[^/]+\/[^/]+$/,
        'expected https://<region>-kfp.pkg.dev/<project>/<repository>/<package>/<tag or sha256:…>',
      )
      .optional(),
    schedule: vertexScheduleSchema.optional(),
    /**
     * Parameter values for runs on Vertex AI that differ from this environment's local ones (an environment that
     * runs on this machine AND on Vertex, like dev: gs:// data instead of local files).
     */
    parameters: z.record(z.string(), jsonValue).optional(),
  })
  .strict();

export const environmentSchema = z
  .object({
    /** Local directory (relative to settings.yaml) or gs:// URI under which runs write artifacts. */
    pipeline_root: z.string().min(1),
    /** The SQLite ML Metadata store of the local runner. */
    metadata_db: z.string().min(1),
    /** Defaults for the CT pipeline's parameters in this environment. */
    parameters: z.record(z.string(), jsonValue).default({}),
    /** How many task processes run at once locally (default: the number of cores). */
    max_parallel: z.number().int().positive().optional(),
    vertex: vertexSchema.optional(),
    /** `ctpipe trigger`: schedule, new data, drift/skew, quality and Pub/Sub triggers. */
    triggers: triggersSchema.optional(),
    /** `ctpipe serve` on this machine: port and request log. */
    serving: servingSchema.optional(),
  })
  .strict();

export type Environment = z.infer<typeof environmentSchema>;

export const settingsFileSchema = z
  .object({
    defaults: z.record(z.string(), z.unknown()).default({}),
    environments: z.record(
      z.string().regex(/^[a-z][a-z0-9-]*$/, 'environment names are lower-case words'),
      z.record(z.string(), z.unknown()),
    ),
  })
  .strict();
