import type { JsonObject } from '@ctpipe/metadata';
import type { SpanPattern } from '../new-data/span-pattern.js';
import type { TriggerFire } from '../source.js';

/** What ctpipe reads of a Pub/Sub message (the client's Message has these, tests pass plain objects). */
export interface PubSubMessageLike {
  id: string;
  data: Uint8Array;
  attributes: Record<string, string>;
  ack(): void;
  nack(): void;
}

export type MessageDecision =
  /** Queue this request, then ack. `span` is set for GCS notifications of a new span. */
  | { kind: 'request'; fire: TriggerFire; span?: number }
  /** Well-formed but nothing to run (another event type, an object outside the pattern): ack. */
  | { kind: 'ignore'; why: string }
  /** Not a message ctpipe understands: nack (a dead-letter topic catches repeats) and log. */
  | { kind: 'malformed'; why: string };

/**
 * Two kinds of messages: Cloud Storage notifications (attributes eventType, bucketId, objectId; OBJECT_FINALIZE of an
 * object matching the input pattern is a new span), and JSON bodies `{trigger?, reason?, parameters?}` from Cloud
 * Scheduler or any publisher (an empty body is a plain "run now").
 */
export function interpretMessage(
  message: PubSubMessageLike,
  spanPattern: SpanPattern | undefined,
): MessageDecision {
  const a = message.attributes ?? {};
  if (a.eventType !== undefined && a.bucketId !== undefined && a.objectId !== undefined) {
    if (a.eventType !== 'OBJECT_FINALIZE') return { kind: 'ignore', why: `storage event ${a.eventType}` };
    const uri = `gs://${a.bucketId}/${a.objectId}`;
    if (!spanPattern)
      return { kind: 'ignore', why: `${uri}: no input_pattern with {SPAN} to match it against` };
    const match = spanPattern.match(uri);
    if (!match) return { kind: 'ignore', why: `${uri} does not match the input pattern` };
    return {
      kind: 'request',
      span: match.span,
      fire: {
        trigger: 'new-data',
        reason: `new span ${match.span}: ${uri} finalized (Cloud Storage notification)`,
        parameters: { span: match.span },
        dedupeKey: `span-${match.span}`,
      },
    };
  }
  return interpretJson(message);
}

function interpretJson(message: PubSubMessageLike): MessageDecision {
  const text = Buffer.from(message.data ?? new Uint8Array())
    .toString('utf8')
    .trim();
  let body: unknown = {};
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return { kind: 'malformed', why: `message ${message.id}: body is not JSON: ${text.slice(0, 80)}` };
    }
  }
  if (!isObject(body))
    return { kind: 'malformed', why: `message ${message.id}: expected a JSON object body` };
  const { trigger = 'pubsub', reason = `Pub/Sub message ${message.id}`, parameters = {}, ...rest } = body;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    return {
      kind: 'malformed',
      why: `message ${message.id}: unknown field(s) ${unknown.join(', ')}; expected trigger, reason, parameters`,
    };
  }
  if (typeof trigger !== 'string' || trigger === '') {
    return { kind: 'malformed', why: `message ${message.id}: "trigger" must be a non-empty string` };
  }
  if (typeof reason !== 'string')
    return { kind: 'malformed', why: `message ${message.id}: "reason" must be a string` };
  if (!isObject(parameters)) {
    return {
      kind: 'malformed',
      why: `message ${message.id}: "parameters" must be an object of pipeline parameters`,
    };
  }
  return { kind: 'request', fire: { trigger, reason, parameters: parameters as JsonObject } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
