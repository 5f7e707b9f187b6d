import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
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

/**
 * WAL checkpoints off the request path. With synchronous=NORMAL a commit only appends to the WAL (no fsync); the
 * checkpoint that copies the WAL back into the database file fsyncs both files, and run by the writing connection
 * (SQLite's auto-checkpoint) it stalled one write in ~150 for tens of milliseconds: measured 250 µs per episode
 * transaction with auto-checkpoints against 95 µs without fsyncs. A worker thread with its own connection runs
 * PASSIVE checkpoints, which never block the writer; the writer's auto-checkpoint stays on at a high threshold as
 * a backstop should the worker stop.
 */
const CHECKPOINT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

function startCheckpointer(path: string, intervalMs = 250): { stop(): Promise<void> } {
  const worker = new Worker(CHECKPOINT_WORKER, { eval: true, workerData: { path, intervalMs, module: createRequire(import.meta.url).resolve('better-sqlite3') } });
  worker.unref();
  let exited = false;
  const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('exit', () => {
    exited = true;
  });
  worker.on('error', () => undefined); // the writer's backstop auto-checkpoint takes over
  return {
    async stop() {
      if (exited) return;
      // keep the process alive while waiting: with only unref'd handles left, Node would exit mid-shutdown
      // (exit code 13, an unsettled top-level await in the CLI) before the database is closed
      worker.ref();
      worker.postMessage('stop');
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([done, new Promise((r) => { timer = setTimeout(r, 2000); })]);
      clearTimeout(timer);
      if (!exited) await worker.terminate();
    },
  };
}

/** Opens SQLite in WAL mode. synchronous=NORMAL keeps every committed transaction across a process crash. */
export async function openSqlite(path: string): Promise<Db> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // reads of the insights path and index pages of the write path from the page cache without read() calls
  raw.pragma('mmap_size = 268435456');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  await migrateToLatest(kysely as Kysely<unknown>);
  let checkpointer: { stop(): Promise<void> } | null = null;
  if (path !== ':memory:' && process.env.MYOTRACE_SQLITE_CHECKPOINT_WORKER !== '0') {
    raw.pragma('wal_autocheckpoint = 20000');
    checkpointer = startCheckpointer(path);
  }
  return {
    kysely,
    kind: 'sqlite',
    sqlite: raw,
    close: async () => {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
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
