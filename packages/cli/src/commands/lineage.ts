import { CtpipeError } from '@ctpipe/errors';
import {
  type Artifact,
  type ConsumerStep,
  type Execution,
  openMetadataStore,
  type ProducerStep,
} from '@ctpipe/metadata';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { COMMON_FLAGS, openWorkspace } from '../workspace.js';

export const lineageSpec = {
  name: 'lineage',
  usage: '<artifact-uri|id>',
  summary: 'what produced an artifact (upstream, recursively) and what used it (downstream)',
  flags: {
    ...COMMON_FLAGS,
    depth: { type: 'string', description: 'executions to follow in each direction', default: '10' },
    json: { type: 'boolean', description: 'JSON output', default: false },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

export async function lineageCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags, positionals } = parseCommand(lineageSpec, argv);
  const target = positionals[0];
  if (!target) throw new CtpipeError('BAD_INPUT', 'usage: ctpipe lineage <artifact-uri|id>');
  const ws = openWorkspace(flags);
  const store = await openMetadataStore(ws.env.metadata_db);
  try {
    const lineage = await store.lineage(target, { depth: Number(flags.depth) || 10 });
    if (flags.json) {
      out.write(`${JSON.stringify(lineage, null, 2)}\n`);
      return 0;
    }
    const lines = [`artifact ${describeArtifact(lineage.artifact)}`, '', 'produced by (upstream):'];
    if (lineage.producer) printProducer(lineage.producer, '  ', lines);
    else lines.push('  (nothing: imported or external data)');
    lines.push('', 'used by (downstream):');
    if (lineage.consumers.length === 0) lines.push('  (nothing yet)');
    for (const c of lineage.consumers) printConsumer(c, '  ', lines);
    if (lineage.reusedBy.length > 0) {
      lines.push('', 'reused from cache by:');
      for (const e of lineage.reusedBy) lines.push(`  ${describeExecution(e)}`);
    }
    out.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

function printProducer(step: ProducerStep, indent: string, lines: string[]) {
  lines.push(`${indent}${describeExecution(step.execution)}`);
  const params = Object.entries(step.execution.inputParameters);
  if (params.length > 0)
    lines.push(`${indent}  parameters: ${params.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
  for (const input of step.inputs) {
    lines.push(`${indent}  input ${input.key}: ${describeArtifact(input.artifact)}`);
    if (input.producer) printProducer(input.producer, `${indent}    `, lines);
    else if (input.truncated) lines.push(`${indent}    …`);
  }
}

function printConsumer(step: ConsumerStep, indent: string, lines: string[]) {
  lines.push(`${indent}${describeExecution(step.execution)}`);
  for (const output of step.outputs) {
    lines.push(`${indent}  output ${output.key}: ${describeArtifact(output.artifact)}`);
    for (const c of output.consumers) printConsumer(c, `${indent}    `, lines);
    if (output.truncated) lines.push(`${indent}    …`);
  }
}

function describeArtifact(a: Artifact): string {
  return `#${a.id} ${a.typeTitle} ${a.uri} [${a.state}]`;
}

function describeExecution(e: Execution): string {
  return `task ${e.taskName} (${e.componentName}) execution #${e.id} ${e.state} in run ${e.runId} at ${e.startedAt.toISOString()}`;
}
