import type { RunResult, TaskOutcome } from '@ctpipe/runner';
import { artifactSummaries } from './artifact-summaries.js';
import { formatDuration, table } from './table.js';

/**
 * What a person reads after `ctpipe run`: one line per task (state and time), then what the tasks output and
 * what their artifacts say (anomalies, metrics per slice, why a model was or was not blessed). `verbose` adds
 * every artifact URI; otherwise only the run's folder is named.
 */
export function runSummary(result: RunResult, options: { verbose?: boolean } = {}): string {
  const rows = [...result.tasks.entries()].flatMap(([task, o]) => {
    const head = [task, stateLabel(o), o.resolved ? '' : formatDuration(o.durationMs), o.error ?? ''];
    if (!options.verbose) return [head];
    const artifacts = Object.entries(o.outputArtifacts).flatMap(([k, refs]) =>
      refs.map((r) => `${k}: ${r.uri}`),
    );
    return [head, ...artifacts.map((a) => ['', '', '', a])];
  });
  return [
    '',
    `run ${result.runId}: ${result.state} in ${formatDuration(result.durationMs)} (pipeline time)`,
    table(['task', 'state', 'time', options.verbose ? 'error / artifacts' : 'error'], rows),
    ...artifactSummaries(result.tasks).map((s) => `\n${s}`),
    `\nartifacts under ${result.runRoot}${options.verbose ? '' : ' (--verbose lists each)'}`,
    '',
  ].join('\n');
}

function stateLabel(o: TaskOutcome): string {
  if (o.resolved) {
    const found = Object.values(o.outputArtifacts).some((refs) => refs.length > 0);
    return found ? 'RESOLVED' : 'RESOLVED (none yet)';
  }
  return o.state === 'CACHED' ? 'CACHED (reused)' : o.state;
}
