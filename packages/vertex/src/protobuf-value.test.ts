import { protos } from '@google-cloud/aiplatform';
import { describe, expect, it } from 'vitest';
import { smallSpec } from '../test/small-spec.js';
import { buildCreatePipelineJobRequest } from './pipeline-job.js';
import {
  fromProtobufStruct,
  fromProtobufValue,
  toProtobufStruct,
  toProtobufValue,
} from './protobuf-value.js';

const v1 = protos.google.cloud.aiplatform.v1;

describe('google.protobuf.Value / Struct conversion', () => {
  it('gives every JSON kind its Value field', () => {
    expect(toProtobufValue({ a: [1, 'x', true, null], b: {} })).toEqual({
      structValue: {
        fields: {
          a: {
            listValue: {
              values: [
                { numberValue: 1 },
                { stringValue: 'x' },
                { boolValue: true },
                { nullValue: 'NULL_VALUE' },
              ],
            },
          },
          b: { structValue: { fields: {} } },
        },
      },
    });
    expect(fromProtobufValue(toProtobufValue([0, '', false, null]))).toEqual([0, '', false, null]);
  });

  it('survives the wire: the create request encoded and decoded with the Vertex protos keeps the whole spec', () => {
    const request = buildCreatePipelineJobRequest({
      project: 'ctpipe-prod',
      region: 'europe-west4',
      source: { spec: smallSpec() },
      pipelineRoot: 'gs://root',
      parameterValues: { epochs: 4, split_ratios: { train: 3, eval: 1 } },
      jobId: 'wire-test',
    });
    const bytes = v1.CreatePipelineJobRequest.encode(
      v1.CreatePipelineJobRequest.fromObject(request),
    ).finish();
    const decoded = v1.CreatePipelineJobRequest.decode(bytes);
    expect(decoded.pipelineJobId).toBe('wire-test');
    expect(fromProtobufStruct(decoded.pipelineJob?.pipelineSpec ?? {})).toEqual(smallSpec());
    const values = decoded.pipelineJob?.runtimeConfig?.parameterValues ?? {};
    expect(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, fromProtobufValue(v)]))).toEqual({
      epochs: 4,
      split_ratios: { train: 3, eval: 1 },
    });
  });

  it('is needed: protobufjs drops a plain-JSON Struct silently', () => {
    const plain = { pipelineSpec: smallSpec() } as unknown as protos.google.cloud.aiplatform.v1.IPipelineJob;
    const decoded = v1.PipelineJob.decode(v1.PipelineJob.encode(v1.PipelineJob.fromObject(plain)).finish());
    expect(fromProtobufStruct(decoded.pipelineSpec ?? {})).toEqual({});
    expect(fromProtobufStruct(toProtobufStruct({ x: 1 }))).toEqual({ x: 1 });
  });
});
