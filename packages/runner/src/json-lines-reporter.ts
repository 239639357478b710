import type { RunEvent, RunReporter } from './run-events.js';

/** Not a TTY: every event is one JSON line, for log collectors and for tests. */
export function createJsonLinesReporter(stream: NodeJS.WritableStream = process.stdout): RunReporter {
  return {
    emit(event: RunEvent) {
      stream.write(`${JSON.stringify({ ts: new Date().toISOString(), ...event })}\n`);
    },
    close() {},
  };
}
