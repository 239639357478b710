import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CtpipeError } from '@ctpipe/errors';
import type { Trial, TrialResult, TrialWorker } from '../trial.js';
import type { EpochListener, TrialExecutor } from './trial-executor.js';

// Same relative location from src/internal/ (tests) and dist/internal/ (built package).
const CHILD_SCRIPT = fileURLToPath(new URL('../../child/trial-child.mjs', import.meta.url));

type ChildMessage =
  | { type: 'epoch'; trialId: string; epoch: number; logs: Record<string, number> }
  | { type: 'result'; trialId: string; result: TrialResult }
  | { type: 'error'; trialId: string; message: string };

interface Job {
  onEpoch: EpochListener;
  resolve: (result: TrialResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  child: ChildProcess;
  job: Job | null;
  exited: Promise<void>;
}

function modulePath(worker: TrialWorker): string {
  if (worker.module.startsWith('file:')) return fileURLToPath(worker.module);
  if (!isAbsolute(worker.module)) {
    throw new CtpipeError('BAD_CONFIG', 'a trial worker module must be an absolute path or a file: URL', {
      details: { expected: 'an absolute path', found: worker.module },
    });
  }
  return worker.module;
}

/**
 * A pool of forked Node processes, one per parallel slot, each reused across trials. Processes rather than
 * worker_threads: tfjs' wasm backend cannot start its threads inside a worker on Node 20, and processes
 * give real parallelism. A child that dies fails its trial and is replaced on the next run.
 */
export function processPoolExecutor(worker: TrialWorker): TrialExecutor {
  const path = modulePath(worker);
  if (!existsSync(path)) {
    throw new CtpipeError('NOT_FOUND', `trial worker module ${path} does not exist`, { details: { path } });
  }
  const idle: Slot[] = [];
  const live = new Set<Slot>();

  function spawnSlot(): Slot {
    const child = fork(CHILD_SCRIPT, [], {
      execArgv: worker.execArgv ?? [],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      serialization: 'json',
    });
    child.stdout?.pipe(process.stderr, { end: false });
    let markExited: () => void = () => {};
    const slot: Slot = { child, job: null, exited: new Promise((resolve) => (markExited = resolve)) };
    live.add(slot);
    child.on('message', (raw) => {
      const msg = raw as ChildMessage;
      const job = slot.job;
      if (!job) return;
      if (msg.type === 'epoch') job.onEpoch(msg.epoch, msg.logs);
      else {
        slot.job = null;
        idle.push(slot);
        if (msg.type === 'result') job.resolve(msg.result);
        else job.reject(new Error(msg.message));
      }
    });
    const onGone = (reason: string) => {
      if (!live.delete(slot)) return;
      const at = idle.indexOf(slot);
      if (at >= 0) idle.splice(at, 1);
      slot.job?.reject(new Error(`trial process ${reason}`));
      slot.job = null;
      markExited();
    };
    child.on('exit', (code, signal) => onGone(signal ? `killed by ${signal}` : `exited with code ${code}`));
    child.on('error', (err) => onGone(`failed: ${err.message}`));
    return slot;
  }

  return {
    run(trial: Trial, onEpoch: EpochListener): Promise<TrialResult> {
      const slot = idle.pop() ?? spawnSlot();
      return new Promise((resolve, reject) => {
        slot.job = { onEpoch, resolve, reject };
        const message = {
          type: 'run',
          trial,
          module: path,
          exportName: worker.export ?? 'runTrial',
          args: worker.args ?? null,
        };
        slot.child.send(message, (err) => {
          if (err) slot.child.kill('SIGKILL');
        });
      });
    },
    async close(): Promise<void> {
      const slots = [...live];
      for (const slot of slots) {
        // A busy child only remains when the search itself is aborting.
        if (slot.job || !slot.child.connected) slot.child.kill('SIGKILL');
        else slot.child.send({ type: 'exit' });
      }
      await Promise.all(slots.map((s) => s.exited));
    },
  };
}
