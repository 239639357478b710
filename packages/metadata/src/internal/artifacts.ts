import { CtpipeError } from '@ctpipe/errors';
import type { Artifact, JsonObject, JsonValue } from '../entities.js';
import type { RegisterArtifactInput } from '../inputs.js';
import { ARTIFACT_STATES, type ArtifactState } from '../states.js';
import type { Db } from './db.js';
import { readProperties, setCustomProperties } from './properties.js';
import { ensureType } from './type-registry.js';

interface ArtifactRow {
  [column: string]: unknown;
  id: number;
  uri: string;
  type: string;
  state: ArtifactState;
  create_time: number;
  update_time: number;
}

export interface NewArtifact {
  uri: string;
  typeTitle: string;
  state: ArtifactState;
  metadata: JsonObject;
}

/** The artifact's type is its KFP schema title; its metadata becomes custom properties. */
export function insertArtifact(db: Db, artifact: NewArtifact): number {
  for (const field of ['uri', 'typeTitle'] as const) {
    if (artifact[field] === '') {
      throw new CtpipeError('BAD_INPUT', `artifact ${field} must not be empty`, {
        details: { expected: `a non-empty ${field}`, found: JSON.stringify(artifact) },
      });
    }
  }
  const typeId = ensureType(db, 'ARTIFACT', artifact.typeTitle);
  const now = db.now();
  const id = db.run(
    'INSERT INTO artifact (type_id, uri, state, create_time, update_time) VALUES (?, ?, ?, ?, ?)',
    typeId,
    artifact.uri,
    artifact.state,
    now,
    now,
  ).lastId;
  setCustomProperties(db, 'artifact', id, artifact.metadata);
  return id;
}

export function readArtifact(db: Db, id: number): Artifact | undefined {
  const row = db.get<ArtifactRow>(
    `SELECT a.id, a.uri, t.name AS type, a.state, a.create_time, a.update_time
     FROM artifact a JOIN type t ON t.id = a.type_id WHERE a.id = ?`,
    id,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    uri: row.uri,
    typeTitle: row.type,
    state: row.state,
    metadata: readProperties(db, 'artifact', id).custom,
    createdAt: new Date(row.create_time),
    updatedAt: new Date(row.update_time),
  };
}

export function requireArtifact(db: Db, id: number): Artifact {
  const artifact = readArtifact(db, id);
  if (!artifact)
    throw new CtpipeError('NOT_FOUND', `no artifact ${id} in the metadata store`, {
      details: { found: String(id) },
    });
  return artifact;
}

/** Ids are numbers or strings of digits; anything else is a uri, which resolves to its newest artifact. */
export function resolveArtifactId(db: Db, idOrUri: number | string): number | undefined {
  if (typeof idOrUri === 'number' || /^\d+$/.test(idOrUri)) {
    return db.get<{ id: number }>('SELECT id FROM artifact WHERE id = ?', Number(idOrUri))?.id;
  }
  return db.get<{ id: number }>('SELECT id FROM artifact WHERE uri = ? ORDER BY id DESC LIMIT 1', idOrUri)
    ?.id;
}

function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Same uri, type, state and metadata → the same artifact, so an imported dataset keeps one identity
 * (and cache keys built from it stay stable). Callers put a content digest or mtime in the metadata
 * when a changed file must count as a new artifact.
 */
export function registerArtifact(db: Db, input: RegisterArtifactInput): Artifact {
  const wanted: NewArtifact = {
    uri: input.uri,
    typeTitle: input.typeTitle,
    state: input.state ?? 'REFERENCE',
    metadata: input.metadata ?? {},
  };
  const candidates = db.all<{ id: number }>(
    `SELECT a.id FROM artifact a JOIN type t ON t.id = a.type_id
     WHERE a.uri = ? AND t.kind = 'ARTIFACT' AND t.name = ? AND a.state = ? ORDER BY a.id DESC`,
    wanted.uri,
    wanted.typeTitle,
    wanted.state,
  );
  for (const { id } of candidates) {
    const existing = requireArtifact(db, id);
    if (canonical(existing.metadata) === canonical(wanted.metadata)) return existing;
  }
  return requireArtifact(db, insertArtifact(db, wanted));
}

export function setArtifactState(db: Db, id: number, state: ArtifactState): Artifact {
  if (!ARTIFACT_STATES.includes(state)) {
    throw new CtpipeError('BAD_INPUT', `unknown artifact state ${String(state)}`, {
      details: { expected: ARTIFACT_STATES.join('|'), found: String(state) },
    });
  }
  db.run('UPDATE artifact SET state = ?, update_time = ? WHERE id = ?', state, db.now(), id);
  return requireArtifact(db, id);
}
