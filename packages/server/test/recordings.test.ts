import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bytesSource, openEdf } from '@myotrace/edf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorer } from '../src/recordings/jobs.js';
import { Client, DATABASES, makeEnv, share, type TestEnv } from './helpers.js';

/** Injected scorer: five LMs 20 s apart (one PLM series) and one isolated LM, as the detect contract shapes them. */
const calls: { format: string; settings: Record<string, unknown> }[] = [];
const fakeScorer: Scorer = {
  async score(input) {
    calls.push({ format: input.format, settings: input.settings });
    if (input.filename.startsWith('bad')) {
      const { MyoTraceError } = await import('@myotrace/errors');
      throw new MyoTraceError('DETECT_NO_LEG_CHANNELS', 'no leg EMG channels found');
    }
    const lm = (onset: number, periodic: boolean) => ({ onset, duration: 2, side: 'left' as const, candidate: true, periodic, respiratory: false, arousal: false, stage: null });
    return {
      standard: 'wasm2016',
      settings: { rules: { standard: 'wasm2016' }, ...input.settings },
      recording: { file: input.filename, startTime: '2026-11-20T22:00:00', durationSec: 7200 },
      sleep: { source: 'none', tstMin: 120, wakeMin: 0 },
      legMovements: [lm(100, true), lm(120, true), lm(140, true), lm(160, true), lm(180, true), lm(900, false)],
      indices: { lmIndex: 3, plmsIndex: 2.5 },
    };
  },
};

const edfHeader = () => Buffer.concat([Buffer.from('0       '), Buffer.alloc(2000, 0x20)]);

for (const { kind, skip } of DATABASES) {
  describe.skipIf(skip)(`recordings on ${kind}`, () => {
    let env: TestEnv;
    let pat: Client;
    let doc: Client;
    beforeAll(async () => {
      env = await makeEnv(kind, { scorer: fakeScorer, maxUploadBytes: 10_000 });
      pat = await new Client(env.app).register('patient');
      doc = await new Client(env.app).register('clinician', 'Dr Edit');
      await share(pat, doc, 'clinician');
    });
    afterAll(async () => env?.close());
    const base = () => `/api/v1/patients/${pat.pid}/recordings`;

    it('stores uploads by content, scores them in the queue and lists them', async () => {
      const body = edfHeader();
      const a = await pat.req('POST', `${base()}?filename=night.edf`, undefined, { raw: body });
      expect(a.status, a.body).toBe(201);
      const b = await pat.req('POST', `${base()}?filename=same-night-again.edf`, undefined, { raw: body });
      expect(b.json.sha256).toBe(a.json.sha256);
      expect(a.json).toMatchObject({ format: 'edf', sizeBytes: body.length, filename: 'night.edf' });
      expect(a.json.sha256).toBe((await import('node:crypto')).createHash('sha256').update(body).digest('hex'));
      // one blob for the two uploads
      expect(readdirSync(join(env.dataDir, 'blobs', a.json.sha256.slice(0, 2)))).toEqual([a.json.sha256]);
      await env.app.ctx.jobs.idle();
      const g = await doc.get(`${base()}/${a.json.id}`);
      expect(g.json).toMatchObject({ job: { status: 'done', error: null }, durationSec: 7200, startTime: '2026-11-20T22:00:00' });
      expect(g.json.result.settings.rules.standard).toBe('wasm2016');
      const list = await pat.get(base());
      expect(list.json.items).toHaveLength(2);
      const file = await pat.get(`${base()}/${a.json.id}/file`);
      expect(Buffer.compare(file.raw, body)).toBe(0);
    });

    it('refuses uploads over the limit counted on bytes read, and non-recordings', async () => {
      const big = Buffer.concat([Buffer.from('0       '), Buffer.alloc(20_000, 0x20)]);
      const r = await pat.req('POST', `${base()}?filename=big.edf`, undefined, { raw: big });
      expect(r.status).toBe(413);
      expect(r.json.error.code).toBe('API_TOO_LARGE');
      expect(readdirSync(join(env.dataDir, 'tmp'))).toEqual([]);
      const png = await pat.req('POST', `${base()}?filename=photo.edf`, undefined, { raw: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4]) });
      expect(png.status).toBe(415);
      const empty = await pat.req('POST', `${base()}?filename=e.edf`, undefined, { raw: Buffer.alloc(0) });
      expect(empty.status).toBe(400);
      const noName = await pat.req('POST', base(), undefined, { raw: edfHeader() });
      expect(noName.status).toBe(400);
      expect(noName.json.error.field).toBe('query.filename');
    });

    it('records a failed job with its coded error', async () => {
      const r = await pat.req('POST', `${base()}?filename=bad.edf`, undefined, { raw: Buffer.concat([edfHeader(), Buffer.from('x')]) });
      await env.app.ctx.jobs.idle();
      const g = await pat.get(`${base()}/${r.json.id}`);
      expect(g.json.job).toMatchObject({ status: 'failed', error: { code: 'DETECT_NO_LEG_CHANNELS' } });
      expect((await pat.get(`${base()}/${r.json.id}/events`)).status).toBe(409);
    });

    it('clinician edits events and the indices follow; rescoring keeps the settings; EDF+ export reads back', async () => {
      const up = await pat.req('POST', `${base()}?filename=edit.edf`, undefined, { raw: Buffer.concat([edfHeader(), Buffer.from('edit')]) });
      await env.app.ctx.jobs.idle();
      const url = `${base()}/${up.json.id}/events`;
      const ev = await doc.get(url);
      // no hypnogram: 6 LMs over 2 h of recording = 3/h; 5 periodic = 2.5/h
      expect(ev.json.indices).toMatchObject({ lmCount: 6, plmCount: 5, lmIndex: 3, plmIndex: 2.5, plmsIndex: 2.5, sleepHours: null, durationHours: 2 });
      const id = (onset: number) => ev.json.events.find((e: { onsetSec: number }) => e.onsetSec === onset).id;
      // reject 140: 100,120,160,180 (IMIs 20, 40, 20) is still a series of 4
      let r = await doc.post(`${url}/edits`, { edits: [{ op: 'reject', eventId: id(140) }] });
      expect(r.json.indices).toMatchObject({ lmCount: 5, plmCount: 4, lmIndex: 2.5, plmIndex: 2 });
      // reject 120 too: 100,160,180 has only 3 -> no series
      r = await doc.post(`${url}/edits`, { edits: [{ op: 'reject', eventId: id(120) }] });
      expect(r.json.indices).toMatchObject({ lmCount: 4, plmCount: 0 });
      // add one at 200 and move the isolated one to 260: 100,160,180,200,260 -> IMIs 60,20,20,60 -> 5 periodic
      r = await doc.post(`${url}/edits`, { edits: [{ op: 'add', onsetSec: 200, durationSec: 1.5, side: 'right' }, { op: 'move', eventId: id(900), onsetSec: 260, durationSec: 2 }, { op: 'accept', eventId: id(100) }] });
      expect(r.json.indices).toMatchObject({ lmCount: 6 - 2 + 1, plmCount: 5 });
      expect(r.json.edited).toBe(true);
      expect(r.json.events.map((e: { onsetSec: number; status: string }) => `${e.onsetSec}:${e.status}`)).toEqual([
        '100:accepted', '120:rejected', '140:rejected', '160:auto', '180:auto', '200:added', '260:moved',
      ]);
      // the patient cannot see anything of a different patient, and unknown events are a 404
      expect((await doc.post(`${url}/edits`, { edits: [{ op: 'reject', eventId: 'nope' }] })).status).toBe(404);

      const edf = await doc.get(`${base()}/${up.json.id}/annotations.edf`);
      expect(edf.status).toBe(200);
      const reader = await openEdf(bytesSource(new Uint8Array(edf.raw)));
      expect(reader.header.startTime?.startsWith('2026-11-20T22:00:00')).toBe(true);
      expect(reader.annotations.map((a) => [a.onset, a.duration, a.text])).toEqual([
        [100, 2, 'PLM left (accepted)'],
        [160, 2, 'PLM left'],
        [180, 2, 'PLM left'],
        [200, 1.5, 'PLM right (added)'],
        [260, 2, 'PLM left (moved)'],
      ]);

      const s = await doc.post(`${base()}/${up.json.id}/score`, { settings: { standard: 'aasm' } });
      expect(s.status).toBe(202);
      await env.app.ctx.jobs.idle();
      expect(calls.at(-1)).toEqual({ format: 'edf', settings: { standard: 'aasm' } });
      const after = await doc.get(`${base()}/${up.json.id}`);
      expect(after.json.result.settings.standard).toBe('aasm');
      expect((await doc.get(url)).json.edited).toBe(false);
    });
  });
}
