import type { AbandonResult } from '../entities.js';
import { ABANDONED_ERROR } from '../states.js';
import type { Db } from './db.js';
import { endUnfinishedExecutions, setFinalState } from './executions.js';
import { runOfExecution, runState } from './run-context.js';
import { markRunFinished } from './runs.js';
import { RUN_CONTEXT_TYPE } from './type-registry.js';

interface Candidate {
  [column: string]: unknown;
  id: number;
  pid: number | null;
}

/**
 * A RUNNING execution or run whose recording process is gone can never finish: fail it so caching
 * and `ctpipe runs` stop treating it as live. Its outputs were never registered (that only happens
 * on completion), so no artifact needs undoing. Anything without a pid is left alone: nothing
 * proves it dead. One write transaction, so a concurrent completion cannot interleave.
 */
export function abandonStaleExecutions(db: Db, isAlive: (pid: number) => boolean): AbandonResult {
  return db.write(() => {
    const verdicts = new Map<number, boolean>();
    const dead = ({ pid }: Candidate) => {
      if (pid === null) return false;
      if (!verdicts.has(pid)) verdicts.set(pid, isAlive(pid));
      return verdicts.get(pid) === false;
    };

    const deadExecutions = db
      .all<Candidate>(
        `SELECT e.id, p.int_value AS pid FROM execution e
         LEFT JOIN execution_property p ON p.execution_id = e.id AND p.name = 'pid' AND p.is_custom = 0
         WHERE e.state = 'RUNNING' ORDER BY e.id`,
      )
      .filter(dead);
    const deadRuns = db
      .all<Candidate & { name: string }>(
        `SELECT c.id, c.name, pid.int_value AS pid FROM context c
         JOIN type t ON t.id = c.type_id AND t.kind = 'CONTEXT' AND t.name = ?
         JOIN context_property s ON s.context_id = c.id AND s.name = 'state' AND s.is_custom = 0
         LEFT JOIN context_property pid ON pid.context_id = c.id AND pid.name = 'pid' AND pid.is_custom = 0
         WHERE s.string_value = 'RUNNING' ORDER BY c.id`,
        RUN_CONTEXT_TYPE,
      )
      .filter(dead);

    const runs = new Map<string, number>(deadRuns.map((r) => [r.name, r.id]));
    const executionIds = new Set<number>();
    for (const { id } of deadExecutions) {
      const run = runOfExecution(db, id);
      runs.set(run.runId, run.run);
      setFinalState(db, id, 'FAILED', { error: ABANDONED_ERROR });
      executionIds.add(id);
    }
    const runIds: string[] = [];
    for (const [runId, runContextId] of runs) {
      if (runState(db, runContextId) !== 'RUNNING') continue;
      // The run's other tasks cannot finish either once its runner is gone.
      for (const id of endUnfinishedExecutions(db, runContextId, 'FAILED', ABANDONED_ERROR))
        executionIds.add(id);
      markRunFinished(db, runContextId, 'FAILED', ABANDONED_ERROR);
      runIds.push(runId);
    }
    return { executionIds: [...executionIds].sort((a, b) => a - b), runIds: runIds.sort() };
  });
}
