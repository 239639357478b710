import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type Json } from '@duckdb/node-api';
import type { Column } from './column.js';
import { fromDuckDbError } from './internal/duckdb-error.js';

export interface EngineOptions {
  /** Worker threads; default: the cores this process may use. */
  threads?: number;
  /** DuckDB memory limit such as '2GB'; default: 60 % of the memory this process may use. */
  memoryLimit?: string;
  /**
   * Where DuckDB spills and readers put converted files. Default: a fresh directory under the OS temp dir,
   * removed by close(). A caller-given directory is left in place (the caller owns it).
   */
  tempDir?: string;
}

export interface RunOptions {
  /** Called about every quarter second with the query's progress in [0, 1]. */
  onProgress?: (fraction: number) => void;
}

const PROGRESS_INTERVAL_MS = 250;

/** An in-memory DuckDB with settings fit for one component process. */
export class Engine {
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly tempDir: string,
    private readonly ownsTempDir: boolean,
  ) {}

  static async open(options: EngineOptions = {}): Promise<Engine> {
    const ownsTempDir = options.tempDir === undefined;
    const tempDir = options.tempDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ctpipe-data-')));
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? os.availableParallelism()),
      memory_limit: options.memoryLimit ?? defaultMemoryLimit(),
      temp_directory: path.join(tempDir, 'duckdb-spill'),
      // Output files must not depend on thread scheduling: same input, same bytes, same cache key.
      preserve_insertion_order: 'true',
      // Extensions cannot be downloaded in a sealed container; fail on use instead of hanging on the network.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const connection = await instance.connect();
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    return new Engine(instance, connection, tempDir, ownsTempDir);
  }

  /** Runs a statement; returns the rows it changed (a COPY returns the rows written). */
  async run(sql: string, options: RunOptions = {}): Promise<number> {
    const { onProgress } = options;
    const timer =
      onProgress &&
      setInterval(() => {
        const pct = this.connection.progress.percentage;
        if (pct >= 0) onProgress(Math.min(pct, 100) / 100);
      }, PROGRESS_INTERVAL_MS);
    try {
      const result = await this.connection.run(sql);
      return result.rowsChanged;
    } catch (err) {
      throw fromDuckDbError(err);
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  /** Small results only (metadata, counts): rows as JSON objects, 64-bit integers as strings. */
  async query(sql: string): Promise<Record<string, Json>[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql);
      return reader.getRowObjectsJson();
    } catch (err) {
      throw fromDuckDbError(err);
    }
  }

  /** Names and types of a SELECT's result, without running it. */
  async describe(select: string): Promise<Column[]> {
    const rows = await this.query(`DESCRIBE ${select}`);
    return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
    if (this.ownsTempDir) await rm(this.tempDir, { recursive: true, force: true });
  }
}

export function openEngine(options: EngineOptions = {}): Promise<Engine> {
  return Engine.open(options);
}

function defaultMemoryLimit(): string {
  // In a container the cgroup limit is what counts, not the host's RAM that os.totalmem() reports.
  const constrained = process.constrainedMemory?.() ?? 0;
  const available = constrained > 0 ? Math.min(constrained, os.totalmem()) : os.totalmem();
  return `${Math.max(256, Math.floor((available * 0.6) / 2 ** 20))}MB`;
}
