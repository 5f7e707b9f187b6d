// The offline outbox against a fake server that behaves like the API contract (idempotent POST by client id,
// 409 on the same id with a different body, versioned PUT). Checks values: what the server ends up holding.
import { describe, expect, it } from 'vitest';
import { enqueue, MemoryOutboxStore, type OutboxItem, type SendResult, syncOutbox } from '../src/local/outbox.js';

interface Stored { body: unknown; version: number }
function fakeServer() {
  const rows = new Map<string, Stored>();
  let posts = 0;
  let online = true;
  let dropResponses = 0; // server stores, but the client never sees the answer
  const send = async (item: OutboxItem): Promise<SendResult> => {
    if (!online) return { kind: 'offline', message: 'offline' };
    let result: SendResult;
    if (item.method === 'POST') {
      posts++;
      const cur = rows.get(item.entityId);
      if (!cur) { rows.set(item.entityId, { body: item.body, version: 1 }); result = { kind: 'ok', body: item.body }; }
      else if (JSON.stringify(cur.body) === JSON.stringify(item.body)) result = { kind: 'ok', body: cur.body };
      else result = { kind: 'conflict', serverCopy: { ...(cur.body as object), version: cur.version }, message: 'API_CONFLICT' };
    } else if (item.method === 'PUT') {
      const cur = rows.get(item.entityId);
      const base = (item.body as { baseVersion?: number }).baseVersion;
      if (cur && base !== undefined && base !== cur.version) result = { kind: 'conflict', serverCopy: { ...(cur.body as object), version: cur.version }, message: 'stale' };
      else { rows.set(item.entityId, { body: item.body, version: (cur?.version ?? 0) + 1 }); result = { kind: 'ok' }; }
    } else {
      rows.delete(item.entityId);
      result = { kind: 'ok' };
    }
    if (dropResponses > 0) { dropResponses--; return { kind: 'offline', message: 'response lost' }; }
    return result;
  };
  return {
    rows, send,
    get posts() { return posts; },
    setOnline(v: boolean) { online = v; },
    dropNext(n: number) { dropResponses = n; },
  };
}

const ep = (id: string, n = 1) => ({ entity: 'episode' as const, entityId: id, method: 'POST' as const, path: '/patients/p/episodes', body: { id, count: n } });

describe('outbox', () => {
  it('keeps entries while offline and sends each exactly once when back online', async () => {
    const store = new MemoryOutboxStore();
    const srv = fakeServer();
    srv.setOnline(false);
    await enqueue(store, ep('a'));
    await enqueue(store, ep('b'));
    const r1 = await syncOutbox(store, srv.send);
    expect(r1.stoppedOffline).toBe(true);
    expect(r1.sent).toBe(0);
    expect((await store.pending()).map((i) => i.entityId)).toEqual(['a', 'b']);
    expect(srv.rows.size).toBe(0);
    srv.setOnline(true);
    const r2 = await syncOutbox(store, srv.send);
    expect(r2.sent).toBe(2);
    expect([...srv.rows.keys()]).toEqual(['a', 'b']);
    expect(await store.pending()).toEqual([]);
    const r3 = await syncOutbox(store, srv.send);
    expect(r3.sent).toBe(0);
    expect(srv.posts).toBe(2);
  });

  it('a retry after a lost response does not duplicate (idempotent by client id)', async () => {
    const store = new MemoryOutboxStore();
    const srv = fakeServer();
    await enqueue(store, ep('a', 3));
    srv.dropNext(1);
    const r1 = await syncOutbox(store, srv.send);
    expect(r1.sent).toBe(0);
    expect(srv.rows.size).toBe(1); // the server has it, the client does not know
    const r2 = await syncOutbox(store, srv.send);
    expect(r2.sent).toBe(1);
    expect(srv.rows.size).toBe(1);
    expect(srv.rows.get('a')?.body).toEqual({ id: 'a', count: 3 });
  });

  it('coalesces an unsent create with later edits into one request carrying the last body', async () => {
    const store = new MemoryOutboxStore();
    const srv = fakeServer();
    srv.setOnline(false);
    await enqueue(store, ep('a', 1));
    await enqueue(store, ep('a', 2));
    await enqueue(store, ep('a', 5));
    expect((await store.pending()).length).toBe(1);
    srv.setOnline(true);
    await syncOutbox(store, srv.send);
    expect(srv.posts).toBe(1);
    expect(srv.rows.get('a')?.body).toEqual({ id: 'a', count: 5 });
  });

  it('records a conflict with the server copy and carries on with later items', async () => {
    const store = new MemoryOutboxStore();
    const srv = fakeServer();
    srv.rows.set('a', { body: { id: 'a', count: 9 }, version: 4 });
    await enqueue(store, ep('a', 1));
    await enqueue(store, ep('b', 1));
    const r = await syncOutbox(store, srv.send);
    expect(r.conflicts).toBe(1);
    expect(r.sent).toBe(1);
    const all = await store.all();
    expect(all).toHaveLength(1);
    expect(all[0].state).toBe('conflict');
    expect(all[0].serverCopy).toEqual({ id: 'a', count: 9, version: 4 });
    expect(srv.rows.get('a')?.body).toEqual({ id: 'a', count: 9 }); // nothing overwritten silently
  });

  it('preserves order: create, edit, delete end with the entry deleted', async () => {
    const store = new MemoryOutboxStore();
    const srv = fakeServer();
    srv.setOnline(false);
    await enqueue(store, ep('a'));
    await enqueue(store, { entity: 'episode', entityId: 'a', method: 'PUT', path: '/patients/p/episodes/a', body: { id: 'a', count: 2 } });
    await enqueue(store, { entity: 'episode', entityId: 'a', method: 'DELETE', path: '/patients/p/episodes/a' });
    srv.setOnline(true);
    const r = await syncOutbox(store, srv.send);
    expect(r.results.map((x) => x.item.method)).toEqual(['POST', 'PUT', 'DELETE']);
    expect(srv.rows.has('a')).toBe(false);
  });

  it('never runs two drains at once for one store', async () => {
    const store = new MemoryOutboxStore();
    const srv = fakeServer();
    await enqueue(store, ep('a'));
    const [r1, r2] = await Promise.all([syncOutbox(store, srv.send), syncOutbox(store, srv.send)]);
    expect(r1).toBe(r2);
    expect(srv.posts).toBe(1);
  });
});
