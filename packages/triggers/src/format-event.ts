import type { TriggerEvent } from './events.js';

/** One human line per event, for a terminal: `03:00:01  start   #4 ctpipe-ct-… (new-data: new span 3 …)`. */
export function formatTriggerEvent(event: TriggerEvent): string {
  const time = event.time.slice(11, 19);
  const line = (tag: string, text: string) => `${time}  ${tag.padEnd(7)} ${text}`;
  switch (event.type) {
    case 'loop-started':
      return line(
        'watch',
        `${event.pipeline}: ${event.sources.join(', ') || 'no sources (queued requests only)'} — poll every ` +
          `${seconds(event.pollIntervalMs)}, ${event.maxConcurrentRuns} run(s) at a time` +
          `${event.once ? ', once' : ''}${event.recovered > 0 ? `, ${event.recovered} request(s) recovered` : ''}`,
      );
    case 'fired':
      return line('fired', `${event.source}: ${event.reason}`);
    case 'queued':
      return line(
        'queued',
        `#${event.requestId} ${event.trigger}${event.duplicate ? ' (already queued)' : ''}`,
      );
    case 'started':
      return line('start', `#${event.requestId} ${event.runId} (${event.trigger}: ${event.reason})`);
    case 'finished':
      return line(
        'done',
        `#${event.requestId} ${event.runId} ${event.state} in ${seconds(event.durationMs)}${event.error ? ` — ${event.error}` : ''}`,
      );
    case 'skipped':
      return line('wait', `${event.source}: ${event.reason}`);
    case 'error':
      return line('error', `${event.source}: ${event.message}`);
    case 'loop-stopped':
      return line(
        'stop',
        `${event.runs} run(s) ${event.why === 'signal' ? '(stopped by signal)' : ''}`.trimEnd(),
      );
  }
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10}s`;
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}
