import type { ComponentDefinition, ParameterKind, ValueOfKind } from '@ctpipe/contract';
import type { ArtifactRef, ParameterRef } from './refs.js';

type Empty = Record<never, never>;

/**
 * Compile-time shapes of `builder.task(component, args)`: derived from the component's typed definition so
 * a missing required input, an unknown input name or a value of the wrong kind is a TypeScript error.
 * The same rules are checked again at run time for components typed only as `ComponentDefinition`.
 */

type Section<S, Key extends 'parameters' | 'artifacts'> = S extends { [P in Key]?: infer T }
  ? NonNullable<T>
  : Empty;

type IsOptional<I> = I extends { default: unknown } ? true : I extends { optional: true } ? true : false;
type RequiredKeys<T> = { [K in keyof T]-?: IsOptional<T[K]> extends true ? never : K }[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;

type ParameterArg<I> = I extends { type: infer K extends ParameterKind }
  ? ValueOfKind<K> | ParameterRef<K>
  : never;
/**
 * `system.Artifact` matches any artifact type, both ways, as in KFP's type check. A required input takes only
 * refs that always hold an artifact; a resolver's output (which may find nothing) fits optional inputs only.
 */
type ArtifactArg<I, MayBeAbsent extends boolean> = I extends { type: infer T extends string }
  ? T extends 'system.Artifact'
    ? ArtifactRef<string, MayBeAbsent>
    : ArtifactRef<T | 'system.Artifact', MayBeAbsent>
  : never;

type ParameterArgs<P> = { [K in RequiredKeys<P>]: ParameterArg<P[K]> } & {
  [K in OptionalKeys<P>]?: ParameterArg<P[K]>;
};
type ArtifactArgs<A> = { [K in RequiredKeys<A>]: ArtifactArg<A[K], false> } & {
  [K in OptionalKeys<A>]?: ArtifactArg<A[K], boolean>;
};

type ParametersField<P> =
  Empty extends ParameterArgs<P> ? { parameters?: ParameterArgs<P> } : { parameters: ParameterArgs<P> };
type ArtifactsField<A> =
  Empty extends ArtifactArgs<A> ? { artifacts?: ArtifactArgs<A> } : { artifacts: ArtifactArgs<A> };

/** The second argument of `builder.task()`. */
export type TaskArgs<D extends ComponentDefinition> = {
  /** The task's key in the DAG (k8s-safe); default: the component name, `-2`, `-3` … when taken. */
  name?: string;
} & ParametersField<Section<D['inputs'], 'parameters'>> &
  ArtifactsField<Section<D['inputs'], 'artifacts'>>;

/** `builder.task()`'s arguments: the second may be left out when the component needs no input. */
export type TaskArgsTuple<D extends ComponentDefinition> =
  Empty extends TaskArgs<D> ? [args?: TaskArgs<D>] : [args: TaskArgs<D>];

type OutputParameters<P> = {
  readonly [K in keyof P]: P[K] extends { type: infer T extends ParameterKind } ? ParameterRef<T> : never;
};
type OutputArtifacts<A> = {
  readonly [K in keyof A]: A[K] extends { type: infer T extends string } ? ArtifactRef<T, false> : never;
};

/** `task.outputs`: a ref per declared output, typed by the component's definition. */
export interface TaskOutputs<D extends ComponentDefinition> {
  readonly parameters: OutputParameters<Section<D['outputs'], 'parameters'>>;
  readonly artifacts: OutputArtifacts<Section<D['outputs'], 'artifacts'>>;
}
