import type { JsonObject, JsonValue, SystemArtifactTitle } from '@ctpipe/ir';

/**
 * A component's typed interface (TFX's ComponentSpec): what spec.ts declares and component.yaml must agree with.
 * The implementation (image, command, args) lives in component.yaml, because CI/CD rewrites the image there.
 */

export type ParameterKind = 'STRING' | 'NUMBER_INTEGER' | 'NUMBER_DOUBLE' | 'BOOLEAN' | 'LIST' | 'STRUCT';

export type ValueOfKind<K extends ParameterKind> = K extends 'STRING'
  ? string
  : K extends 'NUMBER_INTEGER' | 'NUMBER_DOUBLE'
    ? number
    : K extends 'BOOLEAN'
      ? boolean
      : K extends 'LIST'
        ? JsonValue[]
        : JsonObject;

export interface InputParameterDef<K extends ParameterKind = ParameterKind> {
  type: K;
  description: string;
  /** A default makes the input optional (KFP writes isOptional: true with defaultValue). */
  default?: ValueOfKind<K>;
  /** Optional without a default: the core receives undefined. */
  optional?: boolean;
}

export interface OutputParameterDef<K extends ParameterKind = ParameterKind> {
  type: K;
  description: string;
}

export interface ArtifactDef {
  type: SystemArtifactTitle;
  description: string;
  optional?: boolean;
}

export interface ComponentDefinition {
  /** The verb: folder, package, component.yaml name, image name, `comp-<name>`. */
  name: string;
  description: string;
  inputs: {
    parameters?: Record<string, InputParameterDef>;
    artifacts?: Record<string, ArtifactDef>;
  };
  outputs: {
    parameters?: Record<string, OutputParameterDef>;
    artifacts?: Record<string, ArtifactDef>;
  };
  /**
   * Input parameters the component resolves itself before the cache lookup (TFX's ExampleGen driver: the latest
   * span, an input fingerprint). Compiled to the container's `lifecycle.preCacheCheck`; the launcher runs it
   * first and merges what it returns into the task's inputs, so new data is a cache miss.
   */
  resolvesBeforeCache?: readonly string[];
}

/** The container half of a component, from component.yaml. */
export interface ContainerImplementation {
  image: string;
  command: string[];
  /** Strings and KFP v1 placeholders as written in component.yaml. */
  args: ContainerArg[];
  env?: Record<string, string>;
}

export type ContainerArg =
  | string
  | { executorInput: null }
  | { inputValue: string }
  | { inputPath: string }
  | { inputUri: string }
  | { outputPath: string }
  | { outputUri: string };

/** A component as a pipeline uses it: typed interface + implementation loaded from component.yaml. */
export interface LoadedComponent<D extends ComponentDefinition = ComponentDefinition> {
  definition: D;
  implementation: ContainerImplementation;
  /** Where it was loaded from, for error messages. */
  source: string;
}

export function defineComponent<const D extends ComponentDefinition>(definition: D): D {
  return definition;
}
