import type { MetadataStore } from '@ctpipe/metadata';
import type { TriggerEventInput } from './events.js';

export interface ListenerContext {
  store: MetadataStore;
  pipelineName: string;
  emit: (event: TriggerEventInput) => void;
  /** Tells the loop a request was queued, so it starts it without waiting for the next poll. */
  wake: () => void;
}

/** A pushed trigger source (Pub/Sub): it queues requests itself as messages arrive, between polls. */
export interface TriggerListener {
  readonly name: string;
  start(context: ListenerContext): Promise<void>;
  stop(): Promise<void>;
}
