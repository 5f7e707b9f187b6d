/**
 * Diary storage for every entry kind: idempotent create by client UUID, versioned updates with history, soft
 * delete reversible for 30 days. One generic table keeps one code path for ten kinds on both databases.
 */
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../http/access.js';
import { ApiError, conflict, notFound } from '../http/errors.js';
import type { Actor } from '../schemas/common.js';
import { DIARY_KINDS, type DiaryKind, type HistoryItem } from '../schemas/diary.js';
import { EntrySnapshots, type Fingerprint } from './snapshot.js';

export const RESTORE_WINDOW_DAYS = 30;

export type StoredEntry = Record<string, unknown> & {
  id: string;
  patientId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  recordedBy: Actor;
};

/** Key-order-independent JSON, so a retried body compares equal to the stored one. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** UTC instant and the person's own local date for a time field (instant with offset, or a plain date). */
export function timeKeys(value: string): { occurredAt: string; localDate: string } {
  if (value.length === 10) return { occurredAt: `${value}T00:00:00.000Z`, localDate: value };
  return { occurredAt: new Date(value).toISOString(), localDate: value.slice(0, 10) };
}

function timeOf(kind: DiaryKind, data: Record<string, unknown>): { occurredAt: string; localDate: string } {
  return timeKeys(String(data[DIARY_KINDS[kind].timeField]));
}

interface Row {
  id: string;
  patient_id: string;
  kind: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  recorded_by: string;
}

export class DiaryStore {
  private readonly actorCache = new Map<string, Actor>();
  private readonly snapshots: EntrySnapshots;
  constructor(private readonly db: Db) {
    this.snapshots = new EntrySnapshots(db);
  }

  private async actors(ids: Iterable<string>): Promise<Map<string, Actor>> {
    const missing = [...new Set(ids)].filter((id) => !this.actorCache.has(id));
    if (missing.length) {
      const rows = await this.db.kysely.selectFrom('users').select(['id', 'name', 'role']).where('id', 'in', missing).execute();
      for (const r of rows) this.actorCache.set(r.id, { id: r.id, name: r.name, role: r.role });
    }
    const out = new Map<string, Actor>();
    for (const id of ids) out.set(id, this.actorCache.get(id) ?? { id, name: 'unknown', role: 'patient' });
    return out;
  }

  private toEntry(r: Row, actors: Map<string, Actor>): StoredEntry {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    return {
      ...data,
      id: r.id,
      patientId: r.patient_id,
      version: Number(r.version),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
      recordedBy: actors.get(r.recorded_by) ?? { id: r.recorded_by, name: 'unknown', role: 'patient' },
    };
  }

  private async row(patientId: string, id: string): Promise<Row | undefined> {
    return this.db.kysely.selectFrom('entries').selectAll().where('patient_id', '=', patientId).where('id', '=', id).executeTakeFirst();
  }

  async get(patientId: string, kind: DiaryKind, id: string): Promise<StoredEntry> {
    const r = await this.row(patientId, id);
    if (!r || r.kind !== kind) throw notFound('entry');
    return this.toEntry(r, await this.actors([r.recorded_by]));
  }

  private insertTx: ((...args: string[]) => void) | null = null;

  /**
   * The hot path of every diary write on SQLite: both inserts as prepared statements in one synchronous
   * better-sqlite3 transaction (a third of the per-write cost of going through Kysely's async transaction).
   * Returns false, for the Kysely path, on PostgreSQL or while a Kysely transaction is open on the connection
   * (its statements would otherwise join that transaction).
   */
  private insertRaw(patientId: string, kind: string, id: string, t: { occurredAt: string; localDate: string }, json: string, now: string, actorId: string): boolean {
    const raw = this.db.sqlite;
    if (!raw || raw.inTransaction) return false;
    if (!this.insertTx) {
      const entry = raw.prepare(
        'insert into entries (patient_id, id, kind, occurred_at, local_date, data, version, created_at, updated_at, deleted_at, recorded_by) values (?, ?, ?, ?, ?, ?, 1, ?, ?, null, ?)',
      );
      const hist = raw.prepare("insert into entry_history (patient_id, entry_id, version, op, data, changed_at, changed_by) values (?, ?, 1, 'create', ?, ?, ?)");
      this.insertTx = raw.transaction((pid: string, k: string, eid: string, occ: string, local: string, data: string, at: string, by: string) => {
        entry.run(pid, eid, k, occ, local, data, at, at, by);
        hist.run(pid, eid, data, at, by);
      }) as unknown as (...args: string[]) => void;
    }
    this.insertTx(patientId, kind, id, t.occurredAt, t.localDate, json, now, actorId);
    return true;
  }

  /** Create; the same id with the same content returns the stored entry (created=false). */
  async create(patientId: string, kind: DiaryKind, data: Record<string, unknown> & { id: string }, actor: Actor): Promise<{ entry: StoredEntry; created: boolean }> {
    const json = canonicalJson(data);
    // insert first: a retry (the rare case) is detected by the primary key, saving a read on every new entry
    const now = new Date().toISOString();
    const t = timeOf(kind, data);
    try {
      if (!this.insertRaw(patientId, kind, data.id, t, json, now, actor.id)) {
        await this.db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('entries')
          .values({ patient_id: patientId, id: data.id, kind, occurred_at: t.occurredAt, local_date: t.localDate, data: json, version: 1, created_at: now, updated_at: now, deleted_at: null, recorded_by: actor.id })
          .execute();
        await trx.insertInto('entry_history').values({ patient_id: patientId, entry_id: data.id, version: 1, op: 'create', data: json, changed_at: now, changed_by: actor.id }).execute();
        });
      }
    } catch (err) {
      // a concurrent retry of the same entry won the race: answer as for a retry
      if (!isUniqueViolation(err)) throw err;
      const again = await this.row(patientId, data.id);
      if (!again) throw err;
      return this.sameOrConflict(again, kind, json);
    }
    this.actorCache.set(actor.id, actor);
    return {
      entry: { ...data, patientId, version: 1, createdAt: now, updatedAt: now, deletedAt: null, recordedBy: actor },
      created: true,
    };
  }

  private async sameOrConflict(r: Row, kind: DiaryKind, json: string): Promise<{ entry: StoredEntry; created: boolean }> {
    if (r.kind === kind && r.data === json) return { entry: this.toEntry(r, await this.actors([r.recorded_by])), created: false };
    throw conflict('an entry with this id already exists with different content; use PUT to change it');
  }

  async update(patientId: string, kind: DiaryKind, id: string, data: Record<string, unknown> & { id: string }, actor: Actor, baseVersion?: number): Promise<{ entry: StoredEntry; created: boolean }> {
    const existing = await this.row(patientId, id);
    if (!existing) return this.create(patientId, kind, { ...data, id }, actor);
    if (existing.kind !== kind) throw conflict('this id belongs to a different kind of entry');
    if (baseVersion !== undefined && baseVersion !== Number(existing.version)) {
      throw conflict('the entry was changed elsewhere; reload and apply your change again', {
        current: this.toEntry(existing, await this.actors([existing.recorded_by])),
      });
    }
    const json = canonicalJson({ ...data, id });
    if (json === existing.data) return { entry: this.toEntry(existing, await this.actors([existing.recorded_by])), created: false };
    const now = new Date().toISOString();
    const version = Number(existing.version) + 1;
    const t = timeOf(kind, data);
    await this.db.kysely.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('entries')
        .set({ data: json, version, updated_at: now, occurred_at: t.occurredAt, local_date: t.localDate })
        .where('patient_id', '=', patientId)
        .where('id', '=', id)
        .where('version', '=', Number(existing.version))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('the entry was changed concurrently; retry');
      await trx.insertInto('entry_history').values({ patient_id: patientId, entry_id: id, version, op: 'update', data: json, changed_at: now, changed_by: actor.id }).execute();
    });
    return { entry: await this.get(patientId, kind, id), created: false };
  }

  async remove(patientId: string, kind: DiaryKind, id: string, actor: Actor): Promise<StoredEntry> {
    return this.setDeleted(patientId, kind, id, actor, true);
  }

  async restore(patientId: string, kind: DiaryKind, id: string, actor: Actor, now = new Date()): Promise<StoredEntry> {
    const r = await this.row(patientId, id);
    if (!r || r.kind !== kind) throw notFound('entry');
    if (r.deleted_at && now.getTime() - Date.parse(r.deleted_at) > RESTORE_WINDOW_DAYS * 86_400_000) {
      throw new ApiError(410, 'API_GONE', `deleted more than ${RESTORE_WINDOW_DAYS} days ago; it can no longer be restored`);
    }
    return this.setDeleted(patientId, kind, id, actor, false);
  }

  private async setDeleted(patientId: string, kind: DiaryKind, id: string, actor: Actor, deleted: boolean): Promise<StoredEntry> {
    const r = await this.row(patientId, id);
    if (!r || r.kind !== kind) throw notFound('entry');
    if ((r.deleted_at !== null) === deleted) return this.toEntry(r, await this.actors([r.recorded_by]));
    const now = new Date().toISOString();
    const version = Number(r.version) + 1;
    await this.db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('entries').set({ deleted_at: deleted ? now : null, version, updated_at: now }).where('patient_id', '=', patientId).where('id', '=', id).execute();
      await trx
        .insertInto('entry_history')
        .values({ patient_id: patientId, entry_id: id, version, op: deleted ? 'delete' : 'restore', data: r.data, changed_at: now, changed_by: actor.id })
        .execute();
    });
    return this.get(patientId, kind, id);
  }

  async history(patientId: string, kind: DiaryKind, id: string): Promise<HistoryItem[]> {
    await this.get(patientId, kind, id);
    const rows = await this.db.kysely.selectFrom('entry_history').selectAll().where('patient_id', '=', patientId).where('entry_id', '=', id).orderBy('version').execute();
    const actors = await this.actors(rows.map((r) => r.changed_by));
    return rows.map((r) => ({
      version: Number(r.version),
      data: JSON.parse(r.data) as Record<string, unknown>,
      changedAt: r.changed_at,
      changedBy: actors.get(r.changed_by) as Actor,
      op: r.op,
    }));
  }

  /** Entries of one kind, newest first. `from`/`to` are dates (local, inclusive) or instants. */
  async list(
    patientId: string,
    kind: DiaryKind,
    q: { from?: string; to?: string; includeDeleted?: boolean; limit?: number; offset?: number } = {},
  ): Promise<{ items: StoredEntry[]; total: number }> {
    let query = this.db.kysely.selectFrom('entries').where('patient_id', '=', patientId).where('kind', '=', kind);
    if (!q.includeDeleted) query = query.where('deleted_at', 'is', null);
    if (q.from) query = q.from.length === 10 ? query.where('local_date', '>=', q.from) : query.where('occurred_at', '>=', new Date(q.from).toISOString());
    if (q.to) query = q.to.length === 10 ? query.where('local_date', '<=', q.to) : query.where('occurred_at', '<=', new Date(q.to).toISOString());
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('occurred_at', 'desc').orderBy('id').limit(q.limit ?? 100_000).offset(q.offset ?? 0).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    const actors = await this.actors(rows.map((r) => r.recorded_by));
    return { items: rows.map((r) => this.toEntry(r, actors)), total: Number(count?.n ?? 0) };
  }

  /**
   * Raw data of live entries of a kind in a local-date range, in time order (for insights and reports; no actor
   * lookup). Served from the parsed-entry snapshot (snapshot.ts); the objects are shared: callers must not mutate.
   */
  async data<T = Record<string, unknown>>(patientId: string, kind: DiaryKind, from?: string, to?: string): Promise<T[]> {
    return this.snapshots.data<T>(patientId, await this.fingerprintParts(patientId), kind, from, to);
  }

  /** The same straight from the database (tests compare the snapshot against it). */
  async dataUncached<T = Record<string, unknown>>(patientId: string, kind: DiaryKind, from?: string, to?: string): Promise<T[]> {
    let query = this.db.kysely.selectFrom('entries').select('data').where('patient_id', '=', patientId).where('kind', '=', kind).where('deleted_at', 'is', null);
    if (from) query = query.where('local_date', '>=', from);
    if (to) query = query.where('local_date', '<=', to);
    const rows = await query.orderBy('occurred_at').execute();
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  /**
   * Inserts many new entries in one transaction (demo seed, FHIR import). Entries whose id already exists for the
   * patient are skipped, so a repeated import adds nothing twice. Returns how many were inserted.
   */
  async bulkInsert(patientId: string, kind: DiaryKind, items: (Record<string, unknown> & { id: string })[], actor: Actor, at = new Date().toISOString()): Promise<number> {
    if (items.length === 0) return 0;
    const existing = new Set(
      (await this.db.kysely.selectFrom('entries').select('id').where('patient_id', '=', patientId).where('id', 'in', items.map((i) => i.id)).execute()).map((r) => r.id),
    );
    const fresh = items.filter((i) => !existing.has(i.id));
    await this.db.kysely.transaction().execute(async (trx) => {
      for (let k = 0; k < fresh.length; k += 200) {
        const chunk = fresh.slice(k, k + 200).map((d) => ({ d, json: canonicalJson(d), t: timeOf(kind, d) }));
        await trx
          .insertInto('entries')
          .values(chunk.map(({ d, json, t }) => ({ patient_id: patientId, id: d.id, kind, occurred_at: t.occurredAt, local_date: t.localDate, data: json, version: 1, created_at: at, updated_at: at, deleted_at: null, recorded_by: actor.id })))
          .execute();
        await trx
          .insertInto('entry_history')
          .values(chunk.map(({ d, json }) => ({ patient_id: patientId, entry_id: d.id, version: 1, op: 'create' as const, data: json, changed_at: at, changed_by: actor.id })))
          .execute();
      }
    });
    return fresh.length;
  }

  /** Changes whenever any entry of the patient is created, edited, deleted or restored (any process). */
  async fingerprint(patientId: string): Promise<string> {
    const r = await this.fingerprintParts(patientId);
    // every edit, delete and restore raises a version, so the sum moves even within one millisecond
    return `${r.n}|${r.v}|${r.last}`;
  }

  async fingerprintParts(patientId: string): Promise<Fingerprint> {
    const r = await this.db.kysely
      .selectFrom('entries')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last'), eb.fn.sum<number>('version').as('v')])
      .where('patient_id', '=', patientId)
      .executeTakeFirst();
    return { n: Number(r?.n ?? 0), v: Number(r?.v ?? 0), last: String(r?.last ?? '') };
  }

  async countAll(patientId: string): Promise<number> {
    const r = await this.db.kysely.selectFrom('entries').select((eb) => eb.fn.countAll<number>().as('n')).where('patient_id', '=', patientId).executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
