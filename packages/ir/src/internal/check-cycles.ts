import type { DagSpec, PipelineSpec, PipelineTaskSpec } from '../pipeline-spec.js';
import { joinPath, type PipelineSpecProblem } from './problems.js';

/** A DAG must be acyclic: edges are dependentTasks and the producers of data inputs. */
export function checkCycles(spec: PipelineSpec, problems: PipelineSpecProblem[]): void {
  const dags: [string, DagSpec][] = [];
  if (spec.root?.dag) dags.push(['root', spec.root.dag]);
  for (const [name, component] of Object.entries(spec.components ?? {})) {
    if (component.dag) dags.push([joinPath('components', name), component.dag]);
  }
  for (const [path, dag] of dags) {
    const cycle = findCycle(dag.tasks ?? {});
    if (cycle)
      problems.push({ path: `${path}.dag.tasks`, message: `the tasks form a cycle: ${cycle.join(' → ')}` });
  }
}

function upstreamOf(task: PipelineTaskSpec): string[] {
  const names = [...(task.dependentTasks ?? [])];
  for (const input of Object.values(task.inputs?.parameters ?? {})) {
    if ('taskOutputParameter' in input) names.push(input.taskOutputParameter.producerTask);
    if ('taskFinalStatus' in input) names.push(input.taskFinalStatus.producerTask);
  }
  for (const input of Object.values(task.inputs?.artifacts ?? {})) {
    if ('taskOutputArtifact' in input) names.push(input.taskOutputArtifact.producerTask);
  }
  return names;
}

function findCycle(tasks: Record<string, PipelineTaskSpec>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done' || !tasks[name]) return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const up of upstreamOf(tasks[name]!)) {
      const cycle = visit(up);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of Object.keys(tasks)) {
    const cycle = visit(name);
    if (cycle) return cycle.reverse();
  }
  return undefined;
}
