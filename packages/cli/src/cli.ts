import { CtpipeError, exitCodeFor, toCtpipeError } from '@ctpipe/errors';
import { compileCommand, compileSpec } from './commands/compile.js';
import { imagesCommand, imagesSpec } from './commands/images.js';
import { lineageCommand, lineageSpec } from './commands/lineage.js';
import { modelsCommand, modelsSpec } from './commands/models.js';
import { publishCommand, publishSpec } from './commands/publish.js';
import { runCommand, runSpec } from './commands/run.js';
import { runsCommand, runsSpec } from './commands/runs.js';
import { scheduleCommand, scheduleSpec } from './commands/schedule.js';
import { serveCommand, serveSpec } from './commands/serve.js';
import { submitCommand, submitSpec } from './commands/submit.js';
import { triggerCommand, triggerSpec } from './commands/trigger.js';
import { helpFor } from './options.js';

const COMMANDS = {
  compile: { spec: compileSpec, run: compileCommand },
  run: { spec: runSpec, run: runCommand },
  runs: { spec: runsSpec, run: runsCommand },
  lineage: { spec: lineageSpec, run: lineageCommand },
  models: { spec: modelsSpec, run: modelsCommand },
  serve: { spec: serveSpec, run: serveCommand },
  trigger: { spec: triggerSpec, run: triggerCommand },
  submit: { spec: submitSpec, run: submitCommand },
  schedule: { spec: scheduleSpec, run: scheduleCommand },
  images: { spec: imagesSpec, run: imagesCommand },
  publish: { spec: publishSpec, run: publishCommand },
} as const;

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.spec.name.padEnd(10)} ${c.spec.summary}`);
  return `ctpipe — continuous training pipelines (KFP v2 / Vertex AI), locally first\n\nusage: ctpipe <command> [flags]\n\n${lines.join('\n')}\n\nctpipe <command> --help for its flags\n`;
}

/** Parses argv, runs one command, and converts any error into a message and an exit code (the CLI's edge). */
export async function cli(
  argv: string[],
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
) {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (!command) {
    err.write(`ctpipe: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out.write(`${helpFor(command.spec)}\n`);
    return 0;
  }
  try {
    return await command.run(rest, out);
  } catch (e) {
    const error = toCtpipeError(e);
    err.write(`ctpipe ${name}: ${error instanceof CtpipeError ? error.message : String(e)}\n`);
    const where = Object.entries(error.details).filter(([, v]) => v !== undefined && v !== '');
    if (where.length > 0) err.write(`  ${where.map(([k, v]) => `${k}: ${String(v)}`).join('\n  ')}\n`);
    if (error.code === 'INTERNAL' && error.cause instanceof Error) err.write(`${error.cause.stack}\n`);
    return exitCodeFor(error.code);
  }
}
