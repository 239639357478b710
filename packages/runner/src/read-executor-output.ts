import { readFile } from 'node:fs/promises';
import { CtpipeError } from '@ctpipe/errors';
import type { ComponentSpec, ExecutorInput, ExecutorOutput, JsonValue, ParameterType } from '@ctpipe/ir';
import type { ArtifactRef } from './runtime-artifact.js';

export interface TaskOutputs {
  parameters: Record<string, JsonValue>;
  artifacts: Record<string, ArtifactRef[]>;
}

/**
 * Collects what a finished container produced, with the KFP launcher's precedence: executor_output.json
 * wins; otherwise each output parameter's own file, parsed by its declared type.
 */
export async function readExecutorOutput(
  component: ComponentSpec,
  input: ExecutorInput,
): Promise<TaskOutputs> {
  const outputFile = input.outputs!.outputFile;
  const text = await readFile(outputFile, 'utf8').catch(() => undefined);
  let output: ExecutorOutput = {};
  if (text !== undefined) {
    try {
      output = JSON.parse(text) as ExecutorOutput;
    } catch (err) {
      throw new CtpipeError('CONTRACT', `executor output is not JSON: ${(err as Error).message}`, {
        details: { file: outputFile },
      });
    }
  }
  const parameters: Record<string, JsonValue> = {};
  for (const [name, def] of Object.entries(component.outputDefinitions?.parameters ?? {})) {
    const fromOutput = output.parameterValues?.[name];
    if (fromOutput !== undefined) {
      parameters[name] = fromOutput;
      continue;
    }
    const file = input.outputs?.parameters?.[name]?.outputFile;
    const raw = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined;
    if (raw === undefined) {
      throw new CtpipeError('CONTRACT', `output parameter '${name}' was not written`, { details: { file } });
    }
    parameters[name] = parseParameterText(raw, def.parameterType, file!);
  }
  const artifacts: Record<string, ArtifactRef[]> = {};
  for (const [name, list] of Object.entries(input.outputs?.artifacts ?? {})) {
    const declared = list.artifacts[0]!;
    const reported = output.artifacts?.[name]?.artifacts?.[0];
    artifacts[name] = [
      {
        name,
        type: declared.type,
        // The KFP launcher: a non-empty uri in executor_output replaces the planned one; metadata keys merge.
        uri: reported?.uri || declared.uri,
        metadata: { ...(declared.metadata ?? {}), ...(reported?.metadata ?? {}) },
      },
    ];
  }
  return { parameters, artifacts };
}

function parseParameterText(raw: string, type: ParameterType, file: string): JsonValue {
  const bad = (): never => {
    throw new CtpipeError('CONTRACT', `output parameter file does not hold a ${type}`, {
      details: { file, found: raw.slice(0, 80) },
    });
  };
  switch (type) {
    case 'STRING':
      return raw;
    case 'NUMBER_INTEGER':
    case 'NUMBER_DOUBLE': {
      const n = Number(raw.trim());
      if (raw.trim() === '' || Number.isNaN(n) || (type === 'NUMBER_INTEGER' && !Number.isInteger(n))) bad();
      return n;
    }
    case 'BOOLEAN': {
      const t = raw.trim().toLowerCase();
      if (['true', '1', 't'].includes(t)) return true;
      if (['false', '0', 'f'].includes(t)) return false;
      return bad();
    }
    default: {
      try {
        const v = JSON.parse(raw) as JsonValue;
        if (type === 'LIST' ? !Array.isArray(v) : typeof v !== 'object' || v === null || Array.isArray(v))
          bad();
        return v;
      } catch {
        return bad();
      }
    }
  }
}
