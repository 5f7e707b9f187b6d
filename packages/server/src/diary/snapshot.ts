/**
 * Parsed diary entries per patient, kept between requests so that insights after a write parse only what changed
 * instead of every entry (20,000 episodes: the JSON parse and row fetch were most of a cold insights request).
 *
 * Freshness comes from the database, so writes by other server processes are seen: each use reads the patient's
 * fingerprint (count, sum of versions, last change, one indexed query); if it moved, the rows changed since the
 * last seen change are fetched (`updated_at >=` it, through the entries_patient_updated index) and merged by id and
 * version. Every create, edit, delete and restore raises the count or the version sum, so the merged snapshot must
 * match both; if it does not (rows removed, or written with an older timestamp, e.g. an import with a past `at`),
 * the patient is reloaded in full.
 */
import type { Db } from '../db/connect.js';

interface SnapRow {
  kind: string;
  occurredAt: string;
  localDate: string;
  version: number;
  deleted: boolean;
  data: unknown;
}

interface Snapshot {
  n: number;
  v: number;
  last: string;
  rows: Map<string, SnapRow>;
  versionSum: number;
  /** Live rows per kind in occurred-at order, built on first use after a change. */
  sorted: Map<string, SnapRow[]>;
}

export interface Fingerprint {
  n: number;
  v: number;
  last: string;
}

export class EntrySnapshots {
  private readonly snaps = new Map<string, Snapshot>();

  constructor(
    private readonly db: Db,
    private readonly maxPatients = 16,
  ) {}

  /** Live entries of one kind with a local date in [from, to] (inclusive, either optional), in time order. */
  async data<T>(patientId: string, fp: Fingerprint, kind: string, from?: string, to?: string): Promise<T[]> {
    const snap = await this.fresh(patientId, fp);
    let list = snap.sorted.get(kind);
    if (!list) {
      list = [];
      for (const r of snap.rows.values()) if (r.kind === kind && !r.deleted) list.push(r);
      list.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
      snap.sorted.set(kind, list);
    }
    const out: T[] = [];
    for (const r of list) if ((!from || r.localDate >= from) && (!to || r.localDate <= to)) out.push(r.data as T);
    return out;
  }

  private async fresh(patientId: string, fp: Fingerprint): Promise<Snapshot> {
    let snap = this.snaps.get(patientId);
    if (snap && snap.n === fp.n && snap.v === fp.v && snap.last === fp.last) return snap;
    if (snap) {
      const changed = await this.rows(patientId, snap.last);
      for (const [id, r] of changed) {
        const old = snap.rows.get(id);
        if (old && old.version >= r.version) continue;
        snap.versionSum += r.version - (old?.version ?? 0);
        snap.rows.set(id, r);
      }
      snap.sorted.clear();
      if (snap.rows.size !== fp.n || snap.versionSum !== fp.v) snap = undefined;
    }
    if (!snap) {
      const rows = await this.rows(patientId, null);
      let versionSum = 0;
      for (const r of rows.values()) versionSum += r.version;
      snap = { n: fp.n, v: fp.v, last: fp.last, rows, versionSum, sorted: new Map() };
    }
    snap.n = fp.n;
    snap.v = fp.v;
    snap.last = fp.last;
    // most recently used last, so the first key is the one to evict
    this.snaps.delete(patientId);
    this.snaps.set(patientId, snap);
    if (this.snaps.size > this.maxPatients) this.snaps.delete(this.snaps.keys().next().value as string);
    return snap;
  }

  private async rows(patientId: string, since: string | null): Promise<Map<string, SnapRow>> {
    let q = this.db.kysely
      .selectFrom('entries')
      .select(['id', 'kind', 'occurred_at', 'local_date', 'version', 'deleted_at', 'data'])
      .where('patient_id', '=', patientId);
    if (since !== null) q = q.where('updated_at', '>=', since);
    const out = new Map<string, SnapRow>();
    for (const r of await q.execute()) {
      out.set(r.id, { kind: r.kind, occurredAt: r.occurred_at, localDate: r.local_date, version: Number(r.version), deleted: r.deleted_at !== null, data: JSON.parse(r.data) });
    }
    return out;
  }
}
