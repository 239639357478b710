import { CtpipeError } from '@ctpipe/errors';
import type { CachedExecution, Execution } from '../entities.js';
import type { RecordCachedExecutionInput } from '../inputs.js';
import { requireArtifact } from './artifacts.js';
import { attribute } from './contexts.js';
import type { Db } from './db.js';
import { insertEvent } from './events.js';
import { requireExecution } from './execution-read.js';
import { insertExecution, insertSignatureEvents } from './executions.js';
import { requireRunningRun } from './run-context.js';

function withArtifacts(db: Db, execution: Execution): CachedExecution {
  return {
    execution,
    outputArtifacts: execution.outputs.map((ref) => ({
      key: ref.key,
      index: ref.index,
      artifact: requireArtifact(db, ref.artifactId),
    })),
    outputParameters: execution.outputParameters,
  };
}

/**
 * Only COMPLETE executions are cache sources (a CACHED one produced nothing itself), and only while
 * every output is still LIVE: a deleted or abandoned artifact cannot be handed to a downstream task.
 */
export function findCachedExecution(db: Db, cacheKey: string): CachedExecution | null {
  return db.read(() => {
    const row = db.get<{ id: number }>(
      `SELECT e.id FROM execution e
       JOIN execution_property p ON p.execution_id = e.id AND p.name = 'cache_key' AND p.is_custom = 0
       WHERE p.string_value = ? AND e.state = 'COMPLETE'
         AND NOT EXISTS (
           SELECT 1 FROM event ev JOIN artifact a ON a.id = ev.artifact_id
           WHERE ev.execution_id = e.id AND ev.type = 'OUTPUT' AND a.state <> 'LIVE')
       ORDER BY e.update_time DESC, e.id DESC LIMIT 1`,
      cacheKey,
    );
    return row ? withArtifacts(db, requireExecution(db, row.id)) : null;
  });
}

function conflict(message: string, expected: string, found: string): CtpipeError {
  return new CtpipeError('CONFLICT', message, { details: { expected, found } });
}

/** Re-checks the source inside the write, so a deletion between lookup and reuse is caught. */
export function recordCachedExecution(db: Db, input: RecordCachedExecutionInput): Execution {
  return db.write(() => {
    const contexts = requireRunningRun(db, input.runId);
    const source = requireExecution(db, input.reusedFrom);
    if (source.state !== 'COMPLETE') {
      throw conflict(
        `execution ${source.id} is ${source.state} and cannot be reused`,
        'COMPLETE',
        source.state,
      );
    }
    if (source.cacheKey !== input.cacheKey) {
      throw conflict(
        `execution ${source.id} has a different cache key`,
        input.cacheKey,
        String(source.cacheKey),
      );
    }
    const outputs = withArtifacts(db, source).outputArtifacts;
    const gone = outputs.find((o) => o.artifact.state !== 'LIVE');
    if (gone) {
      throw conflict(
        `artifact ${gone.artifact.id} (${gone.artifact.uri}) is ${gone.artifact.state}`,
        'LIVE',
        gone.artifact.state,
      );
    }
    const id = insertExecution(db, contexts, input.componentName, 'CACHED', {
      task_name: input.taskName,
      cache_key: input.cacheKey,
      reused_from: source.id,
      inputs: input.inputParameters ?? {},
      outputs: source.outputParameters,
      finished_at: db.now(),
    });
    insertSignatureEvents(db, id, 'INPUT', input.inputArtifacts ?? []);
    for (const { key, index, artifact } of outputs) {
      insertEvent(db, { artifactId: artifact.id, executionId: id, type: 'OUTPUT', key, index });
      attribute(db, [contexts.run, contexts.pipeline], artifact.id);
    }
    return requireExecution(db, id);
  });
}
