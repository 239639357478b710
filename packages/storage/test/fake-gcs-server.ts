import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP request as the Cloud Storage client sent it. */
export interface RecordedRequest {
  method: string;
  /** The raw path, still percent-encoded: `/storage/v1/b/bkt/o/a%2Fb.txt`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeResponse {
  status: number;
  json?: unknown;
  body?: Buffer | string;
  headers?: Record<string, string>;
}

export type FakeHandler = (
  request: RecordedRequest,
  endpoint: string,
) => FakeResponse | Promise<FakeResponse>;

export interface FakeGcsServer {
  /** `http://127.0.0.1:<port>`: the client's apiEndpoint. */
  endpoint: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server that records every request and answers through `handler`. */
export async function startFakeGcsServer(handler: FakeHandler): Promise<FakeGcsServer> {
  const requests: RecordedRequest[] = [];
  let endpoint = '';
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', endpoint);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(recorded);
    // A broken handler answers 400, which the client does not retry, so a test fails at once, not after backoff.
    const answer = await Promise.resolve()
      .then(() => handler(recorded, endpoint))
      .catch((err: unknown) => apiError(400, `fake GCS handler failed: ${String(err)}`, 'invalid'));
    const body = answer.json === undefined ? (answer.body ?? '') : JSON.stringify(answer.json);
    const type = answer.json === undefined ? 'application/octet-stream' : 'application/json; charset=UTF-8';
    res.writeHead(answer.status, { 'content-type': type, ...answer.headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Answers requests with `responses` in order; an unplanned request gets a 400 (never retried by the client). */
export function cannedResponses(...responses: FakeResponse[]): FakeHandler {
  const queue = [...responses];
  return (request) =>
    queue.shift() ?? {
      status: 400,
      json: { error: { code: 400, message: `unplanned request ${request.method} ${request.path}` } },
    };
}

/** The JSON API's error body. */
export function apiError(code: number, message: string, reason: string): FakeResponse {
  return {
    status: code,
    json: { error: { code, message, errors: [{ message, domain: 'global', reason }] } },
  };
}

export interface MultipartPart {
  headers: Record<string, string>;
  body: Buffer;
}

/** Splits a `multipart/related` upload body (metadata JSON part, then media part). */
export function parseMultipart(request: RecordedRequest): MultipartPart[] {
  const boundary = /boundary="?([^";]+)"?/.exec(request.headers['content-type'] ?? '')?.[1];
  if (boundary === undefined) throw new Error(`not multipart: ${request.headers['content-type']}`);
  const text = request.body.toString('latin1'); // byte-preserving
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const split = raw.indexOf('\r\n\r\n');
      const headers = Object.fromEntries(
        raw
          .slice(0, split)
          .trim()
          .split('\r\n')
          .map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
          }),
      );
      return { headers, body: Buffer.from(raw.slice(split + 4, raw.length - 2), 'latin1') };
    });
}
