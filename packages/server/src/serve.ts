/**
 * Starting a server process: database (DATABASE_URL or SQLite under the data folder), job queue (BullMQ when
 * REDIS_URL is set), detector and knowledge adapters, demo seed. Used by `myotrace serve`.
 */
import { join, resolve } from 'node:path';
import { type App, buildApp } from './app.js';
import { type Db, openDb } from './db/connect.js';
import { DEMO_CLINICIAN, DEMO_PATIENT, type DemoInfo, seedDemo } from './demo/seed.js';
import { DiaryStore } from './diary/store.js';
import { detectScorer } from './integrations/detect.js';
import { knowledgeSafetyChecker } from './integrations/knowledge.js';
import { BullQueue } from './recordings/bull.js';
import { InProcessQueue, type JobQueue } from './recordings/jobs.js';
import { seedDemoRecording } from './demo/recording.js';
import { writeServerPid } from './backup.js';
import { mkdirSync } from 'node:fs';

export interface StartOptions {
  host: string;
  port: number;
  dataDir: string;
  demo: boolean;
  databaseUrl?: string;
  redisUrl?: string;
  maxUploadBytes?: number;
  secureCookies?: boolean;
  webDist?: string | null;
}

export interface RunningServer {
  app: App;
  db: Db;
  url: string;
  demo: DemoInfo | null;
  demoLogins: { role: string; email: string; password: string }[];
  close(): Promise<void>;
}

export async function startServer(o: StartOptions): Promise<RunningServer> {
  const dataDir = resolve(o.dataDir);
  const db = await openDb({ databaseUrl: o.databaseUrl, dataDir });
  const scorer = detectScorer;
  let jobs: JobQueue;
  if (o.redisUrl) jobs = new BullQueue(db, dataDir, scorer, o.redisUrl);
  else {
    const q = new InProcessQueue(db, dataDir, scorer);
    await q.recover();
    jobs = q;
  }
  const app = await buildApp({
    db,
    dataDir,
    jobs,
    scorer,
    safety: knowledgeSafetyChecker,
    maxUploadBytes: o.maxUploadBytes,
    secureCookies: o.secureCookies,
    webDist: o.webDist,
    // `myotrace batch` writes to DATABASE_URL or ./data/batch.db: the research view reads the same place
    batchDatabase: o.databaseUrl ?? join(dataDir, 'batch.db'),
  });
  let demo: DemoInfo | null = null;
  if (o.demo) {
    demo = await seedDemo(db, new DiaryStore(db));
  }
  const address = await app.listen({ host: o.host, port: o.port });
  // the simulated night takes a while to generate and score: do it after the server answers
  if (demo) void seedDemoRecording(db, dataDir, jobs, demo.patientId).catch(() => undefined);
  mkdirSync(dataDir, { recursive: true });
  const removePid = writeServerPid(dataDir);
  return {
    app,
    db,
    url: address,
    demo,
    demoLogins: demo
      ? [
          { role: 'patient', email: DEMO_PATIENT.email, password: DEMO_PATIENT.password },
          { role: 'clinician', email: DEMO_CLINICIAN.email, password: DEMO_CLINICIAN.password },
        ]
      : [],
    async close() {
      await app.close();
      await db.close();
      removePid();
    },
  };
}
