import type { CoreContext, CoreInputs, PreCacheCheck } from '@ctpipe/contract';
import { inputFingerprint } from './input-fingerprint.js';
import { planSource } from './source-plan.js';
import type { ExtractSpec } from './spec.js';

/**
 * ExampleGen's driver: before the cache lookup, pin the span to read (the latest, unless one was asked for) and
 * fingerprint its files. New files or a new span change these inputs, so the runner does not reuse an old
 * result for new data; unchanged data is still a cache hit.
 */
export const resolveExtractInputs: PreCacheCheck<ExtractSpec> = async (
  parameters: CoreInputs<ExtractSpec>['parameters'],
  ctx: CoreContext,
) => {
  const plan = await planSource(parameters);
  const fingerprint = plan.files.length > 0 ? await inputFingerprint(plan.files) : '';
  ctx.log.info('resolved inputs', { span: plan.span, files: plan.files.length });
  return { span: plan.span, input_fingerprint: fingerprint };
};
