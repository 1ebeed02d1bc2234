import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Compilable, type CompiledQuery, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repos take either the database or an open transaction. */
export type Executor = Db | Tx;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** The raw SQLite connection, for online backups. Null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// bigint columns (versions, counters) fit easily in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = new SQLite(file);
  if (file !== ':memory:') conn.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss, not only a process crash.
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  // Planner statistics for tables that need them, cheaply (analysis_limit); see optimizeSqlite.
  conn.pragma('analysis_limit = 1000');
  conn.pragma('optimize = 0x10002');
  return conn;
}

/** Refreshes SQLite's planner statistics where row counts changed a lot; run after bulk writes and now and then. */
export function optimizeSqlite(handle: DbHandle): void {
  handle.sqlite?.pragma('optimize');
}

/**
 * Kysely prepares every query anew; with better-sqlite3 preparing costs about as much as running
 * a small query. Statements are reused by their SQL text (a bounded cache: IN lists of varying
 * length make distinct texts). Reuse is safe because better-sqlite3 runs each one synchronously.
 */
function withStatementCache(conn: SQLite.Database, max = 1000): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string): SQLite.Statement {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = conn.prepare(sql);
        if (cache.size >= max) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close: () => conn.close(),
  };
}

export function openDatabase(
  database: Config['database'],
  options: { pgSearchPath?: string; pgPoolSize?: number } = {},
): DbHandle {
  if (database.kind === 'sqlite') {
    const conn = openSqlite(database.path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(conn) }) });
    const reader: Reader = { file: database.path, conn: null, statements: new Map() };
    if (database.path !== ':memory:') readers.set(db, reader);
    return {
      db,
      dialect: 'sqlite',
      sqlite: conn,
      close: async () => {
        reader.conn?.close();
        reader.conn = null;
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: database.url,
    max: options.pgPoolSize ?? 10,
    ...(options.pgSearchPath ? { options: `-c search_path=${options.pgSearchPath}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
}

/**
 * A read built and compiled by Kysely once per database, then run with new parameters: for the
 * few queries of every request (credentials, the network version), where building the query tree
 * and compiling it to SQL cost more than running the indexed read itself. `build` receives
 * stand-ins for the arguments and must use each only as a value (never to choose the query's shape).
 * Reads only: on SQLite they run on the read-only connection above.
 */
interface Reader {
  file: string;
  conn: SQLite.Database | null;
  statements: Map<string, SQLite.Statement>;
}

/**
 * A read-only connection beside each SQLite database's main one (file databases only), opened on
 * first use by preparedQuery. Kysely's SQLite driver runs every query through one connection
 * behind an asynchronous lock; a read on a connection of its own runs at once. Under WAL it sees
 * exactly what is committed, as any other process would: never a transaction still open on the
 * main connection, never an old snapshot (each statement starts a new read).
 */
const readers = new WeakMap<Executor, Reader>();

function readerStatement(reader: Reader, sql: string): SQLite.Statement {
  if (!reader.conn) {
    reader.conn = new SQLite(reader.file, { readonly: true, fileMustExist: true });
    reader.conn.pragma('busy_timeout = 5000');
  }
  let stmt = reader.statements.get(sql);
  if (!stmt) {
    stmt = reader.conn.prepare(sql);
    reader.statements.set(sql, stmt);
  }
  return stmt;
}

export function preparedQuery<A extends unknown[], O>(
  build: (db: Executor, ...args: A) => Compilable<O>,
): (db: Executor, ...args: A) => Promise<O[]> {
  const compiled = new WeakMap<Executor, { query: CompiledQuery<O>; slots: number[] }>();
  return async (db, ...args) => {
    let c = compiled.get(db);
    if (!c) {
      const standIns = args.map((_, i) => `\u0000arg${i}\u0000`);
      const query = build(db, ...(standIns as A)).compile();
      const slots = query.parameters.map((p) => (typeof p === 'string' ? standIns.indexOf(p) : -1));
      if (new Set(slots.filter((i) => i >= 0)).size !== args.length)
        throw new Error('preparedQuery: every argument must be a value of the query');
      c = { query, slots };
      compiled.set(db, c);
    }
    const { query, slots } = c;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i] as number;
      return slot >= 0 ? args[slot] : p;
    });
    // On a SQLite file, outside a transaction (a transaction is another Executor): the read-only
    // connection. Inside one, or on PostgreSQL, through Kysely.
    const reader = readers.get(db);
    if (reader) return readerStatement(reader, query.sql).all(parameters) as O[];
    const result = await db.executeQuery<O>({ ...query, parameters });
    return result.rows;
  };
}
