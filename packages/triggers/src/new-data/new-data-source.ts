import { type Storage, storageFor } from '@ctpipe/storage';
import type { TriggerSource } from '../source.js';
import { latestRecordedSpan } from './latest-recorded-span.js';
import { decideNewData, type NewDataState } from './new-data-decision.js';
import { parseSpanPattern } from './span-pattern.js';

export interface NewDataOptions {
  /** The pipeline's input_pattern with {SPAN} (and optionally {VERSION}): an absolute path or a gs:// URI. */
  inputPattern: string;
  /** See decideNewData; the CLI passes the poll interval. */
  settleMs: number;
  /** Default: storageFor(inputPattern) — LocalStorage or GcsStorage, listed the same way. */
  storage?: Storage;
}

/**
 * New spans under the input pattern. The first poll starts from the highest span already in the metadata store; with
 * none, only the latest span present runs (as extract's default, span -1, would read it), not the whole history.
 */
export function newDataSource(options: NewDataOptions): TriggerSource {
  const spanPattern = parseSpanPattern(options.inputPattern);
  const storage = options.storage ?? storageFor(options.inputPattern);
  return {
    name: 'new-data',
    async poll({ store, pipelineName, state, now }) {
      const listed = await storage.glob(spanPattern.glob);
      let previous = readState(state);
      const skipped: string[] = [];
      if (previous === undefined) {
        const recorded = await latestRecordedSpan(store, pipelineName);
        const spans = listed.flatMap((f) => spanPattern.match(f.uri)?.span ?? []);
        const latest = spans.length === 0 ? -1 : Math.max(...spans);
        const lastSpan = recorded >= 0 ? recorded : latest - 1;
        if (recorded < 0 && latest > 0 && spans.some((s) => s < latest)) {
          skipped.push(`first start with no run recorded: spans before ${latest} are not run`);
        }
        previous = { lastSpan, seen: {} };
      }
      const decision = decideNewData({
        pattern: options.inputPattern,
        spanPattern,
        listed,
        state: previous,
        now,
        settleMs: options.settleMs,
      });
      return {
        fired: decision.fired,
        skipped: [...skipped, ...decision.skipped],
        state: { lastSpan: decision.state.lastSpan, seen: decision.state.seen },
      };
    },
  };
}

function readState(state: Record<string, unknown> | null): NewDataState | undefined {
  if (state === null || typeof state.lastSpan !== 'number') return undefined;
  const seen =
    state.seen !== null && typeof state.seen === 'object' ? (state.seen as Record<string, string>) : {};
  return { lastSpan: state.lastSpan, seen };
}
