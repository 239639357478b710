import { CtpipeError, isCtpipeError } from '@ctpipe/errors';
import { parseArtifactFilter, SYSTEM_ARTIFACT_TITLES, type SystemArtifactTitle } from '@ctpipe/ir';
import type { ResolverQuery } from '../resolver.js';
import { describeValue } from './literal.js';

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TITLES: ReadonlySet<string> = new Set(SYSTEM_ARTIFACT_TITLES);

/**
 * Checks `builder.resolver()`'s outputs: at least one (the proto requires it), each a known artifact type with
 * a filter that parses, agrees with that type, names no input (a resolver has none) and a limit of 1.
 */
export function resolverQueries(task: string, outputs: unknown): Record<string, ResolverQuery> {
  if (typeof outputs !== 'object' || outputs === null || Object.keys(outputs).length === 0) {
    throw bad(task, undefined, 'at least one output', describeValue(outputs));
  }
  const queries: Record<string, ResolverQuery> = {};
  for (const [output, def] of Object.entries(outputs as Record<string, Record<string, unknown>>)) {
    if (!OUTPUT_NAME.test(output))
      throw bad(task, output, 'an output name matching [A-Za-z_][A-Za-z0-9_]*', output);
    const { type, filter, limit, description } = def ?? {};
    if (typeof type !== 'string' || !TITLES.has(type)) {
      throw bad(task, output, `a type among ${SYSTEM_ARTIFACT_TITLES.join(', ')}`, describeValue(type));
    }
    if (typeof filter !== 'string') throw bad(task, output, 'a filter string', describeValue(filter));
    checkFilter(task, output, type, filter);
    if (limit !== undefined && limit !== 1) {
      throw bad(
        task,
        output,
        'limit 1 (lists of artifacts are not supported, as in TFX)',
        describeValue(limit),
      );
    }
    if (description !== undefined && typeof description !== 'string') {
      throw bad(task, output, 'a description string', describeValue(description));
    }
    queries[output] = { type: type as SystemArtifactTitle, filter, description };
  }
  return queries;
}

function checkFilter(task: string, output: string, type: string, filter: string): void {
  let clauses: ReturnType<typeof parseArtifactFilter>['clauses'];
  try {
    clauses = parseArtifactFilter(filter).clauses;
  } catch (err) {
    if (!isCtpipeError(err)) throw err;
    throw new CtpipeError('BAD_CONFIG', `Resolver '${task}', output '${output}': ${err.message}`, {
      details: { ...err.details, task, output },
      cause: err,
    });
  }
  for (const clause of clauses) {
    if (clause.kind === 'artifact_type' && clause.value !== type) {
      throw bad(task, output, `a filter on the declared type ${type}`, `artifact_type="${clause.value}"`);
    }
    const value = clause.kind === 'in_context' ? clause.context : String(clause.value);
    if (value.includes('{{$')) {
      throw bad(task, output, 'a filter without placeholders (a resolver has no inputs)', value);
    }
  }
}

function bad(task: string, output: string | undefined, expected: string, found: string): CtpipeError {
  const where = output === undefined ? `Resolver '${task}'` : `Resolver '${task}', output '${output}'`;
  return new CtpipeError('BAD_CONFIG', `${where}: expected ${expected}, found ${found}`, {
    details: { task, ...(output === undefined ? {} : { output }), expected, found },
  });
}
