import { CtpipeError } from '@ctpipe/errors';
import type { JsonValue } from '@ctpipe/ir';
import { parse, stringify } from 'yaml';
import type {
  ArtifactDef,
  ComponentDefinition,
  ContainerArg,
  ContainerImplementation,
  InputParameterDef,
  OutputParameterDef,
} from './definition.js';
import { fromV1Type, toV1ArtifactType, toV1ParameterType } from './v1-types.js';

/** A component.yaml as read: its interface in ctpipe terms plus the container implementation. */
export interface ParsedComponentYaml {
  definition: ComponentDefinition;
  implementation: ContainerImplementation;
}

interface V1Io {
  name: string;
  type?: string;
  description?: string;
  default?: JsonValue;
  optional?: boolean;
}

/**
 * Reads the KFP v1 component format, which the KFP v2 SDK's load_component_from_file also accepts.
 * Defaults are stored as YAML values of their type; strings holding JSON are accepted for STRUCT/LIST.
 */
export function parseComponentYaml(text: string, source: string): ParsedComponentYaml {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new CtpipeError('BAD_CONFIG', `component.yaml is not valid YAML: ${(err as Error).message}`, {
      details: { file: source },
      cause: err,
    });
  }
  const bad = (message: string): never => {
    throw new CtpipeError('BAD_CONFIG', `component.yaml: ${message}`, { details: { file: source } });
  };
  if (!isRecord(doc)) return bad('expected a mapping at the top level');
  if (typeof doc.name !== 'string') return bad("'name' is required");
  const container = isRecord(doc.implementation) ? doc.implementation.container : undefined;
  if (!isRecord(container) || typeof container.image !== 'string') {
    return bad("'implementation.container.image' is required");
  }

  const definition: ComponentDefinition = {
    name: doc.name,
    description: typeof doc.description === 'string' ? doc.description.trim() : '',
    inputs: { parameters: {}, artifacts: {} },
    outputs: { parameters: {}, artifacts: {} },
  };
  for (const io of listOf(doc.inputs, 'inputs', bad)) {
    const t = fromV1Type(io.type);
    if (t.kind === 'parameter') {
      const def: InputParameterDef = { type: t.type, description: io.description ?? '' };
      if (io.default !== undefined) def.default = io.default as never;
      if (io.optional) def.optional = true;
      definition.inputs.parameters![io.name] = def;
    } else {
      const def: ArtifactDef = { type: t.type, description: io.description ?? '' };
      if (io.optional) def.optional = true;
      definition.inputs.artifacts![io.name] = def;
    }
  }
  for (const io of listOf(doc.outputs, 'outputs', bad)) {
    const t = fromV1Type(io.type);
    if (t.kind === 'parameter') {
      definition.outputs.parameters![io.name] = { type: t.type, description: io.description ?? '' };
    } else {
      definition.outputs.artifacts![io.name] = { type: t.type, description: io.description ?? '' };
    }
  }
  const implementation: ContainerImplementation = {
    image: container.image,
    command: stringList(container.command, 'command', bad),
    args: Array.isArray(container.args) ? (container.args as ContainerArg[]) : [],
  };
  if (isRecord(container.env)) implementation.env = container.env as Record<string, string>;
  return { definition, implementation };
}

export function renderComponentYaml(
  definition: ComponentDefinition,
  implementation: ContainerImplementation,
): string {
  const inputs = [
    ...Object.entries(definition.inputs.parameters ?? {}).map(([name, p]) => ({
      name,
      type: toV1ParameterType(p.type),
      description: p.description,
      ...(p.default !== undefined ? { default: p.default } : {}),
      ...(p.optional ? { optional: true } : {}),
    })),
    ...Object.entries(definition.inputs.artifacts ?? {}).map(([name, a]) => ({
      name,
      type: toV1ArtifactType(a.type),
      description: a.description,
      ...(a.optional ? { optional: true } : {}),
    })),
  ];
  const outputs = [
    ...Object.entries(definition.outputs.parameters ?? {}).map(([name, p]) => ({
      name,
      type: toV1ParameterType(p.type),
      description: p.description,
    })),
    ...Object.entries(definition.outputs.artifacts ?? {}).map(([name, a]) => ({
      name,
      type: toV1ArtifactType(a.type),
      description: a.description,
    })),
  ];
  const doc = {
    name: definition.name,
    description: definition.description,
    inputs,
    outputs,
    implementation: { container: { ...implementation } },
  };
  return stringify(doc, { lineWidth: 0 });
}

/** Every way the typed spec and component.yaml disagree, one readable line each; empty when they agree. */
export function diffDefinitions(spec: ComponentDefinition, yaml: ComponentDefinition): string[] {
  const diffs: string[] = [];
  if (spec.name !== yaml.name)
    diffs.push(`name: spec.ts says '${spec.name}', component.yaml says '${yaml.name}'`);
  const compare = <T extends InputParameterDef | OutputParameterDef | ArtifactDef>(
    where: string,
    a: Record<string, T> | undefined,
    b: Record<string, T> | undefined,
  ) => {
    const left = a ?? {};
    const right = b ?? {};
    for (const name of Object.keys(left)) {
      if (!(name in right)) diffs.push(`${where}.${name}: in spec.ts, missing from component.yaml`);
    }
    for (const [name, r] of Object.entries(right)) {
      const l = left[name];
      if (!l) {
        diffs.push(`${where}.${name}: in component.yaml, missing from spec.ts`);
        continue;
      }
      if (l.type !== r.type)
        diffs.push(`${where}.${name}: type ${l.type} in spec.ts, ${r.type} in component.yaml`);
      const ld = (l as InputParameterDef).default;
      const rd = (r as InputParameterDef).default;
      if (JSON.stringify(ld) !== JSON.stringify(rd)) {
        diffs.push(
          `${where}.${name}: default ${JSON.stringify(ld)} in spec.ts, ${JSON.stringify(rd)} in component.yaml`,
        );
      }
      if (Boolean((l as ArtifactDef).optional) !== Boolean((r as ArtifactDef).optional)) {
        diffs.push(`${where}.${name}: optional differs`);
      }
    }
  };
  compare('inputs.parameters', spec.inputs.parameters, yaml.inputs.parameters);
  compare('inputs.artifacts', spec.inputs.artifacts, yaml.inputs.artifacts);
  compare('outputs.parameters', spec.outputs.parameters, yaml.outputs.parameters);
  compare('outputs.artifacts', spec.outputs.artifacts, yaml.outputs.artifacts);
  return diffs;
}

function listOf(value: unknown, key: string, bad: (m: string) => never): V1Io[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return bad(`'${key}' must be a list`);
  return value.map((io, i) => {
    if (!isRecord(io) || typeof io.name !== 'string') return bad(`${key}[${i}] needs a name`);
    return io as unknown as V1Io;
  });
}

function stringList(value: unknown, key: string, bad: (m: string) => never): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    return bad(`'${key}' must be a list of strings`);
  return value;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
