/**
 * Every patient-scoped route × every relation (owner, carer, clinician, revoked carer/clinician, unrelated
 * patient, unrelated clinician, anonymous). The expected table below is written from docs/api.md ("Roles and
 * access"), independently of src/policy.ts; a route without a line here fails the test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DATABASES, makeEnv, share, type TestEnv } from './helpers.js';

type Rel = 'owner' | 'carer' | 'clinician';
const ALL: Rel[] = ['owner', 'carer', 'clinician'];
const DIARY = ['episodes', 'medicines', 'doses', 'side-effects', 'labs', 'sleep', 'exercise', 'remedies'];
const CLINICAL = ['ratings', 'notes'];

function expected(method: string, url: string): Rel[] | undefined {
  const p = url.replace('/api/v1/patients/:pid', '');
  const key = `${method} ${p}`;
  const m = /^\/([a-z-]+)(\/:id)?(\/restore|\/history)?$/.exec(p);
  if (m && (DIARY.includes(m[1]) || CLINICAL.includes(m[1]))) {
    const writers: Rel[] = DIARY.includes(m[1]) ? ['owner', 'carer'] : ['clinician'];
    if (method === 'GET') return ALL;
    return writers;
  }
  const table: Record<string, Rel[]> = {
    'GET ': ALL,
    'PATCH ': ['owner'],
    'POST /invitations': ['owner'],
    'GET /invitations': ['owner'],
    'GET /grants': ['owner'],
    'DELETE /grants/:gid': ['owner'],
    'GET /audit': ['owner'],
    'GET /insights': ALL,
    'POST /recordings': ALL,
    'GET /recordings': ALL,
    'GET /recordings/:rid': ALL,
    'POST /recordings/:rid/score': ['owner', 'clinician'],
    'GET /recordings/:rid/events': ALL,
    'POST /recordings/:rid/events/edits': ['owner', 'clinician'],
    'GET /recordings/:rid/annotations.edf': ALL,
    'GET /recordings/:rid/file': ALL,
    'GET /report.pdf': ALL,
    'GET /export.csv': ALL,
    'GET /fhir': ALL,
    'POST /fhir/import': ['owner'],
  };
  return table[key];
}

function sample(kind: string): Record<string, unknown> {
  const id = randomUUID();
  const t = '2026-11-20T08:00:00+01:00';
  switch (kind) {
    case 'episodes':
      return { id, startAt: t, bodySites: ['neck'], polarity: 'positive', triggers: [], impact: [] };
    case 'medicines':
      return { id, name: 'X', schedule: { asNeeded: false, timesOfDay: ['08:00'] }, startDate: '2026-11-01', doseChanges: [] };
    case 'doses':
      return { id, medicineId: randomUUID(), at: t, status: 'taken' };
    case 'side-effects':
      return { id, startAt: t, description: 'd', severity: 'mild' };
    case 'labs':
      return { id, takenOn: '2026-11-01', test: 'egfr', value: 90 };
    case 'sleep':
      return { id, night: '2026-11-19', bedtime: '2026-11-19T23:00:00+01:00', wakeTime: t };
    case 'exercise':
      return { id, startAt: t, name: 'e', minutes: 5, completed: true };
    case 'remedies':
      return { id, takenAt: t, name: 'r' };
    case 'ratings':
      return { id, ratedAt: t, scale: 'UMRS', sections: { s6_global: 1 } };
    case 'notes':
      return { id, at: t, text: 'n' };
  }
  throw new Error(kind);
}

const FAKE_EDF = Buffer.concat([Buffer.from('0       '), Buffer.alloc(248, 0x20)]);

for (const { kind, skip } of DATABASES) {
  describe.skipIf(skip)(`access matrix on ${kind}`, () => {
    let env: TestEnv;
    let owner: Client;
    let subjects: { name: string; client: Client | null; rel: Rel | 'none' | 'anon' }[];
    let recordingId: string;
    beforeAll(async () => {
      env = await makeEnv(kind);
      const mk = (role: 'patient' | 'carer' | 'clinician', name: string) => new Client(env.app).register(role, name);
      owner = await mk('patient', 'Owner');
      const carer = await mk('carer', 'Carer');
      const clin = await mk('clinician', 'Clinician');
      const carerRevoked = await mk('carer', 'Carer revoked');
      const clinRevoked = await mk('clinician', 'Clinician revoked');
      const other = await mk('patient', 'Other patient');
      const otherClin = await mk('clinician', 'Unshared clinician');
      await share(owner, carer, 'carer');
      await share(owner, clin, 'clinician');
      for (const c of [carerRevoked, clinRevoked]) {
        const gid = await share(owner, c, c === carerRevoked ? 'carer' : 'clinician');
        expect((await owner.del(`/api/v1/patients/${owner.pid}/grants/${gid}`)).json.revokedAt).not.toBeNull();
      }
      // a carer invitation cannot be accepted by a clinician account
      const inv = await owner.post(`/api/v1/patients/${owner.pid}/invitations`, { role: 'carer' });
      expect((await otherClin.post('/api/v1/invitations/accept', { code: inv.json.code })).status).toBe(403);
      subjects = [
        { name: 'owner', client: owner, rel: 'owner' },
        { name: 'carer', client: carer, rel: 'carer' },
        { name: 'clinician', client: clin, rel: 'clinician' },
        { name: 'revoked carer', client: carerRevoked, rel: 'none' },
        { name: 'revoked clinician', client: clinRevoked, rel: 'none' },
        { name: 'other patient', client: other, rel: 'none' },
        { name: 'unshared clinician', client: otherClin, rel: 'none' },
        { name: 'anonymous', client: null, rel: 'anon' },
      ];
      const up = await owner.req('POST', `/api/v1/patients/${owner.pid}/recordings?filename=n.edf&score=false`, undefined, { raw: FAKE_EDF });
      expect(up.status, up.body).toBe(201);
      recordingId = up.json.id;
    });
    afterAll(async () => env?.close());

    /** A request that would succeed for an allowed user; fresh entities where the route changes them. */
    async function requestFor(method: string, url: string): Promise<{ url: string; body?: unknown; raw?: Buffer }> {
      const pid = owner.pid;
      let u = url.replace(':pid', pid).replace(':rid', recordingId);
      const m = /\/patients\/[^/]+\/([a-z-]+)\/:id/.exec(u);
      if (m) {
        const k = m[1];
        const body = sample(k);
        const author = CLINICAL.includes(k) ? subjects[2].client! : owner;
        const r = await author.post(`/api/v1/patients/${pid}/${k}`, body);
        expect(r.status).toBe(201);
        if (u.endsWith('/restore')) await author.del(`/api/v1/patients/${pid}/${k}/${body.id}`);
        u = u.replace(':id', String(body.id));
        return { url: u, body: method === 'PUT' ? { ...body, notes: 'changed' } : method === 'POST' ? {} : undefined };
      }
      if (u.includes(':gid')) {
        const throwaway = await new Client(env.app).register('clinician');
        const gid = await share(owner, throwaway, 'clinician');
        return { url: u.replace(':gid', gid) };
      }
      const kindMatch = /\/patients\/[^/]+\/([a-z-]+)$/.exec(u);
      if (method === 'POST' && kindMatch && (DIARY.includes(kindMatch[1]) || CLINICAL.includes(kindMatch[1]))) return { url: u, body: sample(kindMatch[1]) };
      if (method === 'POST' && u.endsWith('/recordings')) return { url: `${u}?filename=x.edf&score=false`, raw: FAKE_EDF };
      if (method === 'POST' && u.endsWith('/invitations')) return { url: u, body: { role: 'clinician' } };
      if (method === 'POST' && u.endsWith('/score')) return { url: u, body: {} };
      if (method === 'POST' && u.endsWith('/edits')) return { url: u, body: { edits: [{ op: 'add', onsetSec: 1, durationSec: 1 }] } };
      if (method === 'POST' && u.endsWith('/fhir/import')) return { url: u, body: { resourceType: 'Bundle', type: 'collection', entry: [] } };
      if (method === 'PATCH') return { url: u, body: { profile: { birthYear: 1980 } } };
      return { url: u };
    }

    it('every patient route answers each relation as the table says', async () => {
      const routes = env.app.routeList.filter((r) => r.url.startsWith('/api/v1/patients/:pid'));
      expect(routes.length).toBeGreaterThan(80);
      const failures: string[] = [];
      for (const r of routes) {
        const allowed = expected(r.method, r.url);
        if (!allowed) {
          failures.push(`no expectation for ${r.method} ${r.url}`);
          continue;
        }
        for (const s of subjects) {
          const req = await requestFor(r.method, r.url);
          const c = s.client ?? new Client(env.app);
          const res = await c.req(r.method, req.url, req.body, req.raw ? { raw: req.raw } : {});
          const ok = s.rel !== 'anon' && s.rel !== 'none' && allowed.includes(s.rel);
          const want = s.rel === 'anon' ? [401] : ok ? null : [403];
          if (want ? !want.includes(res.status) : res.status === 401 || res.status === 403 || res.status >= 500) {
            failures.push(`${r.method} ${r.url} as ${s.name}: got ${res.status} ${res.body.slice(0, 120)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('every clinician read is in the patient-visible audit log, and only the owner can read it', async () => {
      const audit = await owner.get(`/api/v1/patients/${owner.pid}/audit?limit=10000`);
      const clinReads = new Set(
        audit.json.items.filter((a: { actorName: string }) => a.actorName === 'Clinician').map((a: { resource: string }) => a.resource),
      );
      const gets = env.app.routeList.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/patients/:pid') && expected('GET', r.url)?.includes('clinician'));
      for (const g of gets) expect(clinReads, g.url).toContain(`GET ${g.url}`);
      // nobody else's reads, and no owner reads, are logged as clinician reads; revoked users never got through
      expect(audit.json.items.some((a: { actorName: string }) => a.actorName === 'Clinician revoked' || a.actorName === 'Owner')).toBe(false);
    });

    it('routes outside a patient: the list shows only active shares', async () => {
      const other = env.app.routeList.filter((r) => r.url.startsWith('/api/v1') && !r.url.startsWith('/api/v1/patients/:pid')).map((r) => `${r.method} ${r.url}`);
      expect(other.sort()).toEqual(
        ['GET /api/v1/auth/me', 'GET /api/v1/health', 'GET /api/v1/patients', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/register', 'POST /api/v1/invitations/accept', 'GET /api/v1/research/batches', 'GET /api/v1/research/batches/:batchId'].sort(),
      );
      const names = async (c: Client | null) => ((await (c ?? new Client(env.app)).get('/api/v1/patients')).json?.items ?? []).map((p: { name: string }) => p.name);
      expect(await names(subjects[0].client)).toEqual(['Owner']);
      expect(await names(subjects[1].client)).toEqual(['Owner']);
      expect(await names(subjects[2].client)).toEqual(['Owner']);
      for (const i of [3, 4, 6]) expect(await names(subjects[i].client)).toEqual([]);
      expect((await new Client(env.app).get('/api/v1/patients')).status).toBe(401);
      expect((await new Client(env.app).get('/api/v1/auth/me')).status).toBe(401);
      // logout ends the session
      const c = await new Client(env.app).register('patient');
      expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
      expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    });
  });
}
