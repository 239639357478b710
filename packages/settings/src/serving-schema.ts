import { z } from 'zod';

/**
 * `ctpipe serve` (and `ctpipe run --serve`) on this machine. The request log is what the drift/skew trigger and
 * validate's `serving_data` read: a sample of the raw instances the server answered.
 */
export const servingSchema = z
  .object({
    port: z.number({ error: 'expected a port number' }).int().min(0).max(65535).optional(),
    request_log: z
      .object({
        /** Folder of rotated `requests-*.ndjson` files (relative to settings.yaml). */
        dir: z.string({ error: 'expected a folder path' }).min(1),
        /** Fraction of instances logged. */
        sample_rate: z
          .number({ error: 'expected a number between 0 and 1' })
          .min(0, 'expected a number between 0 and 1')
          .max(1, 'expected a number between 0 and 1')
          .default(0.01),
        /** A file is closed for readers (renamed) after this many seconds. */
        rotate_seconds: z.number({ error: 'expected seconds' }).positive('expected seconds > 0').default(60),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ServingSettings = z.infer<typeof servingSchema>;
