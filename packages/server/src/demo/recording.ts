/**
 * The demo's scored night: a simulated PSG from the detect package's simulator, written as EDF+ and scored by the
 * normal job queue. Skipped (returns null) while the simulator or the EDF writer is not available.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { JobQueue } from '../recordings/jobs.js';
import { storeBytes } from '../recordings/storage.js';

export async function seedDemoRecording(db: Db, dataDir: string, jobs: JobQueue, patientId: string): Promise<string | null> {
  const has = await db.kysely.selectFrom('recordings').select('id').where('patient_id', '=', patientId).where('is_demo', '=', 1).executeTakeFirst();
  if (has) return has.id;
  let detect: Record<string, unknown>;
  let edf: Record<string, unknown>;
  try {
    detect = (await import(/* @vite-ignore */ '@myotrace/detect')) as Record<string, unknown>;
    edf = (await import(/* @vite-ignore */ '@myotrace/edf')) as Record<string, unknown>;
  } catch {
    return null;
  }
  const simulate = (detect.simulatePsg ?? detect.simulateNight) as ((o: unknown) => { spec?: unknown; edf?: Uint8Array } & Record<string, unknown>) | undefined;
  const writeEdf = edf.writeEdf as ((spec: unknown) => Uint8Array) | undefined;
  if (!simulate || !writeEdf) return null;
  const sim = simulate({ seed: 7, durationSec: 8 * 3600, plmsPerHour: 22 });
  const bytes = sim.edf ?? writeEdf(sim.spec ?? sim);
  const stored = await storeBytes(dataDir, bytes);
  const id = randomUUID();
  await db.kysely
    .insertInto('recordings')
    .values({
      id,
      patient_id: patientId,
      filename: 'demo-simulated-night.edf',
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
      edited: 0,
    })
    .execute();
  await jobs.enqueue(id);
  return id;
}
