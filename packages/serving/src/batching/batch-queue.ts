import { CtpipeError, isCtpipeError } from '@ctpipe/errors';
import type { Prediction } from '@ctpipe/model';
import type { Row } from '../predict/parse-predict-body.js';
import { slicePrediction } from '../predict/prediction-slices.js';
import type { BatchingOptions } from '../server-options.js';

interface Task {
  rows: Row[];
  resolve: (prediction: Prediction) => void;
  reject: (err: unknown) => void;
}

interface Batch {
  tasks: Task[];
  rows: number;
  closed: boolean;
}

/**
 * TF Serving's batch scheduler for one servable, on Node's event loop: requests that arrive together go into
 * one open batch, run as ONE model call once the batch is full, its timeout passes, or — with a 0 µs timeout —
 * once the I/O already received has been read (setImmediate runs after the poll phase). Each request gets its
 * own slice. A model call that refuses the merged rows as bad input is retried request by request, so one
 * bad request cannot fail the others.
 */
export class BatchQueue {
  private readonly batches: Batch[] = [];
  private scheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private idle: (() => void)[] = [];

  constructor(
    private readonly predict: (rows: Row[]) => Prediction,
    private readonly options: BatchingOptions,
    private readonly onModelCall: (rows: number) => void,
  ) {}

  submit(rows: Row[]): Promise<Prediction> {
    return new Promise((resolve, reject) => {
      const task: Task = { rows, resolve, reject };
      const open = this.batches.at(-1);
      if (open && !open.closed && open.rows + rows.length <= this.options.maxBatchSize) {
        open.tasks.push(task);
        open.rows += rows.length;
        if (open.rows >= this.options.maxBatchSize) this.close(open);
        return;
      }
      if (open && !open.closed) this.close(open);
      if (this.batches.length >= this.options.maxEnqueuedBatches) {
        reject(
          new CtpipeError(
            'UNAVAILABLE',
            'The batch scheduling queue to which this task was submitted is full',
            {
              details: { maxEnqueuedBatches: this.options.maxEnqueuedBatches },
            },
          ),
        );
        return;
      }
      const batch: Batch = { tasks: [task], rows: rows.length, closed: false };
      this.batches.push(batch);
      if (batch.rows >= this.options.maxBatchSize) this.close(batch);
      else if (this.options.batchTimeoutMicros === 0) this.schedule();
      else this.timer = setTimeout(() => this.close(batch), this.options.batchTimeoutMicros / 1000);
    });
  }

  /** Resolves once no batch is waiting (before a version is unloaded). */
  whenIdle(): Promise<void> {
    if (this.batches.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private close(batch: Batch): void {
    if (batch.closed) return;
    batch.closed = true;
    if (this.batches.at(-1) === batch) clearTimeout(this.timer);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.runNext();
    });
  }

  /** With a 0 µs timeout the open batch runs at the next turn of the loop, with whatever has arrived. */
  private runnable(batch: Batch | undefined): batch is Batch {
    return batch !== undefined && (batch.closed || this.options.batchTimeoutMicros === 0);
  }

  /** One batch per turn of the event loop, so sockets are read and answered between model calls. */
  private runNext(): void {
    const batch = this.batches[0];
    if (!this.runnable(batch)) return;
    batch.closed = true;
    this.batches.shift();
    this.run(batch.tasks, batch.rows);
    if (this.runnable(this.batches[0])) this.schedule();
    else if (this.batches.length === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  private run(tasks: Task[], rowCount: number): void {
    const rows = tasks.length === 1 ? tasks[0]!.rows : tasks.flatMap((t) => t.rows);
    let prediction: Prediction;
    try {
      this.onModelCall(rowCount);
      prediction = this.predict(rows);
    } catch (err) {
      // Merged rows refused as bad input: retried request by request, so only the bad request fails.
      if (tasks.length > 1 && isCtpipeError(err) && err.code === 'BAD_INPUT') {
        for (const task of tasks) this.run([task], task.rows.length);
      } else {
        for (const task of tasks) task.reject(err);
      }
      return;
    }
    if (tasks.length === 1) {
      tasks[0]!.resolve(prediction);
      return;
    }
    let start = 0;
    for (const task of tasks) {
      const end = start + task.rows.length;
      task.resolve(slicePrediction(prediction, start, end));
      start = end;
    }
  }
}
