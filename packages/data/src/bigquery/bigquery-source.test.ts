import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { BigQuery, type BigQueryOptions } from '@google-cloud/bigquery';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from '../engine.js';
import { bigQuerySource } from './bigquery-source.js';

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

const PROJECT = 'test-project';
const SCHEMA = {
  fields: [
    { name: 'id', type: 'INTEGER', mode: 'NULLABLE' },
    { name: 'Beak Length (mm)', type: 'FLOAT' },
    { name: 'at', type: 'TIMESTAMP' },
    { name: 'tags', type: 'STRING', mode: 'REPEATED' },
    { name: 'payload', type: 'BYTES' },
  ],
};
const row = (id: string, beak: string | null, at: string, tags: string[], payload: string) => ({
  f: [{ v: id }, { v: beak }, { v: at }, { v: tags.map((v) => ({ v })) }, { v: payload }],
});

/** A stand-in for the BigQuery REST API on 127.0.0.1: records each request, answers from a script. */
async function fakeBigQuery(): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = Buffer.concat(chunks).toString('utf8');
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
      authorization: req.headers.authorization,
    });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const jobs = `/bigquery/v2/projects/${PROJECT}/jobs`;
    const queries = `/bigquery/v2/projects/${PROJECT}/queries/`;
    if (req.method === 'POST' && url.pathname === jobs) {
      const job = JSON.parse(text) as { jobReference: object; configuration: object };
      return send(200, { ...job, status: { state: 'RUNNING' } });
    }
    if (req.method === 'GET' && url.pathname.startsWith(queries)) {
      const jobId = url.pathname.slice(queries.length);
      const base = {
        jobReference: { projectId: PROJECT, jobId, location: 'EU' },
        schema: SCHEMA,
        totalRows: '3',
      };
      const gets = requests.filter((r) => r.method === 'GET').length;
      // The first poll finds the job still running, as a real query often is.
      if (gets === 1) return send(200, { jobReference: base.jobReference, jobComplete: false });
      if (!url.searchParams.get('pageToken')) {
        return send(200, {
          ...base,
          jobComplete: true,
          pageToken: 'page-2',
          rows: [
            row(
              '9007199254740993',
              '39.1',
              '1700000000123456',
              ['a', 'b'],
              Buffer.from('hi').toString('base64'),
            ),
            row('2', null, '0', [], ''),
          ],
        });
      }
      return send(200, { ...base, jobComplete: true, rows: [row('3', '40.5', '-1', ['c'], 'AA==')] });
    }
    return send(401, {
      error: { code: 401, message: 'Request is missing required authentication credential.' },
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// What GoogleAuth asks of an auth client when it authorizes a request; no token endpoint is ever called.
const fakeAuthClient = {
  getRequestHeaders: async () => new Headers({ authorization: 'Bearer test-token' }),
} as unknown as BigQueryOptions['authClient'];

describe('bigQuerySource against a local BigQuery stand-in', () => {
  let engine: Engine;
  let api: Awaited<ReturnType<typeof fakeBigQuery>>;
  beforeAll(async () => {
    engine = await openEngine({ threads: 1 });
  });
  afterAll(() => engine.close());
  afterEach(() => api.close());

  it('posts a query job, pages through the results, and exposes them with BigQuery schema types', async () => {
    api = await fakeBigQuery();
    const client = new BigQuery({ projectId: PROJECT, apiEndpoint: api.url, authClient: fakeAuthClient });
    const source = bigQuerySource({
      projectId: PROJECT,
      query: 'SELECT * FROM ds.penguins',
      location: 'EU',
      client,
      pageSize: 2,
    });
    const table = await source.open(engine, 'bq');

    const [create, poll, page1, page2] = api.requests;
    expect(api.requests).toHaveLength(4);
    expect(create).toMatchObject({
      method: 'POST',
      path: `/bigquery/v2/projects/${PROJECT}/jobs`,
      authorization: 'Bearer test-token',
      body: {
        configuration: {
          query: { query: 'SELECT * FROM ds.penguins', useLegacySql: false },
          labels: { tool: 'ctpipe' },
        },
        jobReference: { projectId: PROJECT, location: 'EU' },
      },
    });
    const jobId = (create?.body as { jobReference: { jobId: string } } | undefined)?.jobReference.jobId;
    expect(jobId).toMatch(/^ctpipe_[0-9a-f-]{36}$/);
    const pageQuery = {
      location: 'EU',
      maxResults: '2',
      'formatOptions.useInt64Timestamp': 'true',
      prettyPrint: 'false',
    };
    for (const get of [poll, page1]) {
      expect(get).toMatchObject({ method: 'GET', path: `/bigquery/v2/projects/${PROJECT}/queries/${jobId}` });
      expect(get?.query).toEqual(pageQuery);
    }
    expect(page2?.query).toEqual({ ...pageQuery, pageToken: 'page-2' });

    expect(table.format).toBe('bigquery');
    expect(table.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'Beak Length (mm)', type: 'DOUBLE' },
      { name: 'at', type: 'TIMESTAMP WITH TIME ZONE' },
      { name: 'tags', type: 'VARCHAR[]' },
      { name: 'payload', type: 'BLOB' },
    ]);
    const rows = await engine.query(
      `SELECT id, "Beak Length (mm)" AS beak, epoch_us("at") AS at, tags, decode(payload) AS payload FROM ${table.ref}`,
    );
    expect(rows).toEqual([
      { id: '9007199254740993', beak: 39.1, at: '1700000000123456', tags: ['a', 'b'], payload: 'hi' },
      { id: '2', beak: null, at: '0', tags: [], payload: '' },
      { id: '3', beak: 40.5, at: '-1', tags: ['c'], payload: '\0' },
    ]);
  });

  it('without credentials fails with UNAVAILABLE before sending anything', async () => {
    api = await fakeBigQuery();
    const saved = { ...process.env };
    const home = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-no-gcloud-'));
    // No key file, no gcloud login under HOME, and no metadata-server probe (that would leave loopback).
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.HOME = home;
    process.env.CLOUDSDK_CONFIG = path.join(home, 'gcloud');
    process.env.METADATA_SERVER_DETECTION = 'none';
    try {
      const client = new BigQuery({ projectId: PROJECT, apiEndpoint: api.url });
      const err = await bigQuerySource({ projectId: PROJECT, query: 'SELECT 1', client })
        .open(engine, 'bq2')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CtpipeError);
      expect((err as CtpipeError).code).toBe('UNAVAILABLE');
      expect((err as CtpipeError).message).toMatch(/^BigQuery: no credentials/);
      expect(api.requests).toHaveLength(0);
    } finally {
      process.env = saved;
      await rm(home, { recursive: true });
    }
  });
});
