import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import type { Database } from './types.js';

export type DbKind = 'sqlite' | 'postgres';
export interface Db {
  kysely: Kysely<Database>;
  kind: DbKind;
  /** The raw better-sqlite3 handle (SQLite only), for online backup. */
  sqlite: BetterSqlite3.Database | null;
  close(): Promise<void>;
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query on SQLite. Kysely runs one
 * query at a time on its single SQLite connection, so a prepared statement can be reused safely.
 */
function withStatementCache(raw: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (sql: string) => {
          let st = cache.get(sql);
          if (!st) {
            st = target.prepare(sql);
            if (cache.size >= 1000) cache.delete(cache.keys().next().value as string);
            cache.set(sql, st);
          }
          return st;
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** Opens SQLite in WAL mode. synchronous=NORMAL keeps every committed transaction across a process crash. */
export async function openSqlite(path: string): Promise<Db> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  await migrateToLatest(kysely as Kysely<unknown>);
  return { kysely, kind: 'sqlite', sqlite: raw, close: () => kysely.destroy() };
}

export async function openPostgres(url: string, opts: { schema?: string } = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // a private schema lets tests run in parallel on one server without touching each other
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  if (opts.schema) {
    const c = await pool.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema.replace(/"/g, '')}"`);
    } finally {
      c.release();
    }
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(kysely as Kysely<unknown>);
  return { kysely, kind: 'postgres', sqlite: null, close: () => kysely.destroy() };
}

/** DATABASE_URL wins; otherwise SQLite at `<dataDir>/myotrace.db`. */
export async function openDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openSqlite(`${opts.dataDir.replace(/\/$/, '')}/myotrace.db`);
}
