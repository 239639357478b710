import type { ArtifactDef, InputParameterDef, LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import type { JsonValue } from '@ctpipe/ir';
import { isVisibleFrom, type TaskGroup } from '../group.js';
import { ArtifactRef, ParameterRef } from '../refs.js';
import { describeValue, literalProblem } from './literal.js';
import type { PipelineScope } from './scope.js';

/** A parameter input of a task: a constant or a ref resolved at run time. */
export type ParameterArgument = JsonValue | ParameterRef;

export interface TaskInputs {
  readonly parameters: Readonly<Record<string, ParameterArgument>>;
  readonly artifacts: Readonly<Record<string, ArtifactRef>>;
}

export interface RawTaskArgs {
  parameters?: Record<string, unknown>;
  artifacts?: Record<string, unknown>;
}

interface BindContext {
  task: string;
  component: LoadedComponent;
  scope: PipelineScope;
  group: TaskGroup;
}

/** Checks a task's arguments against its component's definition (KFP does the same when a task is created). */
export function bindInputs(ctx: BindContext, args: RawTaskArgs): TaskInputs {
  const declaredParams = ctx.component.definition.inputs.parameters ?? {};
  const declaredArtifacts = ctx.component.definition.inputs.artifacts ?? {};
  const parameters: Record<string, ParameterArgument> = {};
  const artifacts: Record<string, ArtifactRef> = {};

  for (const [name, value] of Object.entries(args.parameters ?? {})) {
    if (value === undefined) continue;
    const def = declaredParams[name];
    if (!def)
      throw unknownInput(ctx, name, 'parameter', Object.keys(declaredParams), name in declaredArtifacts);
    parameters[name] = bindParameter(ctx, name, def, value);
  }
  for (const [name, value] of Object.entries(args.artifacts ?? {})) {
    if (value === undefined) continue;
    const def = declaredArtifacts[name];
    if (!def)
      throw unknownInput(ctx, name, 'artifact', Object.keys(declaredArtifacts), name in declaredParams);
    artifacts[name] = bindArtifact(ctx, name, def, value);
  }
  for (const [name, def] of Object.entries(declaredParams)) {
    if (!(name in parameters) && def.default === undefined && !def.optional) {
      throw badInput(ctx, name, `a value for required parameter input '${name}'`, 'nothing');
    }
  }
  for (const [name, def] of Object.entries(declaredArtifacts)) {
    if (!(name in artifacts) && !def.optional) {
      throw badInput(ctx, name, `an artifact for required input '${name}'`, 'nothing');
    }
  }
  return { parameters, artifacts };
}

function bindParameter(
  ctx: BindContext,
  name: string,
  def: InputParameterDef,
  value: unknown,
): ParameterArgument {
  if (value instanceof ParameterRef) {
    checkRefOrigin(
      ctx,
      name,
      value.scope,
      value.source.kind === 'taskOutput' ? value.source.task.group : undefined,
    );
    if (value.parameterType !== def.type) {
      throw badInput(
        ctx,
        name,
        `a ${def.type} parameter`,
        `${value.describe()} of type ${value.parameterType}`,
      );
    }
    return value;
  }
  const problem = literalProblem(def.type, value);
  if (problem) throw badInput(ctx, name, `${problem} (input type ${def.type})`, describeValue(value));
  return value as JsonValue;
}

function bindArtifact(ctx: BindContext, name: string, def: ArtifactDef, value: unknown): ArtifactRef {
  if (!(value instanceof ArtifactRef)) {
    throw badInput(ctx, name, `an artifact output of a task (${def.type})`, describeValue(value));
  }
  checkRefOrigin(ctx, name, value.scope, value.task.group);
  const compatible =
    value.artifactType === def.type ||
    value.artifactType === 'system.Artifact' ||
    def.type === 'system.Artifact';
  if (!compatible)
    throw badInput(ctx, name, `a ${def.type} artifact`, `${value.describe()} (${value.artifactType})`);
  // A resolver may find nothing; the input it feeds must be one the component can do without.
  if (value.mayBeAbsent && !def.optional) {
    throw badInput(
      ctx,
      name,
      'an artifact that is always there: the input is required',
      `${value.describe()}, a resolver output that may find nothing`,
    );
  }
  return value;
}

function checkRefOrigin(
  ctx: BindContext,
  name: string,
  scope: PipelineScope,
  producer: TaskGroup | undefined,
): void {
  if (scope !== ctx.scope) {
    throw badInput(
      ctx,
      name,
      `a ref from pipeline '${ctx.scope.pipelineName}'`,
      `one from '${scope.pipelineName}'`,
    );
  }
  // KFP refuses this too: outside a condition, its tasks may not have run.
  if (producer && !isVisibleFrom(producer, ctx.group)) {
    throw badInput(
      ctx,
      name,
      'an output of a task in this group or an enclosing one',
      `an output from inside ${producer.name}`,
    );
  }
}

function unknownInput(
  ctx: BindContext,
  name: string,
  kind: 'parameter' | 'artifact',
  declared: string[],
  isOtherKind: boolean,
): CtpipeError {
  const other = kind === 'parameter' ? 'artifacts' : 'parameters';
  const expected = isOtherKind
    ? `'${name}' under ${other}: it is an ${kind === 'parameter' ? 'artifact' : 'parameter'} input`
    : `one of the ${kind} inputs: ${declared.join(', ') || 'none'}`;
  return badInput(ctx, name, expected, `unknown ${kind} input '${name}'`);
}

function badInput(ctx: BindContext, input: string, expected: string, found: string): CtpipeError {
  return new CtpipeError(
    'BAD_CONFIG',
    `Task '${ctx.task}' (component '${ctx.component.definition.name}'), input '${input}': expected ${expected}, found ${found}`,
    { details: { task: ctx.task, component: ctx.component.definition.name, input, expected, found } },
  );
}
