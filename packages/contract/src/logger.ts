import type { Logger } from './core-types.js';

export interface LoggerOptions {
  /** Component or tool name shown in every line. */
  name: string;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Defaults to the stream's own TTY-ness: people get readable lines, machines get JSON lines. */
  tty?: boolean;
  now?: () => Date;
}

/**
 * Progress on a TTY is one rewritten line; elsewhere every event is a JSON line a launcher can parse
 * (the local runner reads these from a component's stderr to show live progress).
 */
export function createLogger(options: LoggerOptions): Logger {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean(stream.isTTY);
  const now = options.now ?? (() => new Date());
  let progressLineOpen = false;
  // Throttle TTY redraws and JSON progress lines: a core may report every batch of rows.
  let lastProgressAt = 0;

  const endProgressLine = () => {
    if (progressLineOpen) stream.write('\n');
    progressLineOpen = false;
  };
  const emit = (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => {
    if (tty) {
      endProgressLine();
      const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
      stream.write(`${level === 'warn' ? 'warning: ' : ''}${message}${extra}\n`);
    } else {
      stream.write(
        `${JSON.stringify({ ts: now().toISOString(), level, name: options.name, msg: message, ...fields })}\n`,
      );
    }
  };

  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    progress(step, done, total, unit) {
      const t = now().getTime();
      const finished = total !== undefined && done >= total;
      if (!finished && t - lastProgressAt < 200) return;
      lastProgressAt = t;
      if (tty) {
        const of = total !== undefined ? `/${total}` : '';
        const pct = total ? ` (${Math.floor((100 * done) / total)}%)` : '';
        stream.write(`\r${options.name} ${step}: ${done}${of}${unit ? ` ${unit}` : ''}${pct}\x1b[K`);
        progressLineOpen = !finished;
        if (finished) stream.write('\n');
      } else {
        const line = {
          ts: new Date(t).toISOString(),
          level: 'progress',
          name: options.name,
          step,
          done,
          total,
          unit,
        };
        stream.write(`${JSON.stringify(line)}\n`);
      }
    },
  };
}
