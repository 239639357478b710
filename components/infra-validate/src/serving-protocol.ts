import type { ServingSignature } from '@ctpipe/model';

/**
 * Messages between infra-validate and the serving process over Node's IPC channel. Request and response bodies
 * travel as JSON text, as over TF Serving's REST port, so parsing and serializing are part of the latency.
 */
export type ToServer = { type: 'predict'; id: number; body: string };

export type FromServer =
  /** The model loaded: what TF Serving's `GET /v1/models/<name>/metadata` tells a client. */
  | { type: 'ready'; version: number; backend: string; signature: ServingSignature }
  | { type: 'load-failed'; message: string }
  | { type: 'answer'; id: number; status: number; body: string };
