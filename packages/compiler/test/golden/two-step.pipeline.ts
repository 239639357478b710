import { definePipeline } from '@ctpipe/dsl';
import { extract, validate } from './components.js';

/** Artifact passing from one task to the next, with a pipeline parameter and a compile-time default override. */
export const pipeline = definePipeline(
  {
    name: 'two-step',
    description: 'Extract, then validate what was extracted.',
    parameters: {
      source: { type: 'STRING', default: 'data/train.csv', description: 'CSV to read.' },
      rows: { type: 'NUMBER_INTEGER' },
    },
  },
  (b, params) => {
    const ex = b.task(extract, { parameters: { source: params.source, rows: params.rows } });
    b.task(validate, { artifacts: { examples: ex.outputs.artifacts.examples } });
  },
);

export const options = { parameterDefaults: { rows: 500 }, defaultPipelineRoot: 'gs://ctpipe-test/root' };
