// The outbox: every change a person makes is written here (on the device) before anything is sent.
// Sync replays it in order. The server is idempotent by entity UUID, so replaying after a lost response
// never duplicates an entry. Pure logic over an OutboxStore so that it is testable without IndexedDB.

export type OutboxState = 'pending' | 'conflict' | 'failed';

export interface OutboxItem {
  seq?: number;
  entity: 'episode' | 'dose' | 'sleep' | 'exercise' | 'event';
  entityId: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  error?: string | null;
  /** On a conflict: what the server holds now (shown to the person). */
  serverCopy?: unknown;
}

export interface OutboxStore {
  pending(): Promise<OutboxItem[]>; // state 'pending', ascending seq
  put(item: OutboxItem): Promise<number>;
  remove(seq: number): Promise<void>;
  update(seq: number, patch: Partial<OutboxItem>): Promise<void>;
}

export type SendResult =
  | { kind: 'ok'; body?: unknown }
  | { kind: 'conflict'; serverCopy?: unknown; message: string }
  | { kind: 'rejected'; message: string } // 4xx other than conflict: the change itself is wrong
  | { kind: 'offline'; message: string } // network error or 5xx: retry later
  | { kind: 'unauthenticated'; message: string };

export type Sender = (item: OutboxItem) => Promise<SendResult>;

export interface SyncReport {
  sent: number;
  conflicts: number;
  rejected: number;
  stoppedOffline: boolean;
  results: { item: OutboxItem; result: SendResult }[];
}

/** Queue a change; a later upsert of the same entity replaces an unsent earlier one (one request, last write). */
export async function enqueue(store: OutboxStore, item: Omit<OutboxItem, 'state' | 'attempts' | 'createdAt'> & { createdAt?: string }): Promise<number> {
  const pending = await store.pending();
  if (item.method !== 'DELETE') {
    const same = pending.find((p) => p.entityId === item.entityId && p.method === item.method && p.path === item.path);
    if (same?.seq !== undefined) {
      await store.update(same.seq, { body: item.body });
      return same.seq;
    }
  }
  return store.put({ ...item, createdAt: item.createdAt ?? new Date().toISOString(), state: 'pending', attempts: 0 });
}

/** Send pending items in order until done or the connection is gone. Never runs two at once per store. */
const running = new WeakMap<OutboxStore, Promise<SyncReport>>();
export function syncOutbox(store: OutboxStore, send: Sender): Promise<SyncReport> {
  const existing = running.get(store);
  if (existing) return existing;
  const p = drain(store, send).finally(() => running.delete(store));
  running.set(store, p);
  return p;
}

async function drain(store: OutboxStore, send: Sender): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, conflicts: 0, rejected: 0, stoppedOffline: false, results: [] };
  for (const item of await store.pending()) {
    const seq = item.seq as number;
    let result: SendResult;
    try {
      result = await send(item);
    } catch (e) {
      result = { kind: 'offline', message: e instanceof Error ? e.message : String(e) };
    }
    report.results.push({ item, result });
    if (result.kind === 'ok') {
      await store.remove(seq);
      report.sent++;
    } else if (result.kind === 'conflict') {
      await store.update(seq, { state: 'conflict', serverCopy: result.serverCopy, error: result.message, attempts: item.attempts + 1 });
      report.conflicts++;
    } else if (result.kind === 'rejected') {
      await store.update(seq, { state: 'failed', error: result.message, attempts: item.attempts + 1 });
      report.rejected++;
    } else {
      // offline / unauthenticated: keep it pending and stop; order matters (create before edit before delete).
      await store.update(seq, { attempts: item.attempts + 1, error: result.message });
      report.stoppedOffline = true;
      break;
    }
  }
  return report;
}

/** In-memory store (tests, and a fallback where IndexedDB is unavailable). */
export class MemoryOutboxStore implements OutboxStore {
  private items = new Map<number, OutboxItem>();
  private next = 1;
  async pending(): Promise<OutboxItem[]> {
    return [...this.items.values()].filter((i) => i.state === 'pending').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map((i) => ({ ...i }));
  }
  async all(): Promise<OutboxItem[]> {
    return [...this.items.values()].map((i) => ({ ...i }));
  }
  async put(item: OutboxItem): Promise<number> {
    const seq = this.next++;
    this.items.set(seq, { ...item, seq });
    return seq;
  }
  async remove(seq: number): Promise<void> {
    this.items.delete(seq);
  }
  async update(seq: number, patch: Partial<OutboxItem>): Promise<void> {
    const cur = this.items.get(seq);
    if (cur) this.items.set(seq, { ...cur, ...patch });
  }
}
