import type { ResolverTask } from './resolver.js';
import type { PipelineTask } from './task.js';

/** What a DAG holds: a component's task (`kind: 'container'`) or a resolver (`kind: 'resolver'`). */
export type PipelineNode = PipelineTask | ResolverTask;
