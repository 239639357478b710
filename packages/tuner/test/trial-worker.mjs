// A trial worker for the process-pool tests: −(x − 3)² plus noise from the trial seed, two reported
// epochs, and failures on demand (args.crashOn: trial ids whose process kills itself; args.throwOn: ids
// that throw).
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @param {{ id: string, seed: number, values: Record<string, number> }} trial
 * @param {{ args: { crashOn?: string[], throwOn?: string[] } | null, reportEpoch: (e: number, logs: Record<string, number>) => void }} context
 */
export async function runTrial(trial, { args, reportEpoch }) {
  if (args?.crashOn?.includes(trial.id)) process.kill(process.pid, 'SIGKILL');
  if (args?.throwOn?.includes(trial.id)) throw new Error(`worker failed on ${trial.id}`);
  await sleep(trial.seed % 5);
  const loss = (trial.values.x - 3) ** 2 + (trial.seed % 1000) / 1e5;
  reportEpoch(0, { loss: loss + 1 });
  reportEpoch(1, { loss });
  // Talking on stdout must not disturb the IPC channel (the pool forwards it to stderr).
  console.log(`trial ${trial.id} done`);
  return { metrics: { loss: [loss + 1, loss], pid: [process.pid] } };
}
