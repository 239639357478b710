import type { Artifact } from '../entities.js';
import type { ArtifactQuery } from '../inputs.js';
import { readArtifact } from './artifacts.js';
import type { Db, SqlParam } from './db.js';

/**
 * What a KFP resolver node asks (ResolverSpec.ArtifactQuerySpec): artifacts by type, state, uri, the output key
 * that produced them and the context (pipeline or run) they belong to — newest first.
 */
export function findArtifacts(db: Db, query: ArtifactQuery): Artifact[] {
  const joins: string[] = [];
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (query.typeTitle !== undefined) {
    where.push('t.name = ?');
    params.push(query.typeTitle);
  }
  if (query.state !== undefined) {
    where.push('a.state = ?');
    params.push(query.state);
  }
  if (query.uri !== undefined) {
    where.push('a.uri = ?');
    params.push(query.uri);
  }
  if (query.outputKey !== undefined) {
    joins.push("JOIN event e ON e.artifact_id = a.id AND e.type = 'OUTPUT'");
    where.push('e.path_key = ?');
    params.push(query.outputKey);
  }
  if (query.contextName !== undefined) {
    joins.push('JOIN attribution at ON at.artifact_id = a.id JOIN context c ON c.id = at.context_id');
    where.push('c.name = ?');
    params.push(query.contextName);
  }
  const sql = `SELECT DISTINCT a.id FROM artifact a JOIN type t ON t.id = a.type_id ${joins.join(' ')}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`;
  const rows = db.all<{ id: number }>(sql, ...params, query.limit ?? 1);
  return rows.flatMap((r) => readArtifact(db, r.id) ?? []);
}
