/**
 * The demo's scored night: an 8-hour simulated PSG from the detect package's simulator (mild PLMD profile),
 * written as EDF+ and scored by the normal job queue, so it shows exactly what a real upload would.
 */
import { randomUUID } from 'node:crypto';
import { simulatePsg } from '@myotrace/detect';
import type { Db } from '../db/connect.js';
import type { JobQueue } from '../recordings/jobs.js';
import { storeBytes } from '../recordings/storage.js';

export async function seedDemoRecording(db: Db, dataDir: string, jobs: JobQueue, patientId: string, opts: { hours?: number } = {}): Promise<string> {
  const has = await db.kysely.selectFrom('recordings').select('id').where('patient_id', '=', patientId).where('is_demo', '=', 1).executeTakeFirst();
  if (has) return has.id;
  const sim = simulatePsg({ seed: 7, hours: opts.hours ?? 8, profile: 'plmd-mild' });
  const stored = await storeBytes(dataDir, sim.edf);
  const id = randomUUID();
  await db.kysely
    .insertInto('recordings')
    .values({
      id,
      patient_id: patientId,
      filename: `demo-simulated-night-${sim.name}.edf`,
      format: 'edf',
      size_bytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploaded_at: new Date().toISOString(),
      start_time: null,
      duration_sec: null,
      is_demo: 1,
      job_status: null,
      job_error: null,
      job_finished_at: null,
      settings: null,
      result: null,
      events: null,
      sleep_context: null,
      edited: 0,
    })
    .execute();
  await jobs.enqueue(id);
  return id;
}
