import type Database from 'better-sqlite3';

export type SqlParam = string | number | bigint | null;
export type Row = Record<string, unknown>;

/**
 * The connection every internal module shares: cached prepared statements, the store's clock, and
 * the two transaction kinds. Writes use BEGIN IMMEDIATE so a writer takes the lock before its first
 * read; a deferred transaction that upgrades later fails with SQLITE_BUSY without waiting on the
 * busy timeout, which would break two runners sharing one file.
 */
export class Db {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly raw: Database.Database,
    readonly now: () => number,
  ) {}

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  get<T extends Row>(sql: string, ...params: SqlParam[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  all<T extends Row>(sql: string, ...params: SqlParam[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  run(sql: string, ...params: SqlParam[]): { changes: number; lastId: number } {
    const result = this.statement(sql).run(...params);
    return { changes: result.changes, lastId: Number(result.lastInsertRowid) };
  }

  /** Nested calls become savepoints of the outer transaction (better-sqlite3 semantics). */
  write<T>(fn: () => T): T {
    return this.raw.transaction(fn).immediate();
  }

  /** A read snapshot, so multi-query reads never mix two states of the store. */
  read<T>(fn: () => T): T {
    return this.raw.transaction(fn).deferred();
  }
}
