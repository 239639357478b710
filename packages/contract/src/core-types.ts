import type { ArtifactTypeSchema, JsonObject } from '@ctpipe/ir';
import type { ComponentDefinition, ParameterKind, ValueOfKind } from './definition.js';

export interface InputArtifact {
  name?: string;
  type: ArtifactTypeSchema;
  uri: string;
  /** Local path of the uri (gs://b/k → /gcs/b/k): read files from here. */
  path: string;
  metadata: JsonObject;
}

export interface OutputArtifact {
  uri: string;
  type: ArtifactTypeSchema;
  /**
   * A private staging directory: the core writes its files here, the runtime publishes them to the uri's
   * path only after the core succeeds, so a crash never leaves a half-written artifact at the final place.
   */
  path: string;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Long work: `done` of `total` units (rows, epochs, trials). TTY: a live line; otherwise JSON lines. */
  progress(step: string, done: number, total?: number, unit?: string): void;
}

export interface CoreContext {
  log: Logger;
  now(): Date;
  /** Seeded by the runtime; a core never calls Math.random directly so tests can pin it. */
  random(): number;
}

type Params<P> = P extends Record<string, { type: ParameterKind }> ? P : Record<never, never>;

type InputParamValue<D> = D extends { type: infer K extends ParameterKind; default: unknown }
  ? ValueOfKind<K>
  : D extends { type: infer K extends ParameterKind; optional: true }
    ? ValueOfKind<K> | undefined
    : D extends { type: infer K extends ParameterKind }
      ? ValueOfKind<K>
      : never;

type OutputParamValue<D> = D extends { type: infer K extends ParameterKind } ? ValueOfKind<K> : never;

export type CoreInputs<D extends ComponentDefinition> = {
  parameters: {
    [K in keyof Params<D['inputs']['parameters']>]: InputParamValue<Params<D['inputs']['parameters']>[K]>;
  };
  artifacts: {
    [K in keyof NonNullable<D['inputs']['artifacts']>]: NonNullable<D['inputs']['artifacts']>[K] extends {
      optional: true;
    }
      ? InputArtifact | undefined
      : InputArtifact;
  };
  outputs: { [K in keyof NonNullable<D['outputs']['artifacts']>]: OutputArtifact };
};

export type CoreResult<D extends ComponentDefinition> = {
  parameters: {
    [K in keyof Params<D['outputs']['parameters']>]: OutputParamValue<Params<D['outputs']['parameters']>[K]>;
  };
  /** Metadata recorded on each output artifact (row counts, span, framework…). */
  metadata: { [K in keyof NonNullable<D['outputs']['artifacts']>]?: JsonObject };
};

export type ComponentCore<D extends ComponentDefinition> = (
  inputs: CoreInputs<D>,
  ctx: CoreContext,
) => Promise<CoreResult<D>>;

/** Resolves some input parameters before the cache lookup; may only return names in `resolvesBeforeCache`. */
export type PreCacheCheck<D extends ComponentDefinition> = (
  parameters: CoreInputs<D>['parameters'],
  ctx: CoreContext,
) => Promise<Partial<CoreInputs<D>['parameters']>>;
