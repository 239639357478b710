import { CtpipeError } from '@ctpipe/errors';
import type { JsonObject } from '@ctpipe/metadata';
import type { ListenerContext, TriggerListener } from '../listener.js';
import { latestRecordedSpan } from '../new-data/latest-recorded-span.js';
import { parseSpanPattern, type SpanPattern } from '../new-data/span-pattern.js';
import { interpretMessage, type PubSubMessageLike } from './interpret-message.js';

/** The part of a @google-cloud/pubsub Subscription the listener uses. */
export interface SubscriptionLike {
  onMessage(listener: (message: PubSubMessageLike) => void): void;
  onError(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface PubSubTriggerOptions {
  /** `projects/<project>/subscriptions/<name>`, or a name in the credentials' project. */
  subscription: string;
  /** The pipeline's input_pattern (gs://…{SPAN}…): Cloud Storage notifications of matching objects are new spans. */
  inputPattern?: string;
  projectId?: string;
  /** Tests pass a fake; by default the real client subscribes (after checking for credentials). */
  connect?: (subscription: string) => Promise<SubscriptionLike>;
}

export interface PubSubTriggerSource extends TriggerListener {
  /** What the subscription's 'message' handler does; exposed so it can be driven without a subscription. */
  handleMessage(message: PubSubMessageLike, context: ListenerContext): Promise<void>;
}

/** The new-data cursor is shared with the polled new-data source: a span seen by either is not run twice. */
const NEW_DATA_STATE = 'new-data';

/**
 * The same trigger logic, deployable where Pub/Sub delivers: each message becomes a queued run request and is acked
 * only after it is queued. A malformed message is nacked and logged, never a crash.
 */
export function createPubSubTriggerSource(options: PubSubTriggerOptions): PubSubTriggerSource {
  const spanPattern: SpanPattern | undefined = options.inputPattern?.includes('{SPAN}')
    ? parseSpanPattern(options.inputPattern)
    : undefined;
  let subscription: SubscriptionLike | undefined;

  async function handleMessage(message: PubSubMessageLike, ctx: ListenerContext): Promise<void> {
    const decision = interpretMessage(message, spanPattern);
    if (decision.kind === 'malformed') {
      ctx.emit({ type: 'error', source: 'pubsub', message: decision.why });
      message.nack();
      return;
    }
    if (decision.kind === 'ignore') {
      ctx.emit({ type: 'skipped', source: 'pubsub', reason: decision.why });
      message.ack();
      return;
    }
    try {
      if (decision.span !== undefined && !(await claimSpan(ctx, decision.span))) {
        ctx.emit({
          type: 'skipped',
          source: 'pubsub',
          reason: `span ${decision.span} was already run or queued`,
        });
        message.ack();
        return;
      }
      ctx.emit({ type: 'fired', source: 'pubsub', ...decision.fire });
      const { request, created } = await ctx.store.enqueueRunRequest({
        pipelineName: ctx.pipelineName,
        ...decision.fire,
      });
      ctx.emit({
        type: 'queued',
        requestId: request.id,
        trigger: request.trigger,
        reason: request.reason,
        duplicate: !created,
      });
      message.ack();
      ctx.wake();
    } catch (err) {
      ctx.emit({
        type: 'error',
        source: 'pubsub',
        message: `message ${message.id}: ${(err as Error).message}`,
      });
      message.nack();
    }
  }

  return {
    name: 'pubsub',
    handleMessage,
    async start(ctx) {
      subscription = await (options.connect ?? ((name) => connectPubSub(name, options.projectId)))(
        options.subscription,
      );
      subscription.onMessage((message) => {
        void handleMessage(message, ctx);
      });
      subscription.onError((err) => ctx.emit({ type: 'error', source: 'pubsub', message: err.message }));
    },
    async stop() {
      await subscription?.close();
      subscription = undefined;
    },
  };
}

/** Moves the shared new-data cursor to `span` if it is new; false when it was already seen. */
async function claimSpan(ctx: ListenerContext, span: number): Promise<boolean> {
  const state = await ctx.store.getTriggerState(ctx.pipelineName, NEW_DATA_STATE);
  const last =
    typeof state?.lastSpan === 'number'
      ? state.lastSpan
      : await latestRecordedSpan(ctx.store, ctx.pipelineName);
  if (span <= last) return false;
  const next: JsonObject = { ...(state ?? { seen: {} }), lastSpan: span };
  await ctx.store.setTriggerState(ctx.pipelineName, NEW_DATA_STATE, next);
  return true;
}

/** The real client, loaded only here so local triggers never pay for it; credentials are checked before subscribing. */
async function connectPubSub(subscription: string, projectId: string | undefined): Promise<SubscriptionLike> {
  const { PubSub } = await import('@google-cloud/pubsub');
  const project = /^projects\/([^/]+)\//.exec(subscription)?.[1] ?? projectId;
  const client = new PubSub(project === undefined ? {} : { projectId: project });
  try {
    await client.auth.getClient();
  } catch (err) {
    await client.close().catch(() => undefined);
    throw new CtpipeError(
      'UNAVAILABLE',
      'Pub/Sub: no Google credentials found. Run `gcloud auth application-default login`, set ' +
        'GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or run with an attached service account.',
      { details: { path: subscription }, cause: err },
    );
  }
  const sub = client.subscription(subscription);
  return {
    onMessage: (listener) => {
      sub.on('message', listener);
    },
    onError: (listener) => {
      sub.on('error', listener);
    },
    close: async () => {
      await sub.close();
      await client.close();
    },
  };
}
