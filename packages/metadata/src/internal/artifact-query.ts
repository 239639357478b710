import type { Artifact } from '../entities.js';
import type { ArtifactQuery } from '../inputs.js';
import { readArtifact } from './artifacts.js';
import type { Db, SqlParam } from './db.js';

/**
 * What a KFP resolver node asks (ResolverSpec.ArtifactQuerySpec): artifacts by type, state, uri, the output key
 * that produced them, the context (pipeline or run) they belong to and their metadata — newest first.
 */
export function findArtifacts(db: Db, query: ArtifactQuery): Artifact[] {
  // Placeholders in JOIN clauses precede those in WHERE: two lists keep the order right.
  const joins: { sql: string; params: SqlParam[] }[] = [];
  const where: { sql: string; params: SqlParam[] }[] = [];
  if (query.typeTitle !== undefined) where.push({ sql: 't.name = ?', params: [query.typeTitle] });
  if (query.state !== undefined) where.push({ sql: 'a.state = ?', params: [query.state] });
  if (query.uri !== undefined) where.push({ sql: 'a.uri = ?', params: [query.uri] });
  if (query.outputKey !== undefined) {
    joins.push({ sql: "JOIN event e ON e.artifact_id = a.id AND e.type = 'OUTPUT'", params: [] });
    where.push({ sql: 'e.path_key = ?', params: [query.outputKey] });
  }
  if (query.contextName !== undefined) {
    joins.push({
      sql: 'JOIN attribution at ON at.artifact_id = a.id JOIN context c ON c.id = at.context_id',
      params: [],
    });
    where.push({ sql: 'c.name = ?', params: [query.contextName] });
  }
  Object.entries(query.metadata ?? {}).forEach(([key, value], i) => {
    const m = `m${i}`;
    joins.push({
      sql: `JOIN artifact_property ${m} ON ${m}.artifact_id = a.id AND ${m}.is_custom = 1 AND ${m}.name = ?`,
      params: [key],
    });
    if (typeof value === 'string') where.push({ sql: `${m}.string_value = ?`, params: [value] });
    else if (typeof value === 'boolean') where.push({ sql: `${m}.bool_value = ?`, params: [Number(value)] });
    else where.push({ sql: `coalesce(${m}.int_value, ${m}.double_value) = ?`, params: [value] });
  });
  const sql = `SELECT DISTINCT a.id FROM artifact a JOIN type t ON t.id = a.type_id ${joins.map((j) => j.sql).join(' ')}
    ${where.length > 0 ? `WHERE ${where.map((w) => w.sql).join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`;
  const params = [...joins.flatMap((j) => j.params), ...where.flatMap((w) => w.params), query.limit ?? 1];
  return db.all<{ id: number }>(sql, ...params).flatMap((r) => readArtifact(db, r.id) ?? []);
}
