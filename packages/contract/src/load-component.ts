import { readFileSync } from 'node:fs';
import { CtpipeError } from '@ctpipe/errors';
import { diffDefinitions, parseComponentYaml } from './component-yaml.js';
import type { ComponentDefinition, LoadedComponent } from './definition.js';

/**
 * Joins a component's typed spec with its component.yaml (the implementation CI/CD rewrites).
 * They must agree: a pipeline never compiles against an interface the container does not have.
 */
export function loadComponent<const D extends ComponentDefinition>(
  definition: D,
  yamlPath: string,
): LoadedComponent<D> {
  const parsed = parseComponentYaml(readFileSync(yamlPath, 'utf8'), yamlPath);
  const diffs = diffDefinitions(definition, parsed.definition);
  if (diffs.length > 0) {
    throw new CtpipeError('BAD_CONFIG', `component.yaml disagrees with spec.ts:\n  ${diffs.join('\n  ')}`, {
      details: { file: yamlPath },
    });
  }
  return { definition, implementation: parsed.implementation, source: yamlPath };
}
