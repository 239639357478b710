import type { ServerResponse } from 'node:http';

/** Writes one JSON answer; a client already gone is not an error worth more than a no-op. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers?: Readonly<Record<string, string>>,
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** TF Serving's error body: `{"error": "<message>"}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers?: Readonly<Record<string, string>>,
): void {
  sendJson(res, status, JSON.stringify({ error: message }), headers);
}
