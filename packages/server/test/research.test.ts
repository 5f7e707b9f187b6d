import { join } from 'node:path';
import { type BatchRef, BatchStore, batchId, batchSettings, readManifest, runLocal, settingsHash } from '@myotrace/batch';
import { simulatePsg } from '@myotrace/detect';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, makeEnv, type TestEnv } from './helpers.js';

describe('research view of cohort batches', () => {
  let env: TestEnv;
  let clinician: Client;
  let ref: BatchRef;
  const expected = new Map<string, number | null>();
  const lmCounts = new Map<string, number | null>();

  beforeAll(async () => {
    env = await makeEnv('sqlite');
    clinician = await new Client(env.app).register('clinician');
    // before any batch exists: an empty list, and no database file is created
    expect((await clinician.get('/api/v1/research/batches')).json).toEqual({ batches: [] });

    const dir = join(env.dataDir, 'cohort');
    mkdirSync(dir);
    for (const [i, profile] of (['plmd-severe', 'healthy'] as const).entries()) {
      writeFileSync(join(dir, `n${i}.edf`), simulatePsg({ seed: 7 + i, hours: 0.25, profile, sampleRateHz: 200 }).edf);
    }
    writeFileSync(join(dir, 'broken.edf'), 'not an edf at all');
    const settings = batchSettings({ toolVersion: '0.1.0' });
    ref = { id: batchId('cohort', settings), name: 'cohort', settings, settingsHash: settingsHash(settings) };
    const store = await BatchStore.open(join(env.dataDir, 'batch.db'));
    await runLocal({ rows: (await readManifest(dir)).rows, store, batch: ref, workers: 0 });
    for (const r of await store.results(ref.id)) {
      expected.set(r.recordingId, r.result?.indices.plmsIndex ?? null);
      lmCounts.set(r.recordingId, r.result ? r.result.legMovements.length : null);
    }
    await store.close();
  });
  afterAll(async () => env?.close());

  it('lists batches with their progress for clinicians, and rows with the stored indices', async () => {
    const list = await clinician.get('/api/v1/research/batches');
    expect(list.status).toBe(200);
    expect(list.json.batches).toHaveLength(1);
    expect(list.json.batches[0]).toMatchObject({ batchId: ref.id, total: 3, done: 2, failed: 1, queued: 0, running: 0 });
    expect(list.json.batches[0].failures[0]).toMatchObject({ id: 'broken' });

    const one = await clinician.get(`/api/v1/research/batches/${encodeURIComponent('cohort')}`);
    expect(one.status).toBe(200);
    expect(one.json.status.batchId).toBe(ref.id);
    const byId = new Map(one.json.rows.map((r: { recording_id: string; plms_index: number | null }) => [r.recording_id, r.plms_index]));
    expect(byId).toEqual(expected);
    expect(new Map(one.json.rows.map((r: { recording_id: string; lm_count: number | null }) => [r.recording_id, r.lm_count]))).toEqual(lmCounts);
    expect(lmCounts.get('n0')).toBeGreaterThan(0);
    expect(lmCounts.get('broken')).toBeNull();
    expect((await clinician.get('/api/v1/research/batches/nope')).status).toBe(404);
  });

  it('is closed to patients, carers and anonymous callers', async () => {
    const patient = await new Client(env.app).register('patient');
    const carer = await new Client(env.app).register('carer');
    for (const c of [patient, carer]) {
      expect((await c.get('/api/v1/research/batches')).status).toBe(403);
      expect((await c.get(`/api/v1/research/batches/${ref.id}`)).status).toBe(403);
    }
    expect((await new Client(env.app).get('/api/v1/research/batches')).status).toBe(401);
  });
});
