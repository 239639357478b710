import { SYSTEM_ARTIFACT_TITLES, type SystemArtifactTitle } from '@ctpipe/ir';
import type { ParameterKind } from './definition.js';

/**
 * KFP v1 component.yaml type names and how the KFP v2 SDK maps them when it loads a v1 file
 * (kfp.md §10). Anything not a parameter type becomes an artifact.
 */
const PARAMETER_TYPES: Record<string, ParameterKind> = {
  String: 'STRING',
  Str: 'STRING',
  Text: 'STRING',
  Integer: 'NUMBER_INTEGER',
  Int: 'NUMBER_INTEGER',
  Float: 'NUMBER_DOUBLE',
  Double: 'NUMBER_DOUBLE',
  Bool: 'BOOLEAN',
  Boolean: 'BOOLEAN',
  Dict: 'STRUCT',
  JsonObject: 'STRUCT',
  List: 'LIST',
  JsonArray: 'LIST',
};

const WRITTEN_PARAMETER_TYPE: Record<ParameterKind, string> = {
  STRING: 'String',
  NUMBER_INTEGER: 'Integer',
  NUMBER_DOUBLE: 'Float',
  BOOLEAN: 'Boolean',
  STRUCT: 'JsonObject',
  LIST: 'JsonArray',
};

export type V1Type =
  | { kind: 'parameter'; type: ParameterKind }
  | { kind: 'artifact'; type: SystemArtifactTitle };

export function fromV1Type(name: string | undefined): V1Type {
  if (name !== undefined) {
    const parameter = PARAMETER_TYPES[name];
    if (parameter) return { kind: 'parameter', type: parameter };
    const title = `system.${name}`;
    if (SYSTEM_TITLES.has(title)) return { kind: 'artifact', type: title as SystemArtifactTitle };
  }
  return { kind: 'artifact', type: 'system.Artifact' };
}

export function toV1ParameterType(kind: ParameterKind): string {
  return WRITTEN_PARAMETER_TYPE[kind];
}

export function toV1ArtifactType(title: SystemArtifactTitle): string {
  return title.slice('system.'.length);
}

const SYSTEM_TITLES: ReadonlySet<string> = new Set(SYSTEM_ARTIFACT_TITLES);
