import { openMetadataStore } from '@ctpipe/metadata';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { formatDuration, table } from '../table.js';
import { COMMON_FLAGS, openWorkspace } from '../workspace.js';

export const runsSpec = {
  name: 'runs',
  summary: 'list recent runs with their state, duration and task counts',
  flags: {
    ...COMMON_FLAGS,
    limit: { type: 'string', description: 'how many runs, newest first', default: '20' },
    json: { type: 'boolean', description: 'JSON output', default: false },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

export async function runsCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags } = parseCommand(runsSpec, argv);
  const ws = openWorkspace(flags);
  const store = await openMetadataStore(ws.env.metadata_db);
  try {
    const runs = await store.listRuns({ limit: Number(flags.limit) || 20 });
    if (flags.json) {
      out.write(`${JSON.stringify(runs, null, 2)}\n`);
      return 0;
    }
    const rows = runs.map((r) => [
      r.runId,
      r.state,
      r.createdAt.toISOString().replace('T', ' ').slice(0, 19),
      formatDuration(r.durationMs),
      `${r.tasks.COMPLETE} ran, ${r.tasks.CACHED} cached, ${r.tasks.FAILED} failed`,
      r.trigger ?? '',
      short(r.triggerReason ?? ''),
    ]);
    out.write(`${table(['run', 'state', 'started (UTC)', 'duration', 'tasks', 'trigger', 'why'], rows)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
