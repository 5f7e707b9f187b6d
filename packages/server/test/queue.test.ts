/** The BullMQ job queue (REDIS_URL) runs the same scoring jobs as the in-process queue. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullQueue } from '../src/recordings/bull.js';
import type { Scorer } from '../src/recordings/jobs.js';
import { Client, makeEnv, REDIS_URL, type TestEnv } from './helpers.js';

if (!REDIS_URL) console.warn('MYOTRACE_TEST_REDIS_URL is not set: BullMQ queue test skipped');

const scorer: Scorer = {
  async score(input) {
    return {
      recording: { startTime: null, durationSec: 3600 },
      sleep: { source: 'none', tstMin: 60, wakeMin: 0 },
      legMovements: [10, 30, 50, 70].map((onset) => ({ onset, duration: 1, side: 'right' as const, periodic: true })),
      indices: { plmsIndex: 4 },
      settings: { rules: null, from: input.filename },
    };
  },
};

describe.skipIf(!REDIS_URL)('BullMQ queue', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await makeEnv('sqlite', {}, (db, dataDir) => new BullQueue(db, dataDir, scorer, REDIS_URL as string, `test-${randomUUID()}`));
  });
  afterAll(async () => env?.close());

  it('scores uploads through Redis and records the result', async () => {
    const c = await new Client(env.app).register('patient');
    const raw = Buffer.concat([Buffer.from('0       '), Buffer.alloc(300, 0x20)]);
    const up = await c.req('POST', `/api/v1/patients/${c.pid}/recordings?filename=q.edf`, undefined, { raw });
    expect(up.status).toBe(201);
    expect(up.json.job.status).toBe('queued');
    await env.app.ctx.jobs.idle();
    const g = await c.get(`/api/v1/patients/${c.pid}/recordings/${up.json.id}`);
    expect(g.json.job.status).toBe('done');
    expect(g.json.result.settings.from).toBe('q.edf');
    const ev = await c.get(`/api/v1/patients/${c.pid}/recordings/${up.json.id}/events`);
    expect(ev.json.indices).toMatchObject({ lmCount: 4, plmCount: 4, plmsIndex: 4, durationHours: 1 });
  });
});
