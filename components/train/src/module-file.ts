import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CtpipeError } from '@ctpipe/errors';
import type { ModelModule } from '@ctpipe/model';

/** The module file's absolute path: relative paths are taken from the working directory. */
export function modulePath(moduleFile: string): string {
  if (moduleFile === '') {
    throw new CtpipeError(
      'BAD_CONFIG',
      'module_file is empty: give the built model module, e.g. pipelines/ct/dist/model.js',
      {
        details: { expected: 'a path to a .js module exporting `model`' },
      },
    );
  }
  return path.resolve(moduleFile);
}

export async function moduleDigest(moduleFile: string): Promise<string> {
  const file = modulePath(moduleFile);
  const bytes = await readFile(file).catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `module_file not found: ${file}`, { details: { file }, cause: err });
  });
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Imports the module file and checks that its `model` export has the ModelModule shape. */
export async function loadModelModule(moduleFile: string): Promise<ModelModule> {
  const file = modulePath(moduleFile);
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    throw new CtpipeError('BAD_CONFIG', `cannot import module_file: ${(err as Error).message}`, {
      details: { file },
      cause: err,
    });
  }
  const model = exports.model as Partial<ModelModule> | undefined;
  const missing = [
    typeof model?.searchSpace === 'function' ? undefined : 'searchSpace()',
    typeof model?.buildModel === 'function' ? undefined : 'buildModel()',
    model?.objective?.name && model.objective.direction ? undefined : 'objective { name, direction }',
    model?.training && Number.isInteger(model.training.batchSize) && Number.isInteger(model.training.epochs)
      ? undefined
      : 'training { epochs, batchSize, earlyStoppingPatience }',
  ].filter((m) => m !== undefined);
  if (missing.length > 0) {
    throw new CtpipeError('BAD_CONFIG', 'module_file must export `model`, a ModelModule', {
      details: { file, expected: 'export const model: ModelModule', found: `missing ${missing.join(', ')}` },
    });
  }
  return model as ModelModule;
}
