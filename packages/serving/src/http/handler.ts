import type { IncomingMessage, ServerResponse } from 'node:http';
import { CtpipeError, toCtpipeError } from '@ctpipe/errors';
import type { Prediction } from '@ctpipe/model';
import { httpStatus } from '../error-codes.js';
import type { ModelService, Resolved } from '../model-service.js';
import { modelMetadataBody, modelStatusBody } from '../models/status-bodies.js';
import { checkRows } from '../predict/check-rows.js';
import { type PredictBody, parsePredictBody } from '../predict/parse-predict-body.js';
import { predictResponseBody } from '../predict/prediction-slices.js';
import type { ServingLogger, VertexRoutes } from '../server-options.js';
import { readBody } from './read-body.js';
import { sendError, sendJson } from './respond.js';
import { allowedMethod, matchRoute, type Selector } from './route.js';
import { modelNotFound, versionStatuses } from './version-statuses.js';

export interface HandlerOptions {
  maxBodyBytes: number;
  vertex: VertexRoutes | undefined;
  logger: ServingLogger;
}

/**
 * The HTTP surface: TF Serving's REST API, ctpipe's `/stats`, and Vertex AI's health and predict routes.
 * Every failure answers `{"error": "…"}` with TF Serving's status code; nothing a client sends can throw
 * out of here.
 */
export function requestHandler(service: ModelService, options: HandlerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const route = matchRoute(url, options.vertex);
    const allowed = allowedMethod(route);
    if (!allowed) {
      req.resume();
      sendError(res, 404, `Malformed request: ${req.method} ${truncate(url)}`);
      return;
    }
    if (req.method !== allowed) {
      req.resume();
      sendError(res, 405, `Method ${req.method} not allowed for ${truncate(url)}; use ${allowed}`, {
        allow: allowed,
      });
      return;
    }
    if (route.kind === 'vertex-predict') {
      predict(service, options, req, res, { kind: 'default' });
      return;
    }
    if (route.kind === 'vertex-health') {
      const ready = service.versions.available().length > 0;
      sendJson(res, ready ? 200 : 503, ready ? '{}' : '{"error":"no model version is AVAILABLE yet"}');
      return;
    }
    if (route.kind !== 'model') return;
    if (route.action === 'predict') {
      if (route.model !== service.name) {
        req.resume();
        sendError(res, 404, `Servable not found for request: Latest(${route.model})`);
        return;
      }
      predict(service, options, req, res, route.selector);
      return;
    }
    req.resume();
    try {
      switch (route.action) {
        case 'status':
          sendJson(res, 200, modelStatusBody(versionStatuses(service, route.model, route.selector)));
          return;
        case 'metadata': {
          if (route.model !== service.name) throw modelNotFound(route.model);
          const { version, model } = service.resolveWithoutSplit(route.selector);
          sendJson(res, 200, modelMetadataBody(service.name, version, model.signature));
          return;
        }
        case 'stats':
          if (route.model !== service.name) throw modelNotFound(route.model);
          sendJson(res, 200, JSON.stringify(service.stats()));
          return;
        case 'classify':
        case 'regress':
          sendError(
            res,
            501,
            `${route.action} is not implemented: ctpipe models export a tensorflow/serving/predict signature; use :predict`,
          );
          return;
      }
    } catch (err) {
      sendFailure(res, err, options.logger);
    }
  };
}

function predict(
  service: ModelService,
  options: HandlerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  selector: Selector,
): void {
  const started = performance.now();
  readBody(req, options.maxBodyBytes).then(
    (body) => {
      if (body.kind === 'too-large') {
        sendError(
          res,
          413,
          `Request body of ${body.bytes} bytes exceeds the limit of ${options.maxBodyBytes} bytes`,
          { connection: 'close' },
        );
        return;
      }
      let request: PredictBody;
      let resolved: Resolved;
      try {
        request = parsePredictBody(body.text);
        resolved = service.resolve(selector, requestKey(req, request));
      } catch (err) {
        sendFailure(res, err, options.logger);
        return;
      }
      const done = (status: number) =>
        service.finished(resolved.version, status, performance.now() - started);
      const fail = (err: unknown) => done(sendFailure(res, err, options.logger));
      const answer = (prediction: Prediction) => {
        try {
          sendJson(res, 200, predictResponseBody(prediction, request.format));
          service.logInstances(request.rows, prediction, resolved.version);
          done(200);
        } catch (err) {
          fail(err);
        }
      };
      try {
        checkSignatureName(request, resolved);
        checkRows(request.rows, resolved.model.signature, request.format);
        const result = service.predict(resolved, request.rows);
        if (result instanceof Promise) result.then(answer, fail);
        else answer(result);
      } catch (err) {
        fail(err);
      }
    },
    () => {
      // The client went away mid-body: there is no one to answer.
    },
  );
}

/** The canary split's sticky key: the `x-request-key` header, or Vertex-style `parameters.request_key`. */
function requestKey(req: IncomingMessage, request: PredictBody): string | undefined {
  const header = req.headers['x-request-key'];
  if (typeof header === 'string') return header;
  const key = request.parameters?.request_key;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function checkSignatureName(request: PredictBody, resolved: Resolved): void {
  const name = request.signatureName;
  if (name !== undefined && name !== '' && name !== resolved.model.signature.signature_name) {
    throw new CtpipeError(
      'BAD_INPUT',
      `Serving signature name: "${truncate(name)}" not found in signature def`,
      {
        details: { expected: resolved.model.signature.signature_name, found: name },
      },
    );
  }
}

/** Answers an error with TF Serving's status for its code; returns the status. Unexpected errors are logged. */
function sendFailure(res: ServerResponse, err: unknown, logger: ServingLogger): number {
  const error = toCtpipeError(err);
  const status = httpStatus(error);
  if (status >= 500 && status !== 503) logger.warn('request failed', { error: error.oneLine() });
  sendError(res, status, error.message);
  return status;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
