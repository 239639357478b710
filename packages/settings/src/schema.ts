import { z } from 'zod';

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

/** Where a Vertex AI environment submits; secrets never live here (credentials come from the environment). */
const vertexSchema = z
  .object({
    project: z.string().min(1),
    region: z.string().min(1),
    service_account: z.string().optional(),
    pipeline_root: z.string().startsWith('gs://', 'must be a gs:// URI'),
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
