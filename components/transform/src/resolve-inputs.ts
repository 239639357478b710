import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CoreContext, CoreInputs, PreCacheCheck } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import type { TransformSpec } from './spec.js';

/**
 * Before the cache lookup, pin the module file's content: the path alone does not change when an ML engineer
 * edits the preprocessing, so without the digest the runner would reuse the old transform.
 */
export const resolveTransformInputs: PreCacheCheck<TransformSpec> = async (
  parameters: CoreInputs<TransformSpec>['parameters'],
  ctx: CoreContext,
) => {
  const file = resolve(parameters.module_file);
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (err) {
    throw new CtpipeError(
      'NOT_FOUND',
      `module_file ${file} cannot be read (was the pipeline package built?)`,
      {
        details: { file },
        cause: err,
      },
    );
  }
  const digest = createHash('sha256').update(content).digest('hex');
  ctx.log.info('resolved inputs', { module_file: file, module_digest: digest });
  return { module_digest: digest };
};
