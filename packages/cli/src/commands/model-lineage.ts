import { existsSync } from 'node:fs';
import { CtpipeError } from '@ctpipe/errors';
import { type Lineage, openMetadataStore, type ProducerStep } from '@ctpipe/metadata';

/**
 * The metadata store's lineage of a registered version's source Model artifact, or why there is none. A store
 * that does not exist is not created: `ctpipe models` only reads.
 */
export async function sourceLineage(
  metadataDb: string | undefined,
  source: string,
): Promise<{ lineage?: Lineage; note?: string }> {
  if (!metadataDb || !existsSync(metadataDb)) return { note: 'no metadata store here' };
  const store = openMetadataStore(metadataDb);
  try {
    return { lineage: await store.lineage(source, { depth: 10 }) };
  } catch (err) {
    if (err instanceof CtpipeError && err.code === 'NOT_FOUND') return { note: `not in ${metadataDb}` };
    throw err;
  } finally {
    await store.close();
  }
}

/** Upstream only: which run, task, parameters and inputs produced the model, recursively. */
export function formatUpstream(lineage: Lineage): string[] {
  const lines: string[] = [];
  if (lineage.producer) printProducer(lineage.producer, '  ', lines);
  else lines.push('  (no producer recorded: imported from outside a run)');
  return lines;
}

function printProducer(step: ProducerStep, indent: string, lines: string[]) {
  const e = step.execution;
  lines.push(
    `${indent}task ${e.taskName} (${e.componentName}) #${e.id} ${e.state} in run ${e.runId} at ${e.startedAt.toISOString()}`,
  );
  const params = Object.entries(e.inputParameters);
  if (params.length > 0)
    lines.push(`${indent}  parameters: ${params.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
  for (const input of step.inputs) {
    lines.push(
      `${indent}  input ${input.key}: #${input.artifact.id} ${input.artifact.typeTitle} ${input.artifact.uri}`,
    );
    if (input.producer) printProducer(input.producer, `${indent}    `, lines);
    else if (input.truncated) lines.push(`${indent}    …`);
  }
}
