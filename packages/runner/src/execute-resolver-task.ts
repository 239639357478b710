import { CtpipeError } from '@ctpipe/errors';
import { type ComponentSpec, parseArtifactFilter, type ResolverSpec } from '@ctpipe/ir';
import type { ArtifactQuery, ArtifactState } from '@ctpipe/metadata';
import type { ContainerTaskContext } from './execute-container-task.js';
import type { ArtifactRef, TaskOutcome } from './runtime-artifact.js';

/**
 * A KFP resolver node (TFX's Resolver, e.g. "latest statistics"): each output is the result of an artifact
 * query against the metadata store, scoped to this pipeline unless the filter names a context. Finding
 * nothing is not an error — the output is empty and the optional input it feeds stays unset.
 */
export async function executeResolverTask(
  path: string,
  component: ComponentSpec,
  resolver: ResolverSpec,
  pipelineName: string,
  ctx: ContainerTaskContext,
): Promise<TaskOutcome> {
  const outputArtifacts: Record<string, ArtifactRef[]> = {};
  for (const [key, spec] of Object.entries(resolver.outputArtifactQueries)) {
    const query = toQuery(spec.filter, spec.limit ?? 1, pipelineName);
    const found = await ctx.store.findArtifacts(query);
    const declared = component.outputDefinitions?.artifacts?.[key]?.artifactType;
    outputArtifacts[key] = found.map((a) => ({
      id: a.id,
      name: key,
      type: declared ?? { schemaTitle: a.typeTitle },
      uri: a.uri,
      metadata: a.metadata,
    }));
  }
  const artifacts = Object.fromEntries(
    Object.entries(outputArtifacts).map(([k, refs]) => [k, refs.map((r) => r.uri).join(',') || '(none)']),
  );
  ctx.reporter.emit({ type: 'task', task: path, state: 'SUCCEEDED', artifacts });
  return { state: 'SUCCEEDED', outputParameters: {}, outputArtifacts, resolved: true };
}

function toQuery(filter: string, limit: number, pipelineName: string): ArtifactQuery {
  const query: ArtifactQuery = { limit, contextName: pipelineName };
  for (const clause of parseArtifactFilter(filter).clauses) {
    switch (clause.kind) {
      case 'in_context':
        query.contextName = clause.context;
        break;
      case 'artifact_type':
        query.typeTitle = clause.value;
        break;
      case 'uri':
        query.uri = clause.value;
        break;
      case 'state':
        query.state = clause.value as ArtifactState;
        break;
      case 'name':
        // KFP names an output artifact by its output key; ctpipe records that key on the OUTPUT event.
        query.outputKey = clause.value;
        break;
      case 'metadata':
        query.metadata = { ...query.metadata, [clause.key]: clause.value };
        break;
      default:
        throw new CtpipeError('UNSUPPORTED', 'resolver filter clause not supported', {
          details: { found: filter },
        });
    }
  }
  return query;
}
