import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DATABASES, episode, makeEnv, type TestEnv } from './helpers.js';

for (const { kind, skip } of DATABASES) {
  describe.skipIf(skip)(`diary and auth on ${kind}`, () => {
    let env: TestEnv;
    let alice: Client;
    beforeAll(async () => {
      env = await makeEnv(kind);
      alice = await new Client(env.app).register('patient', 'Alice');
    });
    afterAll(async () => env?.close());

    it('keeps the session in an httpOnly SameSite cookie and requires the CSRF header on writes', async () => {
      const c = new Client(env.app);
      const r = await c.req('POST', '/api/v1/auth/register', { email: 'x1@example.org', password: 'correct horse battery', name: 'X', role: 'patient' });
      const setCookie = String(r.headers['set-cookie']);
      expect(setCookie).toMatch(/mt_session=[^;]+;.*HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).not.toMatch(/Secure/);
      c.csrf = r.json.csrfToken;
      c.user = r.json.user;
      const noHeader = await c.req('POST', `/api/v1/patients/${c.pid}/episodes`, episode(), { csrf: false });
      expect(noHeader.status).toBe(403);
      expect(noHeader.json.error.code).toBe('API_CSRF');
      const wrong = await c.req('POST', `/api/v1/patients/${c.pid}/episodes`, episode(), { csrf: false, headers: { 'x-csrf-token': 'nope' } });
      expect(wrong.json.error.code).toBe('API_CSRF');
      expect((await c.post(`/api/v1/patients/${c.pid}/episodes`, episode())).status).toBe(201);
      const me = await c.get('/api/v1/auth/me');
      expect(me.json.patients).toEqual([{ id: c.pid, name: 'X', relation: 'self', isDemo: false }]);
      expect(me.headers['cache-control']).toBe('no-store');
      expect(me.headers['x-content-type-options']).toBe('nosniff');
    });

    it('rejects a wrong password and backs off after repeated failures', async () => {
      const c = new Client(env.app);
      const email = 'bo@example.org';
      await c.req('POST', '/api/v1/auth/register', { email, password: 'correct horse battery', name: 'B', role: 'patient' });
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await new Client(env.app).req('POST', '/api/v1/auth/login', { email, password: 'wrong wrong wrong' })).status);
      // 5 free failures, the 6th has to wait 1 s: refused with 429 and Retry-After
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes[5]).toBe(429);
      const r = await new Client(env.app).req('POST', '/api/v1/auth/login', { email, password: 'correct horse battery' });
      expect(r.status).toBe(429);
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    });

    it('creates idempotently by client UUID and refuses a different body under the same id', async () => {
      const e = episode({ count: 3, notes: 'on the bus' });
      const base = `/api/v1/patients/${alice.pid}/episodes`;
      const a = await alice.post(base, e);
      expect(a.status).toBe(201);
      expect(a.json).toMatchObject({ id: e.id, count: 3, version: 1, deletedAt: null, recordedBy: { name: 'Alice', role: 'patient' } });
      // key order and retried body: same entry, not a second one
      const again = await alice.post(base, Object.fromEntries(Object.entries(e).reverse()));
      expect(again.status).toBe(200);
      expect(again.json.createdAt).toBe(a.json.createdAt);
      const diff = await alice.post(base, { ...e, count: 4 });
      expect(diff.status).toBe(409);
      expect(diff.json.error.code).toBe('API_CONFLICT');
      const list = await alice.get(`${base}?from=2026-11-20&to=2026-11-20`);
      expect(list.json.items.filter((x: { id: string }) => x.id === e.id)).toHaveLength(1);
    });

    it('keeps edit history, detects stale versions, soft-deletes and restores', async () => {
      const e = episode({ severity: 1 });
      const url = `/api/v1/patients/${alice.pid}/episodes/${e.id}`;
      await alice.post(`/api/v1/patients/${alice.pid}/episodes`, e);
      const u = await alice.put(url, { ...e, severity: 3, baseVersion: 1 });
      expect(u.status).toBe(200);
      expect(u.json).toMatchObject({ severity: 3, version: 2 });
      const stale = await alice.put(url, { ...e, severity: 4, baseVersion: 1 });
      expect(stale.status).toBe(409);
      expect(stale.json.error.current.severity).toBe(3);
      const d = await alice.del(url);
      expect(d.json.deletedAt).not.toBeNull();
      const live = await alice.get(`/api/v1/patients/${alice.pid}/episodes`);
      expect(live.json.items.some((x: { id: string }) => x.id === e.id)).toBe(false);
      const withDeleted = await alice.get(`/api/v1/patients/${alice.pid}/episodes?includeDeleted=true`);
      expect(withDeleted.json.items.some((x: { id: string }) => x.id === e.id)).toBe(true);
      const r = await alice.post(`${url}/restore`);
      expect(r.json).toMatchObject({ deletedAt: null, severity: 3, version: 4 });
      const h = await alice.get(`${url}/history`);
      expect(h.json.items.map((x: { op: string; version: number; data: { severity: number } }) => [x.op, x.version, x.data.severity])).toEqual([
        ['create', 1, 1],
        ['update', 2, 3],
        ['delete', 3, 3],
        ['restore', 4, 3],
      ]);
    });

    it('refuses a restore after 30 days', async () => {
      const e = episode();
      const url = `/api/v1/patients/${alice.pid}/episodes/${e.id}`;
      await alice.post(`/api/v1/patients/${alice.pid}/episodes`, e);
      await alice.del(url);
      const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
      await env.db.kysely.updateTable('entries').set({ deleted_at: old }).where('id', '=', e.id).execute();
      const r = await alice.post(`${url}/restore`);
      expect(r.status).toBe(410);
      expect(r.json.error.code).toBe('API_GONE');
    });

    it('answers bad input with 400 and the field, never 500', async () => {
      const base = `/api/v1/patients/${alice.pid}/episodes`;
      const cases: [unknown, string][] = [
        [{ ...episode(), bodySites: ['tail'] }, 'bodySites.0'],
        [{ ...episode(), severity: 7 }, 'severity'],
        [{ ...episode(), startAt: '2026-11-20 08:15' }, 'startAt'],
        [{ ...episode(), id: 'not-a-uuid' }, 'id'],
        [{ ...episode(), triggers: ['moon'] }, 'triggers.0'],
      ];
      for (const [body, field] of cases) {
        const r = await alice.post(base, body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.json.error).toMatchObject({ code: 'API_VALIDATION', field });
      }
      const bad = await alice.req('POST', base, undefined, { raw: '{"id":', headers: { 'content-type': 'application/json' } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe('API_BAD_JSON');
      const q = await alice.get(`${base}?limit=-3`);
      expect(q.status).toBe(400);
      expect(q.json.error.field).toBe('query.limit');
      const p = await alice.get(`/api/v1/patients/nope/episodes`);
      expect(p.status).toBe(400);
      expect((await alice.get('/api/v1/nothing-here')).status).toBe(404);
    });

    it('insights follow every write, edit, delete and restore (cache keyed on the diary fingerprint)', async () => {
      const c = await new Client(env.app).register('patient');
      const day = new Date().toISOString().slice(0, 10);
      const ins = async () => (await c.get(`/api/v1/patients/${c.pid}/insights?from=${day}&to=${day}`)).json;
      expect((await ins()).totalEpisodes).toBe(0);
      const e = episode({ startAt: `${day}T06:00:00Z`, triggers: ['noise'] });
      await c.post(`/api/v1/patients/${c.pid}/episodes`, e);
      expect((await ins()).totalEpisodes).toBe(1);
      await c.put(`/api/v1/patients/${c.pid}/episodes/${e.id}`, { ...e, triggers: ['light'] });
      expect((await ins()).triggers).toEqual([{ trigger: 'light', count: 1, share: 1 }]);
      await c.del(`/api/v1/patients/${c.pid}/episodes/${e.id}`);
      expect((await ins()).totalEpisodes).toBe(0);
      await c.post(`/api/v1/patients/${c.pid}/episodes/${e.id}/restore`);
      expect((await ins()).totalEpisodes).toBe(1);
    });

    it('stores every diary kind', async () => {
      const pid = alice.pid;
      const medId = randomUUID();
      const bodies: Record<string, Record<string, unknown>> = {
        medicines: { id: medId, name: 'Levetiracetam', kbId: 'levetiracetam', strength: '500 mg', schedule: { asNeeded: false, timesOfDay: ['08:00', '20:00'] }, startDate: '2026-10-01', doseChanges: [{ date: '2026-10-15', strength: '750 mg' }] },
        doses: { id: randomUUID(), medicineId: medId, at: '2026-11-20T08:05:00+01:00', scheduledAt: '2026-11-20T08:00:00+01:00', status: 'taken' },
        'side-effects': { id: randomUUID(), medicineId: medId, startAt: '2026-11-02T10:00:00+01:00', description: 'sleepy', severity: 'mild' },
        labs: { id: randomUUID(), takenOn: '2026-11-01', test: 'ferritin', value: 42 },
        sleep: { id: randomUUID(), night: '2026-11-19', bedtime: '2026-11-19T22:30:00+01:00', latencyMin: 20, awakenings: 2, wakeTime: '2026-11-20T06:45:00+01:00', quality: 3, partnerNoticedJerks: true },
        exercise: { id: randomUUID(), startAt: '2026-11-20T17:00:00+01:00', name: 'Balance routine', minutes: 15, completed: true },
        remedies: { id: randomUUID(), takenAt: '2026-11-20T21:00:00+01:00', name: 'Magnesium' },
      };
      for (const [k, b] of Object.entries(bodies)) {
        const r = await alice.post(`/api/v1/patients/${pid}/${k}`, b);
        expect(r.status, `${k}: ${r.body}`).toBe(201);
        const g = await alice.get(`/api/v1/patients/${pid}/${k}/${b.id}`);
        expect(g.json).toMatchObject(b);
      }
      // ratings and clinical notes are clinician writes
      const rating = await alice.post(`/api/v1/patients/${pid}/ratings`, { id: randomUUID(), ratedAt: '2026-11-20T10:00:00Z', scale: 'UMRS', sections: { s2_rest: 12 } });
      expect(rating.status).toBe(403);
    });
  });
}
