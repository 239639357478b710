import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CtpipeError, isCtpipeError } from '@ctpipe/errors';
import { type PreprocessingSpec, parsePreprocessingSpec } from '@ctpipe/preprocessing';

/**
 * TFX's module_file: a built JS module whose `preprocessing` export is the spec. Relative paths resolve against
 * the working directory (the repository locally, the image's working dir in a container).
 */
export async function loadPreprocessingModule(moduleFile: string): Promise<PreprocessingSpec> {
  if (moduleFile === '') {
    throw new CtpipeError(
      'BAD_CONFIG',
      'module_file is empty: give the built module exporting `preprocessing`',
      {
        details: { expected: 'a path to a JS module', found: "''" },
      },
    );
  }
  const file = resolve(moduleFile);
  try {
    await access(file);
  } catch {
    throw new CtpipeError(
      'NOT_FOUND',
      `module_file ${file} does not exist (was the pipeline package built?)`,
      {
        details: { file },
      },
    );
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    throw new CtpipeError('BAD_CONFIG', `module_file ${file} fails to load: ${(err as Error).message}`, {
      details: { file },
      cause: err,
    });
  }
  if (module.preprocessing === undefined) {
    const exported = Object.keys(module).join(', ') || 'nothing';
    throw new CtpipeError('BAD_CONFIG', `module_file ${file} has no export named 'preprocessing'`, {
      details: { file, expected: 'export const preprocessing = definePreprocessing(…)', found: exported },
    });
  }
  try {
    return parsePreprocessingSpec(module.preprocessing);
  } catch (err) {
    if (!isCtpipeError(err)) throw err;
    throw new CtpipeError(err.code, `${file}: ${err.message}`, {
      details: { ...err.details, file },
      cause: err,
    });
  }
}
