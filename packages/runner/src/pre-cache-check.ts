import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import type { ExecutorOutput } from '@ctpipe/ir';
import type { ContainerTask, ContainerTaskContext } from './execute-container-task.js';
import { buildExecutorInput } from './executor-input-builder.js';
import { resolveArgs } from './placeholders.js';
import type { ResolvedInputs } from './resolve-task-inputs.js';
import { runProcess } from './subprocess.js';

/**
 * The container's `lifecycle.preCacheCheck`: run before the cache lookup with the task's ExecutorInput; the
 * parameterValues it writes replace those inputs (e.g. extract's latest span and input fingerprint), so the
 * cache key — and the real run — see what the data is now, not just the pattern that names it.
 */
export async function resolveBeforeCache(
  t: ContainerTask,
  ctx: ContainerTaskContext,
): Promise<ResolvedInputs> {
  const check = t.container.lifecycle?.preCacheCheck;
  if (!check) return t.inputs;
  const local = ctx.resolver.resolve({ ...t.container, command: check.command ?? t.container.command ?? [] });
  const localRoot = join(t.location.localRoot, '..', `${lastSegment(t.location.localRoot)}.pre-cache-check`);
  await rm(localRoot, { recursive: true, force: true });
  const input = buildExecutorInput(t.component, t.inputs, {
    artifactRoot: t.location.artifactRoot,
    localRoot,
  });
  const result = await ctx.limit(() =>
    runProcess({
      argv: resolveArgs([...local.argv, ...(check.args ?? [])], input),
      cwd: local.cwd,
      env: ctx.env,
      logFile: `${localRoot}.log`,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    }),
  );
  if (result.exitCode !== 0) {
    const reason = result.stderrTail.at(-1) ?? `exit code ${result.exitCode}`;
    throw new CtpipeError('BAD_INPUT', `pre-cache check failed: ${reason}`, { details: { path: t.path } });
  }
  const outputFile = input.outputs!.outputFile;
  const output = JSON.parse(await readFile(outputFile, 'utf8')) as ExecutorOutput;
  const declared = t.component.inputDefinitions?.parameters ?? {};
  const parameters = { ...t.inputs.parameters };
  for (const [name, value] of Object.entries(output.parameterValues ?? {})) {
    if (!(name in declared)) {
      throw new CtpipeError(
        'CONTRACT',
        `pre-cache check set '${name}', which is not an input of the component`,
        {
          details: { file: outputFile },
        },
      );
    }
    parameters[name] = value;
  }
  return { parameters, artifacts: t.inputs.artifacts };
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
