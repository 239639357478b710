import type { CoreContext, CoreInputs, PreCacheCheck } from '@ctpipe/contract';
import { moduleDigest } from './module-file.js';
import type { TrainSpec } from './spec.js';

/**
 * Before the cache lookup: the module file's content digest becomes an input, so an edited model function is a
 * cache miss while an unchanged one (same path, same bytes) still reuses the earlier model.
 */
export const resolveTrainInputs: PreCacheCheck<TrainSpec> = async (
  parameters: CoreInputs<TrainSpec>['parameters'],
  ctx: CoreContext,
) => {
  const digest = await moduleDigest(parameters.module_file);
  ctx.log.info('resolved inputs', { module_file: parameters.module_file, module_digest: digest });
  return { module_digest: digest };
};
