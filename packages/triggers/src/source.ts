import type { JsonObject, MetadataStore } from '@ctpipe/metadata';

/** What a trigger source decided: a run request to queue. */
export interface TriggerFire {
  /** Recorded with the run: "schedule", "new-data", "drift", "quality", "pubsub", … */
  trigger: string;
  /** Why, in words a user reads in `ctpipe runs` and the trigger log. */
  reason: string;
  /** Pipeline parameters for the run, e.g. `{ span: 3 }` or `{ serving_data: … }`. */
  parameters: JsonObject;
  /** A pending request with the same key is not queued twice (see MetadataStore.enqueueRunRequest). */
  dedupeKey?: string;
}

export interface PollContext {
  store: MetadataStore;
  pipelineName: string;
  now: Date;
  /** The state this source returned last time (persisted in the metadata store), null the first time. */
  state: JsonObject | null;
}

export interface PollResult {
  /** In the order the runs should happen. */
  fired: TriggerFire[];
  /** Why something that could have fired did not (yet): "span 3: files still changing", … */
  skipped: string[];
  /** Persisted after the fired requests are queued, so a crash in between re-fires rather than loses them. */
  state: JsonObject;
}

/** A polled trigger source: schedule, new data, drift/skew, model quality. */
export interface TriggerSource {
  /** Also the key of its persisted state. */
  readonly name: string;
  poll(ctx: PollContext): Promise<PollResult>;
}
