import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PENGUIN, trainPenguinsModel } from '../../bench/penguins-model.mjs';
import type { ServingLogger } from '../server-options.js';

export { PENGUIN };

/** A trained penguins model exported once per test file; versions are copies of it. */
export async function trainedPenguinVersion(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-serving-model-'));
  const dir = await trainPenguinsModel(root, { version: 1 });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A fresh serving base path `<tmp>/penguin/`. */
export async function emptyModelBase(): Promise<{
  base: string;
  modelBase: string;
  cleanup: () => Promise<void>;
}> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-serving-base-'));
  const modelBase = path.join(base, 'penguin');
  await mkdir(modelBase, { recursive: true });
  return { base, modelBase, cleanup: () => rm(base, { recursive: true, force: true }) };
}

/** Publishes a version as push does: copied under a hidden name, then renamed into place. */
export async function publishVersion(from: string, modelBase: string, version: number): Promise<string> {
  const staging = path.join(modelBase, `.${version}.partial`);
  await cp(from, staging, { recursive: true });
  const target = path.join(modelBase, String(version));
  await rename(staging, target);
  return target;
}

export async function writeRegistry(
  modelBase: string,
  labels: Record<string, number>,
  canaryTrafficPercent: number,
): Promise<void> {
  const registry = {
    model: 'penguin',
    versions: Object.values(labels).map((version) => ({
      version,
      createdAt: '2025-01-01T00:00:00.000Z',
      source: `/artifacts/${version}`,
      runId: `run-${version}`,
      metrics: { accuracy: 0.97 },
    })),
    labels,
    canaryTrafficPercent,
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  const tmp = path.join(modelBase, `.registry.json.tmp-${process.pid}`);
  await writeFile(tmp, JSON.stringify(registry, null, 2));
  await rename(tmp, path.join(modelBase, 'registry.json'));
}

export interface RecordingLogger extends ServingLogger {
  lines: { level: 'info' | 'warn'; message: string; fields?: Record<string, unknown> }[];
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    info: (message, fields) => lines.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => unknown;
}

/** One HTTP request with node:http (no client-side validation, any body and method). */
export function send(
  address: AddressInfo,
  method: string,
  target: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Node's client frames no body on GET/DELETE unless told its length.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(
      {
        host: address.address,
        port: address.port,
        method,
        path: target,
        headers: { ...length, ...headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function postJson(
  address: AddressInfo,
  target: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return send(address, 'POST', target, JSON.stringify(body), {
    'content-type': 'application/json',
    ...headers,
  });
}
