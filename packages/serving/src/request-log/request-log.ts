import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { Prediction } from '@ctpipe/model';
import type { Row } from '../predict/parse-predict-body.js';
import { instancePrediction } from '../predict/prediction-slices.js';
import type { RequestLogOptions, ServingLogger } from '../server-options.js';

interface OpenFiles {
  name: string;
  requests: WriteStream;
  predictions: WriteStream;
  bytes: number;
  openedAt: number;
}

/**
 * A sampled log of served instances for skew detection. `<dir>/requests-<stamp>.ndjson` holds the raw
 * features only, one JSON object per instance, exactly what validate's `serving_data` reads as a table;
 * `<dir>/predictions/predictions-<stamp>.ndjson` holds, line for line, `{"__time__", "__version__",
 * "__prediction__"}`. Files are written under hidden names and renamed when rotated (by size or age) or at
 * close, so a reader never sees half a file.
 */
export class RequestLog {
  private files: OpenFiles | undefined;
  private sequence = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly options: RequestLogOptions,
    private readonly deps: { now: () => Date; random: () => number; logger: ServingLogger },
  ) {
    mkdirSync(path.join(options.dir, 'predictions'), { recursive: true });
    this.timer = setInterval(() => this.rotateIfDue(), Math.min(options.maxFileAgeMs, 1000));
    this.timer.unref();
  }

  /** Logs each instance with probability `sampleRate`. */
  record(rows: readonly Row[], prediction: Prediction, version: number): void {
    let requests = '';
    let predictions = '';
    const time = this.deps.now().toISOString();
    for (let i = 0; i < rows.length; i++) {
      if (this.deps.random() >= this.options.sampleRate) continue;
      requests += `${JSON.stringify(rows[i])}\n`;
      predictions += `${JSON.stringify({ __time__: time, __version__: version, __prediction__: instancePrediction(prediction, i) })}\n`;
    }
    if (requests === '') return;
    const files = this.open();
    files.requests.write(requests);
    files.predictions.write(predictions);
    files.bytes += requests.length;
    if (files.bytes >= this.options.maxFileBytes) this.rotate();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.rotate();
    await Promise.all(this.pending);
  }

  private open(): OpenFiles {
    if (this.files) return this.files;
    const stamp = this.deps
      .now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const name = `${stamp}-${process.pid}-${String(this.sequence++).padStart(4, '0')}.ndjson`;
    const stream = (file: string) => {
      const s = createWriteStream(file);
      s.on('error', (err) => this.deps.logger.warn('request log write failed', { file, error: err.message }));
      return s;
    };
    this.files = {
      name,
      requests: stream(this.hidden('requests', name)),
      predictions: stream(this.hidden('predictions', name)),
      bytes: 0,
      openedAt: Date.now(),
    };
    return this.files;
  }

  private rotateIfDue(): void {
    if (this.files && Date.now() - this.files.openedAt >= this.options.maxFileAgeMs) this.rotate();
  }

  private rotate(): void {
    const files = this.files;
    if (!files) return;
    this.files = undefined;
    const done = Promise.all([
      this.finish(files.requests, this.hidden('requests', files.name), this.final('requests', files.name)),
      this.finish(
        files.predictions,
        this.hidden('predictions', files.name),
        this.final('predictions', files.name),
      ),
    ]).then(() => undefined);
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private finish(stream: WriteStream, from: string, to: string): Promise<void> {
    return new Promise<void>((resolve) => stream.end(resolve)).then(() =>
      rename(from, to).catch((err: Error) =>
        this.deps.logger.warn('request log rename failed', { file: from, error: err.message }),
      ),
    );
  }

  private folder(kind: 'requests' | 'predictions'): string {
    return kind === 'requests' ? this.options.dir : path.join(this.options.dir, 'predictions');
  }

  private hidden(kind: 'requests' | 'predictions', name: string): string {
    return path.join(this.folder(kind), `.${kind}-${name}.partial`);
  }

  private final(kind: 'requests' | 'predictions', name: string): string {
    return path.join(this.folder(kind), `${kind}-${name}`);
  }
}
