// IndexedDB (Dexie) on the device: the outbox, a local copy of the diary (so it shows offline), and preferences.
import Dexie, { type Table } from 'dexie';
import type { Episode } from '../domain.js';
import type { OutboxItem, OutboxStore } from './outbox.js';

export interface LocalEpisode extends Episode {
  /** 'pending' until the server has it; 'deleted' is a local soft delete awaiting sync. */
  syncState: 'synced' | 'pending' | 'conflict' | 'deleted';
}

export interface Pref {
  key: string;
  value: unknown;
}

export class MyoTraceDb extends Dexie {
  outbox!: Table<OutboxItem, number>;
  episodes!: Table<LocalEpisode, string>;
  prefs!: Table<Pref, string>;
  cache!: Table<{ key: string; value: unknown; at: string }, string>;

  constructor(name = 'myotrace') {
    super(name);
    this.version(1).stores({
      outbox: '++seq, state, entityId',
      episodes: 'id, patientId, startedAt, syncState',
      prefs: 'key',
      cache: 'key',
    });
  }
}

export const db = new MyoTraceDb();

export class DexieOutboxStore implements OutboxStore {
  constructor(private readonly d: MyoTraceDb = db) {}
  pending(): Promise<OutboxItem[]> {
    return this.d.outbox.where('state').equals('pending').sortBy('seq');
  }
  put(item: OutboxItem): Promise<number> {
    const { seq: _omit, ...rest } = item;
    return this.d.outbox.add(rest as OutboxItem);
  }
  async remove(seq: number): Promise<void> {
    await this.d.outbox.delete(seq);
  }
  async update(seq: number, patch: Partial<OutboxItem>): Promise<void> {
    await this.d.outbox.update(seq, patch);
  }
}

export const outboxStore = new DexieOutboxStore();

export async function getPref<T>(key: string, fallback: T): Promise<T> {
  const row = await db.prefs.get(key);
  return row ? (row.value as T) : fallback;
}
export async function setPref(key: string, value: unknown): Promise<void> {
  await db.prefs.put({ key, value });
}

/** Cache of server reads (insights, medicines…) so screens show something offline. */
export async function cached<T>(key: string, load: () => Promise<T>): Promise<{ value: T; stale: boolean }> {
  try {
    const value = await load();
    await db.cache.put({ key, value, at: new Date().toISOString() });
    return { value, stale: false };
  } catch (e) {
    const row = await db.cache.get(key);
    if (row) return { value: row.value as T, stale: true };
    throw e;
  }
}
