import type { PipelineSpec } from '@ctpipe/ir';
import { expect, it } from 'vitest';
import { serializePipelineSpec } from './serialize-pipeline-spec.js';

it('writes sorted keys, int32 fields as ints, every other number as a Python float, and a final newline', () => {
  const spec = {
    schemaVersion: '2.1.0',
    pipelineInfo: { name: 'p' },
    root: {
      dag: {
        tasks: {
          t: {
            taskInfo: { name: 't' },
            componentRef: { name: 'comp-t' },
            retryPolicy: { maxRetryCount: 3, backoffFactor: 2 },
            inputs: {
              parameters: { x: { runtimeValue: { constant: { retryPolicy: { maxRetryCount: 1 } } } } },
            },
          },
        },
      },
    },
  } as unknown as PipelineSpec;
  expect(serializePipelineSpec(spec)).toBe(
    [
      '{',
      '  "pipelineInfo": {',
      '    "name": "p"',
      '  },',
      '  "root": {',
      '    "dag": {',
      '      "tasks": {',
      '        "t": {',
      '          "componentRef": {',
      '            "name": "comp-t"',
      '          },',
      '          "inputs": {',
      '            "parameters": {',
      '              "x": {',
      '                "runtimeValue": {',
      '                  "constant": {',
      '                    "retryPolicy": {',
      '                      "maxRetryCount": 1.0',
      '                    }',
      '                  }',
      '                }',
      '              }',
      '            }',
      '          },',
      '          "retryPolicy": {',
      '            "backoffFactor": 2.0,',
      '            "maxRetryCount": 3',
      '          },',
      '          "taskInfo": {',
      '            "name": "t"',
      '          }',
      '        }',
      '      }',
      '    }',
      '  },',
      '  "schemaVersion": "2.1.0"',
      '}',
      '',
    ].join('\n'),
  );
});

it('writes a resolver query limit (int32, under a map key) as an int', () => {
  const spec = {
    deploymentSpec: {
      executors: {
        'exec-r': { resolver: { outputArtifactQueries: { limit: { filter: 'state=LIVE', limit: 2 } } } },
      },
    },
  } as unknown as PipelineSpec;
  const text = serializePipelineSpec(spec);
  expect(text).toContain('"limit": {\n');
  expect(text).toContain('"limit": 2\n');
});
