import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/insights/dates.js';
import { Client, DATABASES, episode, makeEnv, share, type TestEnv } from './helpers.js';

const pdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A diary with known numbers: 60 days, 2 episodes a day before the medicine, 1 a day after, every kind once. */
async function fill(c: Client, today: string) {
  const pid = c.pid;
  const from = addDays(today, -59);
  const medId = randomUUID();
  const start = addDays(from, 30);
  const post = async (kind: string, body: unknown) => {
    const r = await c.post(`/api/v1/patients/${pid}/${kind}`, body);
    if (r.status !== 201) throw new Error(`${kind}: ${r.body}`);
  };
  await post('medicines', { id: medId, name: 'Levetiracetam', kbId: 'levetiracetam', strength: '500 mg', schedule: { asNeeded: false, timesOfDay: ['08:00'] }, startDate: start, doseChanges: [] });
  for (let i = 0; i < 60; i++) {
    const d = addDays(from, i);
    const n = d < start ? 2 : 1;
    for (let k = 0; k < n; k++) {
      await post('episodes', episode({ startAt: `${d}T0${8 + k}:00:00+02:00`, triggers: k === 0 ? ['startle'] : ['noise'], bodySites: ['hand-right'], notes: i === 5 && k === 0 ? 'Spilled coffee, "again", at work' : null }));
    }
    if (d >= start) await post('doses', { id: randomUUID(), medicineId: medId, at: `${d}T08:00:00+02:00`, status: i % 10 === 0 ? 'missed' : 'taken' });
  }
  await post('sleep', { id: randomUUID(), night: addDays(today, -3), bedtime: `${addDays(today, -3)}T23:00:00+02:00`, wakeTime: `${addDays(today, -2)}T07:00:00+02:00`, latencyMin: 30, awakenings: 2, quality: 4, partnerNoticedJerks: true });
  await post('sleep', { id: randomUUID(), night: addDays(today, -2), bedtime: `${addDays(today, -2)}T23:00:00+02:00`, wakeTime: `${addDays(today, -1)}T07:00:00+02:00`, latencyMin: 10, awakenings: 1, quality: 2 });
  await post('labs', { id: randomUUID(), takenOn: addDays(today, -10), test: 'ferritin', value: 41, unit: 'µg/L' });
  await post('side-effects', { id: randomUUID(), medicineId: medId, startAt: `${addDays(start, 2)}T12:00:00+02:00`, description: 'tired', severity: 'mild' });
  await post('exercise', { id: randomUUID(), startAt: `${addDays(today, -4)}T18:00:00+02:00`, name: 'Balance', minutes: 20, completed: true });
  await post('remedies', { id: randomUUID(), takenAt: `${addDays(today, -4)}T21:00:00+02:00`, name: 'Magnesium', amount: '300 mg' });
  return { from, start, medId };
}

for (const { kind, skip } of DATABASES) {
  describe.skipIf(skip)(`reports and export on ${kind}`, () => {
    let env: TestEnv;
    let pat: Client;
    let doc: Client;
    let info: { from: string; start: string; medId: string };
    const today = new Date().toISOString().slice(0, 10);
    beforeAll(async () => {
      env = await makeEnv(kind);
      pat = await new Client(env.app).register('patient', 'Robin Report');
      doc = await new Client(env.app).register('clinician', 'Dr Who');
      await share(pat, doc, 'clinician');
      info = await fill(pat, today);
      const r = await doc.post(`/api/v1/patients/${pat.pid}/ratings`, { id: randomUUID(), ratedAt: `${today}T10:00:00Z`, scale: 'UMRS', sections: { s2_rest: 12, s4_action: 30 } });
      expect(r.status).toBe(201);
      const n = await doc.post(`/api/v1/patients/${pat.pid}/notes`, { id: randomUUID(), at: `${today}T10:05:00Z`, text: 'Review in 3 months.' });
      expect(n.status).toBe(201);
    });
    afterAll(async () => env?.close());

    it.skipIf(!pdftotext)('PDF report text carries the diary numbers', async () => {
      const from = info.from;
      const r = await doc.get(`/api/v1/patients/${pat.pid}/report.pdf?from=${from}&to=${today}`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.raw.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(env.dataDir, 'r.pdf');
      writeFileSync(file, r.raw);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
      // 30 days x 2 + 30 days x 1 = 90 episodes over 60 days = 1.50 per day
      expect(text).toContain('Episodes logged: 90 (jerks counted: 90), 1.50 episodes per day');
      expect(text).toContain('First 28 days: 2.00 per day. Last 28 days: 1.00 per day.');
      expect(text).toContain('Robin Report');
      // 30 scheduled doses, 3 marked missed (i % 10 === 0 on days 30, 40, 50): 27 of 30 = 90%
      expect(text).toContain('adherence 90% (27 of 30 doses, 3 marked missed)');
      // 28-day windows: 2.00 before, 1.00 after -> rate ratio 0.50
      expect(text).toMatch(/Levetiracetam start \S+ 2\.00 \(28 d\) 1\.00 \(28 d\) 0\.50 \(0\.\d\d to 0\.\d\d\)/);
      expect(text).toMatch(/startle 60 67%/);
      expect(text).toMatch(/noise 30 33%/);
      expect(text).toContain('Nights logged: 2. Mean sleep quality 3.0 of 5; mean time to fall asleep 20 min; mean awakenings 1.5. Bed partner noticed jerks on 1 nights.');
      expect(text).toContain('Section 2 12/128; Section 4 30/160');
      expect(text).toContain('Spilled coffee, "again", at work');
      expect(text).toContain('Review in 3 months.');
      expect(text).toContain('ferritin 41 µg/L');
      // the clinician's export is in the patient's audit log
      const audit = await pat.get(`/api/v1/patients/${pat.pid}/audit`);
      expect(audit.json.items.some((a: { action: string; resource: string; actorName: string }) => a.action === 'export' && a.resource.endsWith('/report.pdf') && a.actorName === 'Dr Who')).toBe(true);
    });

    it('CSV export quotes text and defuses formulas', async () => {
      const r = await pat.get(`/api/v1/patients/${pat.pid}/export.csv?kind=episodes&from=${info.from}&to=${today}`);
      expect(r.status).toBe(200);
      expect(String(r.headers['content-type'])).toMatch(/^text\/csv/);
      const lines = r.body.trim().split('\r\n');
      expect(lines[0]).toBe('id,startAt,durationSec,count,bodySites,polarity,context,triggers,triggerOther,severity,impact,response,notes,recordedFor');
      expect(lines).toHaveLength(91);
      expect(r.body).toContain('"Spilled coffee, ""again"", at work"');
      const ev = episode({ startAt: `${today}T07:00:00Z`, notes: '=HYPERLINK("x")' });
      await pat.post(`/api/v1/patients/${pat.pid}/episodes`, ev);
      const r2 = await pat.get(`/api/v1/patients/${pat.pid}/export.csv?kind=episodes&from=${today}&to=${today}`);
      expect(r2.body).toContain(`"'=HYPERLINK(""x"")"`);
      await pat.del(`/api/v1/patients/${pat.pid}/episodes/${ev.id}`);
    });

    it('FHIR bundle has the required resources and imports into an empty account without loss', async () => {
      const r = await pat.get(`/api/v1/patients/${pat.pid}/fhir?from=${info.from}&to=${today}`);
      expect(r.status).toBe(200);
      expect(String(r.headers['content-type'])).toMatch(/application\/fhir\+json/);
      const bundle = r.json;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      const res = bundle.entry.map((e: { resource: Record<string, any> }) => e.resource);
      const byType = (t: string) => res.filter((x: { resourceType: string }) => x.resourceType === t);
      expect(byType('Patient')).toHaveLength(1);
      const eps = res.filter((x: any) => x.code?.coding?.[0]?.code === '17450006');
      expect(eps).toHaveLength(90);
      expect(eps[0]).toMatchObject({ code: { coding: [{ system: 'http://snomed.info/sct', code: '17450006' }] }, bodySite: { coding: [{ code: 'hand-right' }] } });
      expect(byType('MedicationStatement')).toHaveLength(1); // the remedy is a MedicationAdministration
      expect(byType('MedicationAdministration')).toHaveLength(31); // 30 doses + 1 remedy
      expect(res.some((x: any) => x.code?.coding?.[0]?.code === '2276-4' && x.valueQuantity.value === 41)).toBe(true);
      const docRef = byType('DocumentReference')[0];
      expect(Buffer.from(docRef.content[0].attachment.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      for (const e of bundle.entry) expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);

      // round trip: a new, empty account imports the bundle and ends with the same diary
      const other = await new Client(env.app).register('patient', 'Copy');
      const imp = await other.post(`/api/v1/patients/${other.pid}/fhir/import`, bundle);
      expect(imp.status, imp.body).toBe(200);
      expect(imp.json.imported).toMatchObject({ episodes: 90, medicines: 1, doses: 30, sleep: 2, labs: 1, 'side-effects': 1, exercise: 1, remedies: 1, ratings: 1, notes: 1 });
      const strip = (x: Record<string, unknown>) => {
        const { patientId, version, createdAt, updatedAt, deletedAt, recordedBy, ...rest } = x;
        return rest;
      };
      for (const k of ['episodes', 'medicines', 'doses', 'side-effects', 'labs', 'sleep', 'exercise', 'remedies', 'ratings', 'notes']) {
        const a = await pat.get(`/api/v1/patients/${pat.pid}/${k}?limit=10000`);
        const b = await other.get(`/api/v1/patients/${other.pid}/${k}?limit=10000`);
        const sort = (v: Record<string, unknown>[]) => v.map(strip).sort((p, q) => String(p.id).localeCompare(String(q.id)));
        expect(sort(b.json.items), k).toEqual(sort(a.json.items));
      }
      // a second import is refused: the diary is no longer empty
      const again = await other.post(`/api/v1/patients/${other.pid}/fhir/import`, bundle);
      expect(again.status).toBe(409);
      // malformed entries are a 400 with the entry index, not a 500
      const bad = structuredClone(bundle);
      const e0 = bad.entry.findIndex((e: any) => e.resource.code?.coding?.[0]?.code === '17450006');
      bad.entry[e0].resource.extension[1].valueString = JSON.stringify({ id: 'x' });
      const third = await new Client(env.app).register('patient');
      const badImp = await third.post(`/api/v1/patients/${third.pid}/fhir/import`, bad);
      expect(badImp.status).toBe(400);
      expect(badImp.json.error.field).toMatch(new RegExp(`^entry\\.${e0}\\.`));
    });
  });
}
