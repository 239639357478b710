import { CtpipeError } from '@ctpipe/errors';
import type { ExecutorInput, JsonValue, RuntimeArtifact } from '@ctpipe/ir';
import type { ComponentDefinition, ParameterKind } from './definition.js';

/** What a component receives, checked against its definition; everything still in contract terms. */
export interface ResolvedExecutorInput {
  parameters: Record<string, JsonValue | undefined>;
  inputArtifacts: Record<string, RuntimeArtifact | undefined>;
  outputArtifacts: Record<string, RuntimeArtifact>;
  outputFile: string;
}

const fail = (message: string, path: string): never => {
  throw new CtpipeError('CONTRACT', `ExecutorInput: ${message}`, { details: { path } });
};

export function parseExecutorInput(text: string, definition: ComponentDefinition): ResolvedExecutorInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CtpipeError('CONTRACT', `ExecutorInput is not JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!isObject(raw)) return fail('expected a JSON object', '$');
  const input = raw as ExecutorInput;
  const outputFile = input.outputs?.outputFile;
  if (typeof outputFile !== 'string' || outputFile === '')
    return fail('outputs.outputFile is required', '$.outputs');

  const parameters: Record<string, JsonValue | undefined> = {};
  const given = input.inputs?.parameterValues ?? {};
  for (const [name, def] of Object.entries(definition.inputs.parameters ?? {})) {
    const value = given[name] ?? def.default;
    if (value === undefined) {
      if (def.optional) continue;
      fail(`missing input parameter '${name}' (${def.type})`, `$.inputs.parameterValues.${name}`);
    }
    parameters[name] = coerceParameter(value as JsonValue, def.type, `$.inputs.parameterValues.${name}`);
  }

  const inputArtifacts: Record<string, RuntimeArtifact | undefined> = {};
  for (const [name, def] of Object.entries(definition.inputs.artifacts ?? {})) {
    const artifact = input.inputs?.artifacts?.[name]?.artifacts?.[0];
    if (!artifact) {
      if (def.optional) continue;
      fail(`missing input artifact '${name}' (${def.type})`, `$.inputs.artifacts.${name}`);
    }
    inputArtifacts[name] = checkArtifact(artifact as RuntimeArtifact, `$.inputs.artifacts.${name}`);
  }

  const outputArtifacts: Record<string, RuntimeArtifact> = {};
  for (const name of Object.keys(definition.outputs.artifacts ?? {})) {
    const artifact = input.outputs?.artifacts?.[name]?.artifacts?.[0];
    if (!artifact) return fail(`missing output artifact '${name}'`, `$.outputs.artifacts.${name}`);
    outputArtifacts[name] = checkArtifact(artifact, `$.outputs.artifacts.${name}`);
  }
  return { parameters, inputArtifacts, outputArtifacts, outputFile };
}

function checkArtifact(artifact: RuntimeArtifact, path: string): RuntimeArtifact {
  if (!isObject(artifact) || typeof artifact.uri !== 'string' || artifact.uri === '') {
    return fail('artifact needs a non-empty uri', path);
  }
  return artifact;
}

/**
 * Launchers differ in how they hand over values (Vertex sends integers as doubles, KFP's v1 path sends
 * strings): accept every lossless form, reject the rest with the path of the offending value.
 */
export function coerceParameter(value: JsonValue, kind: ParameterKind, path: string): JsonValue {
  switch (kind) {
    case 'STRING':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      break;
    case 'NUMBER_INTEGER': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n === 'number' && Number.isInteger(n)) return n;
      break;
    }
    case 'NUMBER_DOUBLE': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n === 'number' && !Number.isNaN(n)) return n;
      break;
    }
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      break;
    case 'LIST':
      if (Array.isArray(value)) return value;
      if (typeof value === 'string') return coerceParameter(parseJson(value, path), kind, path);
      break;
    case 'STRUCT':
      if (isObject(value)) return value;
      if (typeof value === 'string') return coerceParameter(parseJson(value, path), kind, path);
      break;
  }
  return fail(`expected ${kind}, got ${JSON.stringify(value)}`, path);
}

function parseJson(text: string, path: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return fail(`expected JSON, got ${JSON.stringify(text)}`, path);
  }
}

function isObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
