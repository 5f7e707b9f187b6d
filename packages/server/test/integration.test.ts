/** The server with the real detect and knowledge packages behind it (no fakes). */
import { randomUUID } from 'node:crypto';
import { scoreRecording, simulatePsg } from '@myotrace/detect';
import { bytesSource, openEdf } from '@myotrace/edf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectScorer } from '../src/integrations/detect.js';
import { knowledgeSafetyChecker } from '../src/integrations/knowledge.js';
import { Client, makeEnv, share, type TestEnv } from './helpers.js';

describe('server with @myotrace/detect and @myotrace/knowledge', () => {
  let env: TestEnv;
  let pat: Client;
  let doc: Client;
  beforeAll(async () => {
    env = await makeEnv('sqlite', { scorer: detectScorer, safety: knowledgeSafetyChecker });
    pat = await new Client(env.app).register('patient');
    doc = await new Client(env.app).register('clinician');
    await share(pat, doc, 'clinician');
  });
  afterAll(async () => env?.close());

  it('scores an uploaded simulated night exactly as scoreRecording does, and edits re-apply the PLM rules', async () => {
    const sim = simulatePsg({ seed: 3, hours: 1, profile: 'plmd-mild' });
    const up = await pat.req('POST', `/api/v1/patients/${pat.pid}/recordings?filename=sim.edf`, undefined, { raw: Buffer.from(sim.edf) });
    expect(up.status, up.body).toBe(201);
    await env.app.ctx.jobs.idle();
    const rec = await doc.get(`/api/v1/patients/${pat.pid}/recordings/${up.json.id}`);
    expect(rec.json.job.status, JSON.stringify(rec.json.job)).toBe('done');
    const direct = await scoreRecording(await openEdf(bytesSource(sim.edf)), { standard: 'wasm2016', file: 'sim.edf' });
    expect(rec.json.result.legMovements).toEqual(JSON.parse(JSON.stringify(direct.legMovements)));
    expect(rec.json.result.indices).toEqual(JSON.parse(JSON.stringify(direct.indices)));
    const ev = await doc.get(`/api/v1/patients/${pat.pid}/recordings/${up.json.id}/events`);
    expect(ev.json.events).toHaveLength(direct.legMovements.length);
    expect(ev.json.indices.plmCount).toBe(direct.legMovements.filter((m) => m.periodic).length);
    expect(ev.json.events.length).toBeGreaterThan(10);
    // accepting everything changes nothing; rejecting everything leaves no PLM
    // the stored sleep context: indices and PLMS per stage equal the detect package's own result, before and after
    // an edit that changes nothing (accept all)
    const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    const perStage = { N1: 0, N2: 0, N3: 0, R: 0, W: 0 };
    for (const m of direct.legMovements) if (m.periodic && m.stage) perStage[m.stage]++;
    expect(direct.sleep.source).not.toBe('none');
    const expected = { plmsIndex: r2(direct.indices.plmsIndex), plmwIndex: r2(direct.indices.plmwIndex), lmIndex: r2(direct.indices.lmIndex), sleepHours: r2(direct.sleep.tstMin / 60), plmsByStage: perStage };
    expect(ev.json.indices).toMatchObject(expected);
    const acc = await doc.post(`/api/v1/patients/${pat.pid}/recordings/${up.json.id}/events/edits`, { edits: ev.json.events.map((e: { id: string }) => ({ op: 'accept', eventId: e.id })) });
    expect(acc.json.indices).toMatchObject(expected);
    expect(acc.json.events.map((e: { isPlm: boolean }) => e.isPlm)).toEqual(direct.legMovements.map((m) => m.periodic));
    expect(acc.json.indices.plmCount).toBe(ev.json.indices.plmCount);
    expect(acc.json.indices.lmCount).toBe(ev.json.indices.lmCount);
    const rej = await doc.post(`/api/v1/patients/${pat.pid}/recordings/${up.json.id}/events/edits`, { edits: ev.json.events.map((e: { id: string }) => ({ op: 'reject', eventId: e.id })) });
    expect(rej.json.indices).toMatchObject({ lmCount: 0, plmCount: 0, plmIndex: 0 });
  });

  it('insights carry the knowledge-base safety alerts for the profile and medicines', async () => {
    const c = await new Client(env.app).register('patient');
    await c.patch(`/api/v1/patients/${c.pid}`, { profile: { sex: 'female', birthYear: new Date().getUTCFullYear() - 28, pregnancyPossible: true } });
    const none = await c.get(`/api/v1/patients/${c.pid}/insights`);
    expect(none.json.safetyAlerts).toEqual([]);
    await c.post(`/api/v1/patients/${c.pid}/medicines`, { id: randomUUID(), name: 'Epilim', schedule: { asNeeded: false, timesOfDay: ['08:00'] }, startDate: '2026-01-01', doseChanges: [] });
    const ins = await c.get(`/api/v1/patients/${c.pid}/insights`);
    const valproate = ins.json.safetyAlerts.filter((a: { medicines: string[] }) => a.medicines.includes('valproate'));
    expect(valproate.length).toBeGreaterThan(0);
    expect(valproate[0].sources.length).toBeGreaterThan(0);
    const list = await c.get('/api/v1/patients');
    expect(list.json.items[0].openAlerts).toBe(ins.json.safetyAlerts.length);
  });
});
