import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type PredictionServer } from './create-server.js';
import {
  emptyModelBase,
  PENGUIN,
  postJson,
  publishVersion,
  recordingLogger,
  send,
  trainedPenguinVersion,
} from './test-support/penguin-base.js';

let model: Awaited<ReturnType<typeof trainedPenguinVersion>>;
let base: Awaited<ReturnType<typeof emptyModelBase>>;
let serving: PredictionServer;
let address: AddressInfo;
let url: string;

beforeAll(async () => {
  model = await trainedPenguinVersion();
  base = await emptyModelBase();
  await publishVersion(model.dir, base.modelBase, 1);
  await publishVersion(model.dir, base.modelBase, 2);
  serving = createServer({
    modelBasePath: base.modelBase,
    modelName: 'penguin',
    pollIntervalMs: 0,
    logger: recordingLogger(),
    vertex: { healthRoute: '/health', predictRoute: '/v1/endpoints/123/deployedModels/456:predict' },
  });
  address = await serving.listen(0);
  url = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await serving.close();
  await base.cleanup();
  await model.cleanup();
});

const GENTOO = PENGUIN;
const ADELIE = {
  Island: 'Torgersen',
  'Beak Length (mm)': 39.1,
  'Beak Depth (mm)': 18.7,
  'Flipper Length (mm)': 181,
  'Body Mass (g)': 3750,
  Sex: 'MALE',
};

describe("TF Serving's REST API, as its documentation's client calls it", () => {
  it('row format: instances → predictions, one object per instance with each output', async () => {
    const res = await fetch(`${url}/v1/models/penguin:predict`, {
      method: 'POST',
      body: JSON.stringify({ signature_name: 'serving_default', instances: [GENTOO, ADELIE] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { predictions: { probabilities: number[]; classes: string }[] };
    expect(Object.keys(body)).toEqual(['predictions']);
    expect(body.predictions.map((p) => p.classes)).toEqual(['Gentoo', 'Adelie']);
    for (const p of body.predictions) {
      expect(p.probabilities).toHaveLength(3);
      expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });

  it('columnar format: inputs → outputs, one list per output', async () => {
    const inputs = Object.fromEntries(
      Object.keys(GENTOO).map((k) => [
        k,
        [(GENTOO as Record<string, unknown>)[k], (ADELIE as Record<string, unknown>)[k]],
      ]),
    );
    const res = await fetch(`${url}/v1/models/penguin/versions/2:predict`, {
      method: 'POST',
      body: JSON.stringify({ inputs }),
    });
    const body = (await res.json()) as { outputs: { probabilities: number[][]; classes: string[] } };
    expect(res.status).toBe(200);
    expect(body.outputs.classes).toEqual(['Gentoo', 'Adelie']);
    expect(body.outputs.probabilities).toHaveLength(2);
  });

  it('answers the same prediction by row and by column', async () => {
    const row = (await (
      await postJson(address, '/v1/models/penguin:predict', { instances: [ADELIE] })
    ).json()) as {
      predictions: { probabilities: number[] }[];
    };
    const col = (await (
      await postJson(address, '/v1/models/penguin:predict', {
        inputs: Object.fromEntries(Object.entries(ADELIE).map(([k, v]) => [k, [v]])),
      })
    ).json()) as { outputs: { probabilities: number[][] } };
    expect(col.outputs.probabilities[0]).toEqual(row.predictions[0]!.probabilities);
  });

  it('GET /v1/models/{m}: every version, snake_case, versions as strings', async () => {
    const res = await send(address, 'GET', '/v1/models/penguin');
    expect(res.status).toBe(200);
    // The latest policy (1 version) never loaded version 1.
    expect(res.json()).toEqual({
      model_version_status: [
        { version: '2', state: 'AVAILABLE', status: { error_code: 'OK', error_message: '' } },
      ],
    });
    expect((await send(address, 'GET', '/v1/models/penguin/versions/2')).json()).toEqual({
      model_version_status: [
        { version: '2', state: 'AVAILABLE', status: { error_code: 'OK', error_message: '' } },
      ],
    });
  });

  it('GET …/metadata: the raw input features with their dtypes, the outputs, snake_case', async () => {
    const res = await send(address, 'GET', '/v1/models/penguin/metadata');
    expect(res.status).toBe(200);
    const body = res.json() as {
      model_spec: unknown;
      metadata: {
        signature_def: { signature_def: { serving_default: Record<string, Record<string, unknown>> } };
      };
    };
    expect(body.model_spec).toEqual({ name: 'penguin', signature_name: '', version: '2' });
    const sig = body.metadata.signature_def.signature_def.serving_default;
    expect(sig.method_name).toBe('tensorflow/serving/predict');
    expect(Object.keys(sig.inputs!).sort()).toEqual(Object.keys(PENGUIN).sort());
    expect(sig.inputs!['Beak Length (mm)']).toEqual({
      dtype: 'DT_FLOAT',
      tensor_shape: { dim: [{ size: '-1', name: '' }], unknown_rank: false },
      name: 'Beak Length (mm)',
    });
    expect((sig.inputs!.Island as { dtype: string }).dtype).toBe('DT_STRING');
    expect(sig.outputs!.probabilities).toEqual({
      dtype: 'DT_FLOAT',
      tensor_shape: {
        dim: [
          { size: '-1', name: '' },
          { size: '3', name: '' },
        ],
        unknown_rank: false,
      },
      name: 'probabilities',
    });
  });
});

describe('errors, with TF Serving status codes and {"error": …}', () => {
  const predict = (body: unknown, target = '/v1/models/penguin:predict') => postJson(address, target, body);

  it.each([
    [{ instances: [GENTOO], inputs: { Island: ['Dream'] } }, "expecting only one of 'inputs' or 'instances'"],
    [{ signature_name: 'serving_default' }, "Missing 'inputs' or 'instances' key"],
    [{ instances: [] }, "No values in 'instances' array"],
    [{ instances: { Island: 'Dream' } }, "Expecting 'instances' to be an list/array"],
    [{ instances: [[1, 2, 3]] }, 'Expecting object but got Array at item 0'],
    [{ instances: [{ ...GENTOO, Species: 'Adelie' }] }, "element: 0 key: Species of 'instances' list"],
    [
      { instances: [GENTOO, { ...GENTOO, 'Beak Length (mm)': '46.1' }] },
      'element: 1 key: Beak Length (mm) of \'instances\' list. Error: INVALID_ARGUMENT: JSON Value: "46.1" Type: String is not of expected type: float',
    ],
    [{ instances: [{ ...GENTOO, Island: ['Dream'] }] }, 'is not of expected type: string'],
    [
      { inputs: { Island: ['Dream'], Sex: ['MALE', 'FEMALE'] } },
      "Input 'Sex' has 2 values but 'Island' has 1",
    ],
    [{ inputs: [GENTOO] }, 'inputs is a plain value/list, but expecting an object'],
    [{ instances: [GENTOO], signature_name: 'classify' }, 'Serving signature name: "classify" not found'],
  ])('400 for %j', async (body, message) => {
    const res = await predict(body);
    expect(res.status).toBe(400);
    expect((res.json() as { error: string }).error).toContain(message);
  });

  it('400 for malformed JSON and an empty body', async () => {
    const bad = await send(address, 'POST', '/v1/models/penguin:predict', '{"instances": [');
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: string }).error).toMatch(/^JSON Parse error: /);
    const empty = await send(address, 'POST', '/v1/models/penguin:predict', '');
    expect(empty.json()).toEqual({ error: 'JSON Parse error: The document is empty' });
  });

  it('404 for an unknown model or version, 400 for an unknown label (as TF Serving)', async () => {
    const cases: [string, string, number, string][] = [
      ['POST', '/v1/models/halfplustwo:predict', 404, 'Servable not found for request: Latest(halfplustwo)'],
      [
        'POST',
        '/v1/models/penguin/versions/7:predict',
        404,
        'Servable not found for request: Specific(penguin, 7)',
      ],
      [
        'POST',
        '/v1/models/penguin/versions/1:predict',
        404,
        'Servable not found for request: Specific(penguin, 1)',
      ],
      [
        'POST',
        '/v1/models/penguin/labels/canary:predict',
        400,
        'Unrecognized servable version label: canary',
      ],
      ['GET', '/v1/models/halfplustwo', 404, 'Could not find any versions of model halfplustwo'],
      ['GET', '/v1/models/penguin/versions/7', 404, 'Could not find version 7 of model penguin'],
      ['GET', '/v1/models/halfplustwo/metadata', 404, 'Could not find any versions of model halfplustwo'],
    ];
    for (const [method, target, status, error] of cases) {
      const res = await send(
        address,
        method,
        target,
        method === 'POST' ? JSON.stringify({ instances: [GENTOO] }) : undefined,
      );
      expect([target, res.status, res.json()]).toEqual([target, status, { error }]);
    }
  });

  it('405 for a wrong method, 404 for an unknown path, 501 for :classify and :regress', async () => {
    const get = await send(address, 'GET', '/v1/models/penguin:predict');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await send(address, 'DELETE', '/v1/models/penguin')).status).toBe(405);
    expect((await send(address, 'GET', '/v2/models/penguin')).status).toBe(404);
    const classify = await postJson(address, '/v1/models/penguin:classify', { examples: [GENTOO] });
    expect(classify.status).toBe(501);
    expect((classify.json() as { error: string }).error).toContain('use :predict');
    expect((await postJson(address, '/v1/models/penguin:regress', { examples: [GENTOO] })).status).toBe(501);
  });

  it('413 for a body over 1.5 MB, refused from its Content-Length before it is read', async () => {
    const big = JSON.stringify({ instances: Array.from({ length: 13_000 }, () => GENTOO) });
    expect(big.length).toBeGreaterThan(1.5 * 1024 * 1024);
    const res = await send(address, 'POST', '/v1/models/penguin:predict', big, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    expect((res.json() as { error: string }).error).toBe(
      `Request body of ${big.length} bytes exceeds the limit of 1572864 bytes`,
    );
    // The server still answers.
    expect((await postJson(address, '/v1/models/penguin:predict', { instances: [GENTOO] })).status).toBe(200);
  });
});

describe('Vertex AI custom container routes', () => {
  it('health is 200 once a version is loaded', async () => {
    const res = await send(address, 'GET', '/health');
    expect(res.status).toBe(200);
  });

  it('predict takes {"instances", "parameters"} and answers {"predictions"}', async () => {
    const res = await postJson(address, '/v1/endpoints/123/deployedModels/456:predict', {
      instances: [GENTOO, ADELIE],
      parameters: { request_key: 'user-1' },
    });
    expect(res.status).toBe(200);
    const body = res.json() as { predictions: { classes: string }[] };
    expect(Object.keys(body)).toEqual(['predictions']);
    expect(body.predictions.map((p) => p.classes)).toEqual(['Gentoo', 'Adelie']);
  });

  it('health is 503 while no version is loaded', async () => {
    const empty = await emptyModelBase();
    const idle = createServer({
      modelBasePath: empty.modelBase,
      modelName: 'penguin',
      pollIntervalMs: 0,
      logger: recordingLogger(),
      vertex: { healthRoute: '/health', predictRoute: '/predict' },
    });
    try {
      const a = await idle.listen(0);
      expect((await send(a, 'GET', '/health')).status).toBe(503);
      const predict = await postJson(a, '/predict', { instances: [GENTOO] });
      expect([predict.status, predict.json()]).toEqual([
        404,
        { error: 'Servable not found for request: Latest(penguin)' },
      ]);
    } finally {
      await idle.close();
      await empty.cleanup();
    }
  });
});
