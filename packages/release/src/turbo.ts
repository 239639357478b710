import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { runTool } from './internal/run-tool.js';

/** How to reach turbo: the repo's own `node_modules/.bin/turbo` unless a binary is given. */
export interface TurboOptions {
  repoRoot: string;
  turboBin?: string;
}

/** Runs turbo with telemetry off and returns its stdout; a failure carries turbo's stderr. */
export async function runTurbo(options: TurboOptions, args: readonly string[]): Promise<string> {
  const local = join(options.repoRoot, 'node_modules', '.bin', 'turbo');
  const bin = options.turboBin ?? (existsSync(local) ? local : 'turbo');
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
  const result = await runTool(bin, args, { cwd: options.repoRoot, env });
  if (result.code !== 0) {
    throw new CtpipeError('UNAVAILABLE', `turbo ${args.join(' ')} failed: ${lastLines(result.stderr)}`, {
      details: { command: `turbo ${args.join(' ')}`, exitCode: result.code },
    });
  }
  return result.stdout;
}

/**
 * Turborepo's hash of each package's `build` task. It covers the package's input files, its workspace
 * dependencies' hashes, its external dependency versions from the lockfile and the global inputs, so two
 * commits with the same hash build the same image.
 */
export async function buildTaskHashes(
  options: TurboOptions,
  packageNames: readonly string[],
): Promise<Map<string, string>> {
  if (packageNames.length === 0) return new Map();
  const filters = packageNames.map((p) => `--filter=${p}`);
  const stdout = await runTurbo(options, ['run', 'build', ...filters, '--dry=json']);
  const tasks = parseDryRun(stdout);
  const hashes = new Map<string, string>();
  for (const t of tasks) {
    if (t.task === 'build' && packageNames.includes(t.package)) hashes.set(t.package, t.hash);
  }
  const missing = packageNames.filter((p) => !hashes.has(p));
  if (missing.length > 0) {
    throw new CtpipeError('BAD_CONFIG', `turbo has no build task for ${missing.join(', ')}`, {
      details: { expected: 'a "build" script in each component package' },
    });
  }
  return hashes;
}

interface DryRunTask {
  task: string;
  package: string;
  hash: string;
}

function parseDryRun(stdout: string): DryRunTask[] {
  let parsed: unknown;
  try {
    // turbo may print warnings before the JSON object.
    parsed = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch (err) {
    throw new CtpipeError('INTERNAL', 'turbo --dry=json printed no JSON', { cause: err });
  }
  const tasks = typeof parsed === 'object' && parsed !== null && 'tasks' in parsed ? parsed.tasks : undefined;
  if (!Array.isArray(tasks)) throw new CtpipeError('INTERNAL', 'turbo --dry=json has no "tasks" list');
  return tasks.filter(
    (t): t is DryRunTask =>
      typeof t === 'object' &&
      t !== null &&
      typeof t.task === 'string' &&
      typeof t.package === 'string' &&
      typeof t.hash === 'string',
  );
}

/** Packages turbo selects with a filter, via `turbo ls` (no task graph: dependencies are not pulled in). */
export async function listFilteredPackages(options: TurboOptions, filter: string): Promise<string[]> {
  const stdout = await runTurbo(options, ['ls', `--filter=${filter}`, '--output=json']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch (err) {
    throw new CtpipeError('INTERNAL', 'turbo ls --output=json printed no JSON', { cause: err });
  }
  const items =
    typeof parsed === 'object' && parsed !== null && 'packages' in parsed
      ? (parsed.packages as { items?: unknown }).items
      : undefined;
  if (!Array.isArray(items))
    throw new CtpipeError('INTERNAL', 'turbo ls --output=json has no packages.items');
  return items
    .map((i: unknown) => (typeof i === 'object' && i !== null && 'name' in i ? i.name : undefined))
    .filter((n): n is string => typeof n === 'string')
    .sort();
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join(' | ');
}
