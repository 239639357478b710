import { CtpipeError } from '@ctpipe/errors';
import type { JsonObject, JsonValue } from '../entities.js';
import type { Db, SqlParam } from './db.js';

/** MLMD's PropertyType, minus PROTO; STRUCT holds any JSON value (as MLMD's struct_value does). */
export type DataType = 'INT' | 'DOUBLE' | 'STRING' | 'BOOLEAN' | 'STRUCT';
export type PropertySchema = Readonly<Record<string, DataType>>;
export type Entity = 'artifact' | 'execution' | 'context';

const VALUE_COLUMNS = ['int_value', 'double_value', 'string_value', 'bool_value', 'struct_value'] as const;
type ValueColumn = (typeof VALUE_COLUMNS)[number];

const COLUMN_OF: Record<DataType, ValueColumn> = {
  INT: 'int_value',
  DOUBLE: 'double_value',
  STRING: 'string_value',
  BOOLEAN: 'bool_value',
  STRUCT: 'struct_value',
};

function inferType(value: JsonValue): DataType {
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'INT' : 'DOUBLE';
  return 'STRUCT';
}

function encode(name: string, value: JsonValue, type: DataType): SqlParam {
  const fits =
    type === 'STRUCT' ||
    (type === 'INT' && Number.isSafeInteger(value)) ||
    (type === 'DOUBLE' && typeof value === 'number') ||
    (type === 'STRING' && typeof value === 'string') ||
    (type === 'BOOLEAN' && typeof value === 'boolean');
  if (!fits) {
    throw new CtpipeError('INTERNAL', `property ${name} is declared ${type}`, {
      details: { expected: type, found: JSON.stringify(value) },
    });
  }
  if (type === 'STRUCT') return JSON.stringify(value);
  if (type === 'BOOLEAN') return value ? 1 : 0;
  return value as string | number;
}

function upsert(
  db: Db,
  entity: Entity,
  id: number,
  name: string,
  custom: boolean,
  type: DataType,
  value: JsonValue,
) {
  const column = COLUMN_OF[type];
  const params = VALUE_COLUMNS.map((c) => (c === column ? encode(name, value, type) : null));
  db.run(
    `INSERT INTO ${entity}_property (${entity}_id, name, is_custom, ${VALUE_COLUMNS.join(', ')})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (${entity}_id, name, is_custom) DO UPDATE SET
       ${VALUE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    id,
    name,
    custom ? 1 : 0,
    ...params,
  );
}

/** Declared properties, typed by the entity type's schema. undefined leaves a value, null removes it. */
export function setProperties<S extends PropertySchema>(
  db: Db,
  entity: Entity,
  id: number,
  schema: S,
  values: { [K in keyof S]?: JsonValue | undefined },
): void {
  for (const [name, value] of Object.entries(values) as [string, JsonValue | undefined][]) {
    if (value === undefined) continue;
    const type = schema[name];
    if (type === undefined) throw new CtpipeError('INTERNAL', `property ${name} is not declared`);
    if (value === null) {
      db.run(
        `DELETE FROM ${entity}_property WHERE ${entity}_id = ? AND name = ? AND is_custom = 0`,
        id,
        name,
      );
    } else {
      upsert(db, entity, id, name, false, type, value);
    }
  }
}

/** Custom properties: free-form, typed by their value (KFP artifact metadata lands here). */
export function setCustomProperties(db: Db, entity: Entity, id: number, values: JsonObject): void {
  for (const [name, value] of Object.entries(values))
    upsert(db, entity, id, name, true, inferType(value), value);
}

interface PropertyRow {
  [column: string]: unknown;
  name: string;
  is_custom: number;
  int_value: number | null;
  double_value: number | null;
  string_value: string | null;
  bool_value: number | null;
  struct_value: string | null;
}

function decode(row: PropertyRow): JsonValue {
  if (row.int_value !== null) return row.int_value;
  if (row.double_value !== null) return row.double_value;
  if (row.string_value !== null) return row.string_value;
  if (row.bool_value !== null) return row.bool_value !== 0;
  return row.struct_value === null ? null : (JSON.parse(row.struct_value) as JsonValue);
}

export interface PropertyBag {
  properties: JsonObject;
  custom: JsonObject;
}

export function readProperties(db: Db, entity: Entity, id: number): PropertyBag {
  const rows = db.all<PropertyRow>(
    `SELECT name, is_custom, ${VALUE_COLUMNS.join(', ')} FROM ${entity}_property
     WHERE ${entity}_id = ? ORDER BY name`,
    id,
  );
  const bag: PropertyBag = { properties: {}, custom: {} };
  for (const row of rows) (row.is_custom ? bag.custom : bag.properties)[row.name] = decode(row);
  return bag;
}
