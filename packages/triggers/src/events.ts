import type { JsonObject } from '@ctpipe/metadata';

/** What the trigger loop did, one event per line in JSON-lines mode. Every event carries its ISO time. */
export type TriggerEvent = { time: string } & (
  | {
      type: 'loop-started';
      pipeline: string;
      sources: string[];
      pollIntervalMs: number;
      maxConcurrentRuns: number;
      once: boolean;
      /** Requests of a previous, dead trigger process put back in the queue (or failed, if they had started). */
      recovered: number;
    }
  | { type: 'fired'; source: string; trigger: string; reason: string; parameters: JsonObject }
  | { type: 'queued'; requestId: number; trigger: string; reason: string; duplicate: boolean }
  | {
      type: 'started';
      requestId: number;
      runId: string;
      trigger: string;
      reason: string;
      parameters: JsonObject;
    }
  | {
      type: 'finished';
      requestId: number;
      runId: string;
      state: string;
      durationMs: number;
      error?: string;
    }
  | { type: 'skipped'; source: string; reason: string }
  | { type: 'error'; source: string; message: string }
  | { type: 'loop-stopped'; why: 'signal' | 'once'; runs: number }
);

/** The event without its time, as code that emits one writes it. */
export type TriggerEventInput = TriggerEvent extends infer E
  ? E extends { time: string }
    ? Omit<E, 'time'>
    : never
  : never;

export type TriggerEventListener = (event: TriggerEvent) => void;
