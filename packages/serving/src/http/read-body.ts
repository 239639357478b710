import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large'; bytes: number };

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused before one
 * byte is read, a chunked body as soon as it passes the limit; the rest is discarded, never buffered. Rejects
 * when the client goes away mid-body (nothing can be answered then).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ kind: 'too-large', bytes: declared });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) {
        settled = true;
        req.off('data', onData);
        req.resume();
        resolve({ kind: 'too-large', bytes });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (settled) return;
      settled = true;
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes);
      resolve({ kind: 'ok', text: body.toString('utf8') });
    });
    req.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    req.once('close', () => {
      if (!settled) reject(new Error('the client closed the connection before the body was complete'));
      settled = true;
    });
  });
}
