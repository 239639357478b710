import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadServingModel } from '@ctpipe/model';
import { schemeOf, storageFor, uriToLocalPath } from '@ctpipe/storage';
import { requestHandler } from './http/handler.js';
import { ModelService } from './model-service.js';
import { remoteBaseMirror } from './models/mirror-remote-base.js';
import {
  DEFAULT_BATCHING,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_ROLLBACK,
  type ServerOptions,
  type ServingLogger,
} from './server-options.js';
import type { ServingStats } from './serving-stats.js';

export interface PredictionServer {
  server: Server;
  /** Loads what the base path holds (the first poll), then listens; default 8501 on 127.0.0.1. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Stops polling, closes connections, unloads the models, closes the request log. */
  close(): Promise<void>;
  stats(): ServingStats;
  /** Polls the base path now instead of waiting for the next poll. */
  refresh(): Promise<void>;
}

/** TF Serving's REST port in its Docker image. */
export const DEFAULT_PORT = 8501;

/**
 * The prediction server for one model: TF Serving's REST API and Vertex AI's custom-container routes over the
 * model's version folders, watched for new versions. Nothing listens until `listen`.
 */
export function createServer(options: ServerOptions): PredictionServer {
  const logger = options.logger ?? stderrLogger(options.modelName);
  const { modelBasePath, beforeScan } = localBasePath(options.modelBasePath, options.modelName);
  const service = new ModelService({
    modelName: options.modelName,
    modelBasePath,
    versionPolicy: options.versionPolicy ?? { kind: 'latest', numVersions: 1 },
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    batching: options.batching ?? DEFAULT_BATCHING,
    rollback: options.rollback ?? DEFAULT_ROLLBACK,
    requestLog: options.requestLog,
    logger,
    loadModel: options.loadModel ?? ((dir) => loadServingModel(dir)),
    random: options.random ?? Math.random,
    now: options.now ?? (() => new Date()),
    ...(beforeScan ? { beforeScan } : {}),
  });
  const server = createHttpServer(
    requestHandler(service, {
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      vertex: options.vertex,
      logger,
    }),
  );
  // TF Serving's --rest_api_timeout_in_ms: a client that trickles its request is cut off.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  let started: Promise<void> | undefined;
  return {
    server,
    async listen(port = DEFAULT_PORT, host = '127.0.0.1') {
      started ??= service.start();
      await started;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      logger.info('listening', {
        address: address.address,
        port: address.port,
        versions: service.versions.available(),
      });
      return address;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
      await service.stop();
    },
    stats: () => service.stats(),
    refresh: () => service.watcher.pollNow(),
  };
}

/** A gs:// base path is mirrored to a local folder before each scan; a local path or file:// is used as is. */
function localBasePath(
  base: string,
  model: string,
): { modelBasePath: string; beforeScan?: () => Promise<void> } {
  const scheme = schemeOf(base);
  if (scheme === undefined) return { modelBasePath: path.resolve(base) };
  if (scheme === 'file') return { modelBasePath: uriToLocalPath(base) };
  const local = path.join(os.tmpdir(), `ctpipe-serving-${process.pid}`, model);
  return { modelBasePath: local, beforeScan: remoteBaseMirror(storageFor(base), base, local) };
}

function stderrLogger(model: string): ServingLogger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(
      `${new Date().toISOString()} serving[${model}] ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`,
    );
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
  };
}
