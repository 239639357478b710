import { isCtpipeError } from '@ctpipe/errors';
import { parseArtifactFilter } from '../artifact-filter.js';
import type { ComponentSpec, PipelineSpec, ResolverSpec } from '../pipeline-spec.js';
import { placeholderRefs } from './placeholder-refs.js';
import { joinPath, type PipelineSpecProblem } from './problems.js';

/**
 * A resolver executor (ResolverSpec) has one query per output artifact of the components that use it — the
 * proto asks for exactly the same keys and at least one — and each filter must parse. Placeholders in a
 * filter (TFX's two-step blessed-model resolver uses them) may name only inputs of those components.
 */
export function checkResolvers(spec: PipelineSpec, problems: PipelineSpecProblem[]): void {
  const components = Object.entries(spec.components ?? {});
  for (const [label, executor] of Object.entries(spec.deploymentSpec?.executors ?? {})) {
    if (!('resolver' in executor) || !executor.resolver) continue;
    const base = joinPath('deploymentSpec.executors', label);
    const users = components.filter(([, c]) => c.executorLabel === label);
    checkQueries(executor.resolver, `${base}.resolver.outputArtifactQueries`, users, problems);
    for (const [name, component] of users) {
      checkOutputs(executor.resolver, label, joinPath('components', name), component, problems);
    }
  }
}

function checkQueries(
  resolver: ResolverSpec,
  path: string,
  users: [string, ComponentSpec][],
  problems: PipelineSpecProblem[],
): void {
  const queries = Object.entries(resolver.outputArtifactQueries ?? {});
  if (queries.length === 0) problems.push({ path, message: 'a resolver needs at least one output query' });
  for (const [key, query] of queries) {
    const at = joinPath(path, key);
    const filter = query.filter ?? '';
    try {
      parseArtifactFilter(filter);
    } catch (err) {
      if (!isCtpipeError(err)) throw err;
      problems.push({ path: `${at}.filter`, message: err.message });
    }
    for (const ref of placeholderRefs(filter)) {
      const declared = users.every(
        ([, c]) => ref.side === 'inputs' && c.inputDefinitions?.[ref.kind]?.[ref.name] !== undefined,
      );
      if (!declared) {
        problems.push({
          path: `${at}.filter`,
          message: `placeholder names ${ref.side}.${ref.kind} '${ref.name}', which is not an input of every component using this resolver`,
        });
      }
    }
    if (query.limit !== undefined && Number(query.limit) < 0) {
      problems.push({
        path: `${at}.limit`,
        message: `expected a positive limit (0 or none means 1), found ${query.limit}`,
      });
    }
  }
}

function checkOutputs(
  resolver: ResolverSpec,
  label: string,
  path: string,
  component: ComponentSpec,
  problems: PipelineSpecProblem[],
): void {
  const queried = Object.keys(resolver.outputArtifactQueries ?? {});
  const outputs = Object.keys(component.outputDefinitions?.artifacts ?? {});
  for (const key of outputs.filter((k) => !queried.includes(k))) {
    problems.push({
      path: joinPath(`${path}.outputDefinitions.artifacts`, key),
      message: `resolver '${label}' has no query for output artifact '${key}'`,
    });
  }
  for (const key of queried.filter((k) => !outputs.includes(k))) {
    problems.push({
      path: `${path}.outputDefinitions.artifacts`,
      message: `resolver '${label}' queries '${key}', which is not an output artifact of this component`,
    });
  }
  for (const key of Object.keys(component.outputDefinitions?.parameters ?? {})) {
    problems.push({
      path: joinPath(`${path}.outputDefinitions.parameters`, key),
      message: `a resolver outputs artifacts only; '${key}' would never be set`,
    });
  }
}
