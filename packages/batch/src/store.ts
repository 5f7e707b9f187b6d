import type { ScoreResult } from '@myotrace/detect';
import { MyoTraceError } from '@myotrace/errors';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type Generated, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { ManifestRow } from './manifest.js';
import type { RecordingFailure, ScoredRecording } from './score-row.js';
import type { BatchSettings } from './settings.js';

export type RecordingState = 'queued' | 'running' | 'done' | 'failed';

interface BatchesTable {
  id: string;
  name: string;
  settings_json: string;
  settings_hash: string;
  tool_version: string;
  created_at: string;
}

interface RecordingsTable {
  batch_id: string;
  recording_id: string;
  path: string;
  hypnogram: string | null;
  events: string | null;
  subject: string | null;
  cohort: string | null;
  state: RecordingState;
  content_hash: string | null;
  error_code: string | null;
  error_message: string | null;
  attempts: Generated<number>;
  updated_at: string;
}

interface ResultsTable {
  batch_id: string;
  recording_id: string;
  content_hash: string;
  settings_hash: string;
  tool_version: string;
  scored_at: string;
  elapsed_ms: number;
  result_json: string;
}

interface Schema {
  batches: BatchesTable;
  batch_recordings: RecordingsTable;
  batch_results: ResultsTable;
}

export interface BatchStatus {
  batchId: string;
  name: string;
  settingsHash: string;
  toolVersion: string;
  createdAt: string;
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  failures: RecordingFailure[];
}

/** One row of `myotrace batch export`: a recording with its indices, counts and provenance. */
export interface BatchResultRow {
  batchId: string;
  recordingId: string;
  subject: string | null;
  cohort: string | null;
  path: string;
  state: RecordingState;
  errorCode: string | null;
  errorMessage: string | null;
  contentHash: string | null;
  toolVersion: string | null;
  settingsHash: string;
  scoredAt: string | null;
  result: ScoreResult | null;
}

/**
 * Where batch progress and results live: PostgreSQL for distributed workers, or an SQLite file
 * for a local run. One schema for both; every result row is keyed by
 * (batch, recording, content hash, settings hash) so a retried or duplicated job adds nothing.
 */
export class BatchStore {
  private constructor(
    readonly db: Kysely<Schema>,
    readonly dialect: 'sqlite' | 'postgres',
  ) {}

  /** `postgres://...` or a path to an SQLite file (created when missing). */
  static async open(location: string): Promise<BatchStore> {
    const isPg = /^postgres(ql)?:\/\//i.test(location);
    const db = isPg
      ? new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location, max: 4 }) }) })
      : new Kysely<Schema>({ dialect: new SqliteDialect({ database: openSqlite(location) }) });
    const store = new BatchStore(db, isPg ? 'postgres' : 'sqlite');
    try {
      await store.migrate();
    } catch (err) {
      await db.destroy();
      throw new MyoTraceError('BATCH_DATABASE', `cannot open the results database: ${(err as Error).message}`, {
        hint: isPg ? 'check the postgres:// URL and that the server is running' : 'check that the folder is writable',
        cause: err,
      });
    }
    return store;
  }

  private async migrate(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // many workers may start at once: serialise the DDL on PostgreSQL
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7240081)`.execute(trx);
      await trx.schema
        .createTable('batches')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('settings_json', 'text', (c) => c.notNull())
        .addColumn('settings_hash', 'text', (c) => c.notNull())
        .addColumn('tool_version', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await trx.schema
        .createTable('batch_recordings')
        .ifNotExists()
        .addColumn('batch_id', 'text', (c) => c.notNull())
        .addColumn('recording_id', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('hypnogram', 'text')
        .addColumn('events', 'text')
        .addColumn('subject', 'text')
        .addColumn('cohort', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('batch_recordings_pk', ['batch_id', 'recording_id'])
        .execute();
      await trx.schema
        .createTable('batch_results')
        .ifNotExists()
        .addColumn('batch_id', 'text', (c) => c.notNull())
        .addColumn('recording_id', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('settings_hash', 'text', (c) => c.notNull())
        .addColumn('tool_version', 'text', (c) => c.notNull())
        .addColumn('scored_at', 'text', (c) => c.notNull())
        .addColumn('elapsed_ms', 'double precision', (c) => c.notNull())
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('batch_results_pk', ['batch_id', 'recording_id', 'content_hash', 'settings_hash'])
        .execute();
    });
  }

  /** Records the batch and its rows; rows already known keep their state (re-runs skip what is done). */
  async registerBatch(
    batch: { id: string; name: string; settings: BatchSettings; settingsHash: string },
    rows: readonly ManifestRow[],
  ): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('batches')
        .values({
          id: batch.id,
          name: batch.name,
          settings_json: JSON.stringify(batch.settings),
          settings_hash: batch.settingsHash,
          tool_version: batch.settings.toolVersion,
          created_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200).map((r) => ({
          batch_id: batch.id,
          recording_id: r.id,
          path: r.path,
          hypnogram: r.hypnogram ?? null,
          events: r.events ?? null,
          subject: r.subject ?? null,
          cohort: r.cohort ?? null,
          state: 'queued' as const,
          content_hash: null,
          error_code: null,
          error_message: null,
          updated_at: now,
        }));
        await trx
          .insertInto('batch_recordings')
          .values(chunk)
          .onConflict((oc) => oc.columns(['batch_id', 'recording_id']).doNothing())
          .execute();
      }
    });
  }

  /** Recordings of the batch that still need scoring (not done). Failed ones are retried on a re-run. */
  async pendingIds(batchId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('batch_recordings')
      .select('recording_id')
      .where('batch_id', '=', batchId)
      .where('state', '!=', 'done')
      .execute();
    return new Set(rows.map((r) => r.recording_id));
  }

  async markRunning(batchId: string, recordingId: string): Promise<void> {
    await this.db
      .updateTable('batch_recordings')
      .set({ state: 'running', attempts: sql`attempts + 1`, updated_at: new Date().toISOString() })
      .where('batch_id', '=', batchId)
      .where('recording_id', '=', recordingId)
      .where('state', '!=', 'done')
      .execute();
  }

  /** Back to the queue (a worker shut down before finishing it). */
  async markQueued(batchId: string, recordingId: string): Promise<void> {
    await this.db
      .updateTable('batch_recordings')
      .set({ state: 'queued', updated_at: new Date().toISOString() })
      .where('batch_id', '=', batchId)
      .where('recording_id', '=', recordingId)
      .where('state', '!=', 'done')
      .execute();
  }

  async markFailed(batchId: string, failure: RecordingFailure): Promise<void> {
    await this.db
      .updateTable('batch_recordings')
      .set({ state: 'failed', error_code: failure.code, error_message: failure.message, updated_at: new Date().toISOString() })
      .where('batch_id', '=', batchId)
      .where('recording_id', '=', failure.id)
      .where('state', '!=', 'done')
      .execute();
  }

  /**
   * Writes a scored night and marks it done in one transaction. Returns false when an identical
   * result (same recording, content and settings) was already stored: nothing is added twice.
   */
  async saveResult(batchId: string, settingsHash: string, scored: ScoredRecording): Promise<boolean> {
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const ins = await trx
        .insertInto('batch_results')
        .values({
          batch_id: batchId,
          recording_id: scored.id,
          content_hash: scored.contentHash,
          settings_hash: settingsHash,
          tool_version: scored.result.tool.version,
          scored_at: now,
          elapsed_ms: scored.elapsedMs,
          result_json: JSON.stringify(scored.result),
        })
        .onConflict((oc) => oc.columns(['batch_id', 'recording_id', 'content_hash', 'settings_hash']).doNothing())
        .executeTakeFirst();
      await trx
        .updateTable('batch_recordings')
        .set({ state: 'done', content_hash: scored.contentHash, error_code: null, error_message: null, updated_at: now })
        .where('batch_id', '=', batchId)
        .where('recording_id', '=', scored.id)
        .execute();
      return Number(ins.numInsertedOrUpdatedRows ?? 0n) > 0;
    });
  }

  /** A batch id, or a batch name (its most recent result set). */
  async resolveBatch(nameOrId: string): Promise<BatchesTable> {
    const exact = await this.db.selectFrom('batches').selectAll().where('id', '=', nameOrId).executeTakeFirst();
    if (exact) return exact;
    const byName = await this.db
      .selectFrom('batches')
      .selectAll()
      .where('name', '=', nameOrId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (byName) return byName;
    throw new MyoTraceError('BATCH_NOT_FOUND', `no batch "${nameOrId}" in this results database`, {
      hint: 'run `myotrace batch list` to see the batches, or give the same --database as the run',
    });
  }

  async listBatches(): Promise<BatchStatus[]> {
    const batches = await this.db.selectFrom('batches').select('id').orderBy('created_at', 'desc').execute();
    return Promise.all(batches.map((b) => this.status(b.id)));
  }

  async status(nameOrId: string): Promise<BatchStatus> {
    const batch = await this.resolveBatch(nameOrId);
    const counts = await this.db
      .selectFrom('batch_recordings')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('batch_id', '=', batch.id)
      .groupBy('state')
      .execute();
    const by = (s: RecordingState) => Number(counts.find((c) => c.state === s)?.n ?? 0);
    const failures = await this.db
      .selectFrom('batch_recordings')
      .select(['recording_id', 'error_code', 'error_message'])
      .where('batch_id', '=', batch.id)
      .where('state', '=', 'failed')
      .orderBy('recording_id')
      .execute();
    return {
      batchId: batch.id,
      name: batch.name,
      settingsHash: batch.settings_hash,
      toolVersion: batch.tool_version,
      createdAt: batch.created_at,
      total: counts.reduce((a, c) => a + Number(c.n), 0),
      queued: by('queued'),
      running: by('running'),
      done: by('done'),
      failed: by('failed'),
      failures: failures.map((f) => ({ id: f.recording_id, code: f.error_code ?? 'UNKNOWN', message: f.error_message ?? '' })),
    };
  }

  async results(nameOrId: string): Promise<BatchResultRow[]> {
    const batch = await this.resolveBatch(nameOrId);
    const rows = await this.db
      .selectFrom('batch_recordings as r')
      .leftJoin('batch_results as s', (j) =>
        j
          .onRef('s.batch_id', '=', 'r.batch_id')
          .onRef('s.recording_id', '=', 'r.recording_id')
          .onRef('s.content_hash', '=', 'r.content_hash')
          .on('s.settings_hash', '=', batch.settings_hash),
      )
      .select([
        'r.recording_id',
        'r.subject',
        'r.cohort',
        'r.path',
        'r.state',
        'r.error_code',
        'r.error_message',
        'r.content_hash',
        's.tool_version',
        's.scored_at',
        's.result_json',
      ])
      .where('r.batch_id', '=', batch.id)
      .orderBy('r.recording_id')
      .execute();
    return rows.map((r) => ({
      batchId: batch.id,
      recordingId: r.recording_id,
      subject: r.subject,
      cohort: r.cohort,
      path: r.path,
      state: r.state,
      errorCode: r.error_code,
      errorMessage: r.error_message,
      contentHash: r.content_hash,
      toolVersion: r.tool_version ?? null,
      settingsHash: batch.settings_hash,
      scoredAt: r.scored_at ?? null,
      result: r.result_json ? (JSON.parse(r.result_json) as ScoreResult) : null,
    }));
  }

  /** Every stored result row of a batch, duplicates included: for the exactly-once tests. */
  async resultCount(batchId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('batch_results')
      .select(['recording_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('batch_id', '=', batchId)
      .groupBy('recording_id')
      .execute();
    return new Map(rows.map((r) => [r.recording_id, Number(r.n)]));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function openSqlite(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
