import { definePipeline } from '@ctpipe/dsl';
import { extract, notify, push, train, validate } from './components.js';

/**
 * Conditions on output parameters of each type (bool, string, int, double vs int) and on a pipeline
 * parameter, nested three deep, with values and artifacts from outer DAGs used inside.
 */
export const pipeline = definePipeline(
  {
    name: 'nested-conditions',
    displayName: 'Nested conditions',
    parameters: {
      deploy: { type: 'BOOLEAN', default: true },
      target: { type: 'STRING', default: 'staging' },
      min_rows: { type: 'NUMBER_INTEGER', default: 100 },
    },
  },
  (b, params) => {
    const ex = b.task(extract, { parameters: { source: 'gs://bucket/data.csv' } });
    const check = b.task(validate, { artifacts: { examples: ex.outputs.artifacts.examples } });
    b.condition(check.outputs.parameters.valid.eq(true), (b) => {
      const model = b.task(train, {
        parameters: { epochs: 10, learning_rate: 0.01 },
        artifacts: { examples: ex.outputs.artifacts.examples },
      });
      b.condition(
        ex.outputs.parameters.row_count.ge(params.min_rows).and(check.outputs.parameters.drift.lt(0.25)),
        (b) => {
          b.condition(
            params.deploy.eq(true),
            (b) =>
              b.task(push, {
                parameters: { target: params.target },
                artifacts: { model: model.outputs.artifacts.model },
              }),
            { displayName: 'deploy-enabled' },
          );
        },
      );
    });
    b.condition(check.outputs.parameters.verdict.ne('pass'), (b) => {
      b.task(notify, { parameters: { message: 'validation did not pass' } });
    });
    b.condition(ex.outputs.parameters.row_count.gt(5), (b) => {
      b.task(notify, { parameters: { message: 'more than five rows' } });
    });
  },
);
