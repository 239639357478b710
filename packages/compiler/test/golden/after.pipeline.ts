import { definePipeline } from '@ctpipe/dsl';
import { extract, notify } from './components.js';

/** `.after()` orders tasks without data; duplicate components get task names `-2`, `-3`. */
export const pipeline = definePipeline({ name: 'after-without-data' }, (b) => {
  const first = b.task(notify, { parameters: { message: 'starting' } });
  const ex = b.task(extract, { parameters: { source: 'data.csv' } }).after(first);
  const second = b.task(notify, { parameters: { message: 'extracted' } }).after(ex);
  b.task(notify, { name: 'all-done', parameters: { message: 'done' } }).after(second, first);
  b.task(notify, { parameters: { message: 'in parallel' } });
});
