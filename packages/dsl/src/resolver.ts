import type { SystemArtifactTitle } from '@ctpipe/ir';
import type { TaskGroup } from './group.js';
import type { PipelineScope } from './internal/scope.js';
import { ArtifactRef } from './refs.js';

/** One output of a resolver: the artifact type it yields and the metadata query that finds it. */
export interface ResolverOutputDef<T extends SystemArtifactTitle = SystemArtifactTitle> {
  type: T;
  /**
   * KFP's ArtifactQuerySpec filter: `in_context("…")`, `artifact_type="…"`, `uri="…"`, `state=LIVE`,
   * `name="<output key>"` joined by `AND` (see `parseArtifactFilter` in @ctpipe/ir). Without `in_context`, the
   * query runs in the pipeline's context.
   */
  filter: string;
  /** The newest match only, as TFX's compiler allows: more would need list-typed inputs downstream. */
  limit?: 1;
  description?: string;
}

export interface ResolverOptions<O extends Record<string, ResolverOutputDef>> {
  /** The task's key in the DAG (k8s-safe, unique); `comp-<name>` / `exec-<name>` once compiled. */
  name: string;
  displayName?: string;
  outputs: O;
}

/** `resolver.outputs`: refs that may hold no artifact, so they fit only optional inputs. */
export interface ResolverOutputs<O> {
  readonly artifacts: {
    readonly [K in keyof O]: O[K] extends { type: infer T extends string } ? ArtifactRef<T, true> : never;
  };
}

/** A checked query, as the compiler reads it. */
export interface ResolverQuery {
  readonly type: SystemArtifactTitle;
  readonly filter: string;
  readonly description: string | undefined;
}

/**
 * A resolver node (TFX's Resolver with LatestArtifactStrategy): finds artifacts of earlier runs in the metadata
 * store — the previous span's statistics, the model in production — and outputs them. No inputs, no caching (a
 * cached resolver would never see newer artifacts), no container: it compiles to a ResolverSpec executor.
 */
export class ResolverTask<O extends Record<string, ResolverOutputDef> = Record<string, ResolverOutputDef>> {
  readonly kind = 'resolver';
  readonly outputs: ResolverOutputs<O>;
  /** @internal */
  readonly scope: PipelineScope;

  /** @internal Resolvers are made by `builder.resolver()`. */
  constructor(
    readonly name: string,
    readonly group: TaskGroup,
    readonly queries: Readonly<Record<string, ResolverQuery>>,
    readonly displayName: string | undefined,
    scope: PipelineScope,
  ) {
    this.scope = scope;
    const artifacts = Object.entries(queries).map(([output, query]) => [
      output,
      new ArtifactRef(query.type, this, output, scope, true),
    ]);
    // The mapped type of ResolverOutputs<O> is exactly these entries; TS cannot follow Object.entries.
    this.outputs = { artifacts: Object.freeze(Object.fromEntries(artifacts)) } as ResolverOutputs<O>;
  }
}
