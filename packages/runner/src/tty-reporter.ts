import type { LiveTaskState, RunEvent, RunReporter } from './run-events.js';

interface Row {
  state: LiveTaskState;
  startedAt?: number;
  durationMs?: number;
  detail?: string;
}

const MARK: Record<LiveTaskState, string> = {
  PENDING: '·',
  RUNNING: '▶',
  RETRYING: '↻',
  SUCCEEDED: '✔',
  CACHED: '⚡',
  FAILED: '✖',
  SKIPPED: '–',
  NOT_TRIGGERED: '–',
  UPSTREAM_FAILED: '–',
};

/** A TTY: a live task list redrawn in place (states, elapsed time, the component's own progress). */
export function createTtyReporter(stream: NodeJS.WriteStream = process.stdout): RunReporter {
  const rows = new Map<string, Row>();
  let header = '';
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;

  const render = () => {
    const now = Date.now();
    const lines = [header];
    for (const [task, row] of rows) {
      const secs = row.durationMs ?? (row.startedAt ? now - row.startedAt : undefined);
      const time = secs !== undefined ? ` ${(secs / 1000).toFixed(1)}s` : '';
      const label = row.state === 'CACHED' ? 'cached' : row.state.toLowerCase().replace('_', ' ');
      lines.push(
        `  ${MARK[row.state]} ${task.padEnd(28)} ${label}${time}${row.detail ? `  ${row.detail}` : ''}`,
      );
    }
    if (drawn > 0) stream.write(`\x1b[${drawn}A`);
    stream.write(lines.map((l) => `${l}\x1b[K\n`).join(''));
    drawn = lines.length;
  };

  return {
    emit(event: RunEvent) {
      if (event.type === 'run-started') {
        header = `run ${event.runId}  (${event.pipeline})`;
        for (const t of event.tasks) rows.set(t, { state: 'PENDING' });
        timer = setInterval(render, 250);
        timer.unref();
      } else if (event.type === 'task') {
        const row = rows.get(event.task) ?? { state: 'PENDING' };
        row.state = event.state;
        if (event.state === 'RUNNING' && !row.startedAt) row.startedAt = Date.now();
        if (event.durationMs !== undefined) row.durationMs = event.durationMs;
        row.detail =
          event.error ?? (event.attempt && event.attempt > 1 ? `attempt ${event.attempt}` : undefined);
        rows.set(event.task, row);
      } else if (event.type === 'progress') {
        const row = rows.get(event.task);
        if (row)
          row.detail = `${event.step} ${event.done}${event.total ? `/${event.total}` : ''}${event.unit ? ` ${event.unit}` : ''}`;
      } else {
        header = `run ${event.runId}  ${event.state.toLowerCase()} in ${(event.durationMs / 1000).toFixed(2)}s`;
      }
      render();
    },
    close() {
      if (timer) clearInterval(timer);
      render();
    },
  };
}
