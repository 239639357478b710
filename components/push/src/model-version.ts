import { readdir } from 'node:fs/promises';
import type { InputArtifact } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';

/** A Model artifact holds TF Serving version folders (train names them by export time); the pushed one is the highest. */
export async function latestVersionDir(modelDir: string): Promise<string> {
  const entries = await readdir(modelDir, { withFileTypes: true }).catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `model artifact not found: ${modelDir}`, {
      details: { path: modelDir },
      cause: err,
    });
  });
  const versions = entries.filter((e) => e.isDirectory() && /^\d+$/.test(e.name)).map((e) => Number(e.name));
  if (versions.length === 0) {
    throw new CtpipeError('BAD_INPUT', 'the model artifact has no numeric version folder', {
      details: { path: modelDir, expected: '<model>/<version>/model.json' },
    });
  }
  return String(Math.max(...versions));
}

/** evaluate's overall metrics (system.Metrics: `{name: number}`), the numbers only. */
export function metricsOf(evaluation: InputArtifact | undefined): Record<string, number> | undefined {
  if (!evaluation) return undefined;
  const numbers = Object.entries(evaluation.metadata).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
  );
  return numbers.length > 0 ? Object.fromEntries(numbers) : undefined;
}
