import type { Artifact, Execution } from './entities.js';

export interface LineageOptions {
  /** How many executions to follow in each direction from the root artifact (default 10). */
  depth?: number;
}

/** Upstream: the execution that produced an artifact and, recursively, what it read. */
export interface ProducerStep {
  execution: Execution;
  inputs: UpstreamArtifact[];
}

export interface UpstreamArtifact {
  key: string;
  index: number;
  artifact: Artifact;
  /** null when the artifact was imported rather than produced, or when `truncated`. */
  producer: ProducerStep | null;
  /** The depth limit stopped the walk here although the artifact has a producer. */
  truncated: boolean;
}

/** Downstream: an execution that read an artifact and, recursively, what its outputs fed. */
export interface ConsumerStep {
  execution: Execution;
  outputs: DownstreamArtifact[];
}

export interface DownstreamArtifact {
  key: string;
  index: number;
  artifact: Artifact;
  consumers: ConsumerStep[];
  truncated: boolean;
}

/**
 * The lineage tree around one artifact. Cache hits do not produce anything, so CACHED executions are
 * neither producers nor consumers in the tree; they are listed in `reusedBy` of the root.
 */
export interface Lineage {
  artifact: Artifact;
  producer: ProducerStep | null;
  consumers: ConsumerStep[];
  reusedBy: Execution[];
  truncated: { upstream: boolean; downstream: boolean };
}
