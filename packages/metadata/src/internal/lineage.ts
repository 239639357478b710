import { CtpipeError } from '@ctpipe/errors';
import type { Artifact, ArtifactRef, Execution } from '../entities.js';
import type {
  ConsumerStep,
  DownstreamArtifact,
  Lineage,
  LineageOptions,
  ProducerStep,
  UpstreamArtifact,
} from '../lineage-types.js';
import type { EventType } from '../states.js';
import { requireArtifact, resolveArtifactId } from './artifacts.js';
import type { Db } from './db.js';
import { requireExecution } from './execution-read.js';

export const DEFAULT_LINEAGE_DEPTH = 10;

/**
 * Executions with an event of `type` on the artifact. `cached` picks CACHED executions only or
 * excludes them: a cache hit re-points at artifacts it did not make, so it is no producer.
 */
function executionsOf(db: Db, artifactId: number, type: EventType, cached: boolean): number[] {
  return db
    .all<{ id: number }>(
      `SELECT DISTINCT e.id FROM event ev JOIN execution e ON e.id = ev.execution_id
       WHERE ev.artifact_id = ? AND ev.type = ? AND (e.state = 'CACHED') = ? ORDER BY e.id`,
      artifactId,
      type,
      cached ? 1 : 0,
    )
    .map((r) => r.id);
}

function memo<T>(cache: Map<number, T>, id: number, load: () => T): T {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const loaded = load();
  cache.set(id, loaded);
  return loaded;
}

/** Walks the event graph from one artifact; reads are memoized since diamonds revisit nodes. */
class LineageWalker {
  private readonly executions = new Map<number, Execution>();
  private readonly artifacts = new Map<number, Artifact>();

  constructor(private readonly db: Db) {}

  execution(id: number): Execution {
    return memo(this.executions, id, () => requireExecution(this.db, id));
  }

  artifact(id: number): Artifact {
    return memo(this.artifacts, id, () => requireArtifact(this.db, id));
  }

  producerOf(artifactId: number): number | undefined {
    return executionsOf(this.db, artifactId, 'OUTPUT', false)[0];
  }

  consumersOf(artifactId: number): number[] {
    return executionsOf(this.db, artifactId, 'INPUT', false);
  }

  upstream(executionId: number, depth: number): ProducerStep {
    const execution = this.execution(executionId);
    const inputs = execution.inputs.map((ref: ArtifactRef): UpstreamArtifact => {
      const producer = this.producerOf(ref.artifactId);
      const expand = producer !== undefined && depth > 1;
      return {
        key: ref.key,
        index: ref.index,
        artifact: this.artifact(ref.artifactId),
        producer: expand ? this.upstream(producer, depth - 1) : null,
        truncated: producer !== undefined && !expand,
      };
    });
    return { execution, inputs };
  }

  downstream(executionId: number, depth: number): ConsumerStep {
    const execution = this.execution(executionId);
    const outputs = execution.outputs.map((ref: ArtifactRef): DownstreamArtifact => {
      const consumers = this.consumersOf(ref.artifactId);
      const expand = depth > 1;
      return {
        key: ref.key,
        index: ref.index,
        artifact: this.artifact(ref.artifactId),
        consumers: expand ? consumers.map((id) => this.downstream(id, depth - 1)) : [],
        truncated: consumers.length > 0 && !expand,
      };
    });
    return { execution, outputs };
  }
}

export function lineage(db: Db, idOrUri: number | string, options: LineageOptions = {}): Lineage {
  const depth = options.depth ?? DEFAULT_LINEAGE_DEPTH;
  if (!Number.isInteger(depth) || depth < 0) {
    throw new CtpipeError('BAD_INPUT', `lineage depth must be a non-negative integer`, {
      details: { expected: '0, 1, 2, …', found: String(depth) },
    });
  }
  return db.read(() => {
    const id = resolveArtifactId(db, idOrUri);
    if (id === undefined) {
      throw new CtpipeError('NOT_FOUND', `no artifact ${idOrUri} in the metadata store`, {
        details: { found: String(idOrUri) },
      });
    }
    const walker = new LineageWalker(db);
    const producer = walker.producerOf(id);
    const consumers = walker.consumersOf(id);
    return {
      artifact: walker.artifact(id),
      producer: producer !== undefined && depth > 0 ? walker.upstream(producer, depth) : null,
      consumers: depth > 0 ? consumers.map((c) => walker.downstream(c, depth)) : [],
      reusedBy: executionsOf(db, id, 'OUTPUT', true).map((e) => walker.execution(e)),
      truncated: {
        upstream: depth === 0 && producer !== undefined,
        downstream: depth === 0 && consumers.length > 0,
      },
    };
  });
}
