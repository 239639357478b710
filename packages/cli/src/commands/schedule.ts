import { CtpipeError } from '@ctpipe/errors';
import {
  buildPipelineJob,
  buildSchedule,
  createSchedule,
  createVertexPipelineClients,
  scheduleRequestToJson,
} from '@ctpipe/vertex';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { openWorkspace } from '../workspace.js';
import { JOB_FLAGS, jobOptions, type VertexCommandDeps } from './submit.js';

export const scheduleSpec = {
  name: 'schedule',
  summary:
    'create a Vertex AI schedule that runs the CT pipeline for --env on a cron (default: vertex.schedule)',
  flags: {
    ...JOB_FLAGS,
    cron: { type: 'string', description: '5-field cron, e.g. "0 3 * * *" (default: vertex.schedule.cron)' },
    'time-zone': {
      type: 'string',
      description: 'IANA time zone the cron is read in (default: vertex.schedule.time_zone, else UTC)',
    },
    'max-concurrent-runs': {
      type: 'string',
      description: 'runs at once (default: vertex.schedule.max_concurrent_runs, else 1)',
    },
    'max-runs': { type: 'string', description: 'stop after this many runs (default: no limit)' },
    start: { type: 'string', description: 'first possible run, ISO 8601 (default: now)' },
    end: { type: 'string', description: 'no runs after this time, ISO 8601' },
    'display-name': { type: 'string', description: 'the schedule’s name (default: <pipeline>-<env>)' },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

export async function scheduleCommand(
  argv: string[],
  out: NodeJS.WritableStream,
  deps: Partial<Pick<VertexCommandDeps, 'clients'>> = {},
): Promise<number> {
  const { flags } = parseCommand(scheduleSpec, argv);
  const ws = openWorkspace(flags);
  const { vertex, spec, options } = jobOptions(ws, flags);
  const settings = vertex.schedule;
  const cron = flags.cron ?? settings?.cron;
  if (!cron) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `no cron for environment ${ws.env.name}: pass --cron or set vertex.schedule.cron in settings.yaml`,
      {
        details: {
          file: ws.env.source,
          path: `environments.${ws.env.name}.vertex.schedule.cron`,
          expected: '"0 3 * * *"',
        },
      },
    );
  }
  const timeZone = flags['time-zone'] ?? settings?.time_zone;
  const maxRuns = flags['max-runs'];
  const start = flags.start;
  const end = flags.end;
  const request = buildSchedule({
    project: vertex.project,
    region: vertex.region,
    displayName: flags['display-name'] ?? `${spec.pipelineInfo.name}-${ws.env.name}`,
    cron,
    ...(timeZone ? { timeZone } : {}),
    maxConcurrentRunCount: flags['max-concurrent-runs']
      ? count('--max-concurrent-runs', flags['max-concurrent-runs'])
      : (settings?.max_concurrent_runs ?? 1),
    ...(maxRuns ? { maxRunCount: count('--max-runs', maxRuns) } : {}),
    ...(start ? { startTime: time('--start', start) } : {}),
    ...(end ? { endTime: time('--end', end) } : {}),
    pipelineJob: buildPipelineJob(options),
  });
  if (flags['dry-run']) {
    out.write(`${JSON.stringify(scheduleRequestToJson(request), null, 2)}\n`);
    return 0;
  }
  const clients = await (deps.clients ?? createVertexPipelineClients)({
    project: vertex.project,
    region: vertex.region,
  });
  try {
    const name = await createSchedule(clients, request);
    const tty = (out as { isTTY?: boolean }).isTTY === true && !flags.json;
    const cronText = request.schedule?.cron ?? '';
    out.write(
      tty
        ? `created schedule ${name}\n  ${cronText}, at most ${request.schedule?.maxConcurrentRunCount} run(s) at once\n`
        : `${JSON.stringify({ event: 'scheduled', schedule: name, cron: cronText })}\n`,
    );
    return 0;
  } finally {
    await clients.close();
  }
}

function count(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new CtpipeError('BAD_INPUT', `${flag} expects a whole number ≥ 1, got '${text}'`, {
      details: { expected: 'an integer ≥ 1', found: text },
    });
  }
  return Number(text);
}

function time(flag: string, text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new CtpipeError(
      'BAD_INPUT',
      `${flag} expects an ISO 8601 time such as 2026-12-01T03:00:00Z, got '${text}'`,
      {
        details: { expected: 'ISO 8601 time', found: text },
      },
    );
  }
  return date;
}
