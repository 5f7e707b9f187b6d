// Sync between the device (Dexie) and the server: the HTTP sender for the outbox, the diary repository used by
// the screens (write locally first, then queue), and merging of server lists into the local copy.
import { API_BASE, getCsrfToken, request } from '../api/http.js';
import type { Episode, EpisodeInput } from '../domain.js';
import { db, type LocalEpisode, outboxStore } from './db.js';
import { enqueue, type OutboxItem, type SendResult, type SyncReport, syncOutbox } from './outbox.js';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Maps one HTTP exchange onto the outbox's outcomes. */
export function httpSender(fetchImpl: FetchLike = (i, init) => fetch(i, init), csrf: () => string | null = getCsrfToken) {
  return async (item: OutboxItem): Promise<SendResult> => {
    let res: Response;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      const token = csrf();
      if (token) headers['x-csrf-token'] = token;
      if (item.body !== undefined) headers['content-type'] = 'application/json';
      res = await fetchImpl(`${API_BASE}${item.path}`, {
        method: item.method,
        headers,
        credentials: 'same-origin',
        body: item.body === undefined ? undefined : JSON.stringify(item.body),
      });
    } catch (e) {
      return { kind: 'offline', message: String(e) };
    }
    const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string; current?: unknown } } | undefined;
    if (res.ok) return { kind: 'ok', body };
    const message = body?.error?.message ?? `HTTP ${res.status}`;
    if (res.status === 409) return { kind: 'conflict', serverCopy: body?.error?.current, message };
    if (res.status === 401) return { kind: 'unauthenticated', message };
    if (res.status === 403 && body?.error?.code === 'API_CSRF') return { kind: 'unauthenticated', message };
    if (res.status >= 500 || res.status === 429 || res.status === 408) return { kind: 'offline', message };
    return { kind: 'rejected', message };
  };
}

type Listener = (s: SyncStatus) => void;
export interface SyncStatus { online: boolean; syncing: boolean; pending: number; conflicts: number; failed: number; lastReport: SyncReport | null }
let status: SyncStatus = { online: typeof navigator === 'undefined' ? true : navigator.onLine, syncing: false, pending: 0, conflicts: 0, failed: 0, lastReport: null };
const listeners = new Set<Listener>();
export function onSyncStatus(l: Listener): () => void {
  listeners.add(l);
  l(status);
  return () => listeners.delete(l);
}
function emit(patch: Partial<SyncStatus>) {
  status = { ...status, ...patch };
  for (const l of listeners) l(status);
}

export async function refreshCounts(): Promise<void> {
  const [pending, conflicts, failed] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('state').equals('conflict').count(),
    db.outbox.where('state').equals('failed').count(),
  ]);
  emit({ pending, conflicts, failed });
}

/** Push everything queued; afterwards the local rows of sent episodes are marked synced with the server's version. */
export async function syncNow(): Promise<SyncReport | null> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    emit({ online: false });
    await refreshCounts();
    return null;
  }
  emit({ syncing: true, online: true });
  try {
    const report = await syncOutbox(outboxStore, httpSender());
    for (const { item, result } of report.results) {
      if (item.entity !== 'episode') continue;
      if (result.kind === 'ok') {
        const stored = result.body as Episode | undefined;
        if (item.method === 'DELETE') await db.episodes.delete(item.entityId);
        else if (stored?.id) await db.episodes.put({ ...stored, syncState: 'synced' } as LocalEpisode);
        else await db.episodes.update(item.entityId, { syncState: 'synced' });
      } else if (result.kind === 'conflict') {
        await db.episodes.update(item.entityId, { syncState: 'conflict' });
      }
    }
    emit({ lastReport: report, online: !report.stoppedOffline || navigator.onLine });
    return report;
  } finally {
    emit({ syncing: false });
    await refreshCounts();
  }
}

let started = false;
export function startAutoSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => { emit({ online: true }); void syncNow(); });
  window.addEventListener('offline', () => emit({ online: false }));
  window.setInterval(() => { if (status.pending > 0) void syncNow(); }, 30_000);
  void syncNow();
}

const episodesPath = (pid: string) => `/patients/${encodeURIComponent(pid)}/episodes`;

/** Save an episode: IndexedDB first (survives reload and crash), then queue the POST, then try to send. */
export async function saveNewEpisode(pid: string, input: EpisodeInput): Promise<void> {
  await db.transaction('rw', db.episodes, db.outbox, async () => {
    await db.episodes.put({ ...input, patientId: pid, syncState: 'pending' });
    await enqueue(outboxStore, { entity: 'episode', entityId: input.id, method: 'POST', path: episodesPath(pid), body: input });
  });
  await refreshCounts();
  void syncNow();
}

/** Change an episode. If its creation is still queued the queued body is replaced; else a versioned PUT is queued. */
export async function saveEpisodeEdit(pid: string, input: EpisodeInput, baseVersion?: number): Promise<void> {
  await db.transaction('rw', db.episodes, db.outbox, async () => {
    const queuedCreate = await db.outbox.where('entityId').equals(input.id).filter((o) => o.method === 'POST' && o.state === 'pending').first();
    const local = await db.episodes.get(input.id);
    await db.episodes.put({ ...(local ?? {}), ...input, patientId: pid, syncState: 'pending' } as LocalEpisode);
    if (queuedCreate?.seq !== undefined) await db.outbox.update(queuedCreate.seq, { body: input });
    else await enqueue(outboxStore, { entity: 'episode', entityId: input.id, method: 'PUT', path: `${episodesPath(pid)}/${input.id}`, body: baseVersion ? { ...input, baseVersion } : input });
  });
  await refreshCounts();
  void syncNow();
}

/** Delete (soft on the server). Returns an undo function. A never-sent entry is simply dropped from the queue. */
export async function deleteEpisode(pid: string, id: string): Promise<() => Promise<void>> {
  const before = await db.episodes.get(id);
  const queued = await db.outbox.where('entityId').equals(id).filter((o) => o.state === 'pending').toArray();
  const neverSent = queued.some((o) => o.method === 'POST');
  await db.transaction('rw', db.episodes, db.outbox, async () => {
    if (neverSent) {
      await db.outbox.bulkDelete(queued.map((o) => o.seq as number));
      await db.episodes.delete(id);
    } else {
      await db.episodes.update(id, { syncState: 'deleted' });
      await enqueue(outboxStore, { entity: 'episode', entityId: id, method: 'DELETE', path: `${episodesPath(pid)}/${id}` });
    }
  });
  await refreshCounts();
  void syncNow();
  return async () => {
    if (!before) return;
    if (neverSent) {
      const { syncState: _s, ...input } = before;
      await saveNewEpisode(pid, stripMeta(input));
    } else {
      await db.transaction('rw', db.episodes, db.outbox, async () => {
        const del = await db.outbox.where('entityId').equals(id).filter((o) => o.method === 'DELETE' && o.state === 'pending').first();
        if (del?.seq !== undefined) await db.outbox.delete(del.seq);
        else await enqueue(outboxStore, { entity: 'episode', entityId: id, method: 'POST', path: `${episodesPath(pid)}/${id}/restore` });
        await db.episodes.put(before);
      });
      await refreshCounts();
      void syncNow();
    }
  };
}

export function stripMeta(e: Episode): EpisodeInput {
  const { patientId: _p, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, recordedBy: _r, ...input } = e as Episode & { syncState?: string };
  delete (input as { syncState?: string }).syncState;
  return input;
}

/** Pull the server's episodes for a period into the local copy; local unsynced rows win until they are sent. */
export async function pullEpisodes(pid: string, from: string, to: string): Promise<void> {
  const res = await request<{ items: Episode[] }>(`${episodesPath(pid)}`, { query: { from, to, limit: 10000 } });
  await db.transaction('rw', db.episodes, async () => {
    const local = await db.episodes.where('patientId').equals(pid).toArray();
    const dirty = new Set(local.filter((e) => e.syncState !== 'synced').map((e) => e.id));
    const serverIds = new Set(res.items.map((e) => e.id));
    const fromMs = Date.parse(`${from}T00:00:00`);
    const toMs = Date.parse(`${to}T23:59:59.999`);
    // Synced rows in the period that the server no longer lists were deleted elsewhere.
    const gone = local.filter((e) => e.syncState === 'synced' && !serverIds.has(e.id) && Date.parse(e.startAt) >= fromMs && Date.parse(e.startAt) <= toMs);
    await db.episodes.bulkDelete(gone.map((e) => e.id));
    await db.episodes.bulkPut(res.items.filter((e) => !dirty.has(e.id)).map((e) => ({ ...e, patientId: pid, syncState: 'synced' as const })));
  });
}

/** Resolve a conflict: keep mine (re-send as a PUT over the server's current version) or take the server's copy. */
export async function resolveConflict(seq: number, choice: 'mine' | 'theirs'): Promise<void> {
  const item = await db.outbox.get(seq);
  if (!item) return;
  const current = item.serverCopy as (Episode & { version?: number }) | undefined;
  if (choice === 'theirs') {
    await db.outbox.delete(seq);
    if (item.entity === 'episode' && current?.id) await db.episodes.put({ ...current, syncState: 'synced' } as LocalEpisode);
  } else {
    const body = { ...(item.body as object), ...(current?.version ? { baseVersion: current.version } : {}) };
    await db.outbox.update(seq, {
      state: 'pending', error: null, method: 'PUT',
      path: item.method === 'POST' ? `${item.path}/${item.entityId}` : item.path,
      body,
    });
  }
  await refreshCounts();
  void syncNow();
}

/** Queue a new diary entry of any other kind (doses, sleep, exercise…); idempotent by its client id. */
export async function queueCreate(pid: string, kind: 'doses' | 'sleep' | 'exercise' | 'side-effects' | 'medicines', body: { id: string }): Promise<void> {
  const entity = kind === 'doses' ? 'dose' : kind === 'sleep' ? 'sleep' : kind === 'exercise' ? 'exercise' : 'event';
  await enqueue(outboxStore, { entity, entityId: body.id, method: 'POST', path: `/patients/${encodeURIComponent(pid)}/${kind}`, body });
  await refreshCounts();
  await syncNow();
}
