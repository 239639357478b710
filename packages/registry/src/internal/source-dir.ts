import { readdir, stat } from 'node:fs/promises';
import { CtpipeError } from '@ctpipe/errors';

/** The model files to publish: a local directory with at least one entry. */
export async function requireSourceDir(sourceDir: string, model: string): Promise<void> {
  const info = await stat(sourceDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new CtpipeError('NOT_FOUND', `no model directory to publish at ${sourceDir}`, {
      details: {
        model,
        path: sourceDir,
        expected: 'a local directory holding the model files (model.json …)',
      },
    });
  }
  if ((await readdir(sourceDir)).length === 0) {
    throw new CtpipeError('BAD_INPUT', `the model directory to publish is empty: ${sourceDir}`, {
      details: { model, path: sourceDir },
    });
  }
}
