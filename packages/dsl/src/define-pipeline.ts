import type { ParameterKind, ValueOfKind } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { PipelineBuilder } from './builder.js';
import type { TaskGroup } from './group.js';
import { describeValue, literalProblem } from './internal/literal.js';
import { MutableGroup } from './internal/mutable-group.js';
import { PipelineScope } from './internal/scope.js';
import { PIPELINE_NAME } from './names.js';
import type { PipelineNode } from './pipeline-node.js';
import { ParameterRef } from './refs.js';

/** A pipeline parameter (the root component's input); a default makes it optional at submission. */
export interface PipelineParameterDef<K extends ParameterKind = ParameterKind> {
  type: K;
  default?: ValueOfKind<K>;
  description?: string;
}

export interface PipelineOptions<P extends Record<string, PipelineParameterDef>> {
  /** `^[a-z0-9][a-z0-9-]{0,127}$`, as KFP requires. */
  name: string;
  displayName?: string;
  description?: string;
  /** Written as `defaultPipelineRoot` (e.g. gs://bucket/root) unless the compiler is given another. */
  pipelineRoot?: string;
  parameters?: P;
}

/** The refs a pipeline body receives for its parameters. */
export type PipelineParams<P> = {
  readonly [K in keyof P]: P[K] extends { type: infer T extends ParameterKind } ? ParameterRef<T> : never;
};

/** A finished pipeline definition: what the compiler turns into a PipelineSpec. Immutable once returned. */
export interface Pipeline {
  readonly name: string;
  readonly displayName: string | undefined;
  readonly description: string | undefined;
  readonly pipelineRoot: string | undefined;
  readonly parameters: Readonly<Record<string, PipelineParameterDef>>;
  readonly root: TaskGroup;
  /** Every task and resolver, in the order it was added, whatever its group. */
  readonly tasks: readonly PipelineNode[];
}

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KINDS: ReadonlySet<string> = new Set([
  'STRING',
  'NUMBER_INTEGER',
  'NUMBER_DOUBLE',
  'BOOLEAN',
  'LIST',
  'STRUCT',
]);

/**
 * Defines a pipeline: `body` receives the builder of the root DAG and a ref per pipeline parameter, and
 * wires tasks. The body runs once, synchronously; the returned pipeline can no longer be changed.
 */
export function definePipeline<const P extends Record<string, PipelineParameterDef> = Record<never, never>>(
  options: PipelineOptions<P>,
  body: (b: PipelineBuilder, params: PipelineParams<P>) => void,
): Pipeline {
  if (!PIPELINE_NAME.test(options.name)) {
    throw bad(options.name, 'a pipeline name matching ^[a-z0-9][a-z0-9-]{0,127}$', options.name);
  }
  const scope = new PipelineScope(options.name);
  const parameters: Record<string, PipelineParameterDef> = {};
  const refs: Record<string, ParameterRef> = {};
  for (const [name, def] of Object.entries(options.parameters ?? {})) {
    checkParameter(options.name, name, def);
    parameters[name] = { ...def };
    refs[name] = new ParameterRef(def.type, { kind: 'pipelineParameter', name }, scope);
  }
  const root = new MutableGroup('root', options.name, undefined, undefined, undefined);
  const tasks: PipelineNode[] = [];
  const result: unknown = body(new PipelineBuilder(scope, root, tasks), refs as PipelineParams<P>);
  if (result instanceof Promise) {
    throw bad(options.name, 'a synchronous pipeline body', 'a Promise (tasks added later would be lost)');
  }
  scope.seal();
  if (tasks.length === 0) throw bad(options.name, 'at least one task', 'none');
  return Object.freeze({
    name: options.name,
    displayName: options.displayName,
    description: options.description,
    pipelineRoot: options.pipelineRoot,
    parameters: Object.freeze(parameters),
    root,
    tasks: Object.freeze(tasks),
  });
}

function checkParameter(pipeline: string, name: string, def: PipelineParameterDef): void {
  if (!PARAMETER_NAME.test(name))
    throw bad(pipeline, 'parameter names matching [A-Za-z_][A-Za-z0-9_]*', name);
  if (!KINDS.has(def.type)) throw bad(pipeline, `parameter '${name}' of a known type`, String(def.type));
  if (def.default === undefined) return;
  const problem = literalProblem(def.type, def.default);
  if (problem) throw bad(pipeline, `parameter '${name}' default: ${problem}`, describeValue(def.default));
}

function bad(pipeline: string, expected: string, found: string): CtpipeError {
  return new CtpipeError('BAD_CONFIG', `Pipeline '${pipeline}': expected ${expected}, found ${found}`, {
    details: { pipeline, expected, found },
  });
}
