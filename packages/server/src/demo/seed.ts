/**
 * The demo patient "Alex Demo" (clearly marked as demo data) with 90 days of diary, two medicines with a start and
 * a dose change, dose events, sleep diary, exercise, labs, a clinician rating, and a demo clinician who has been
 * given access. Deterministic (seeded) so screenshots and tests see the same data.
 */
import { createHash } from 'node:crypto';
import { createUser } from '../auth/sessions.js';
import type { Db } from '../db/connect.js';
import type { DiaryStore } from '../diary/store.js';
import { addDays } from '../insights/dates.js';
import type { Actor } from '../schemas/common.js';
import { BODY_SITES, type EpisodeInput, TRIGGERS } from '../schemas/diary.js';
import { mulberry32, poisson } from './random.js';

export const DEMO_PATIENT = { email: 'alex.demo@demo.myotrace.invalid', password: 'demo-patient-password', name: 'Alex Demo (demo data)' };
export const DEMO_CLINICIAN = { email: 'dr.demo@demo.myotrace.invalid', password: 'demo-clinician-password', name: 'Dr Sam Demo (demo clinician)' };
export const DEMO_DAYS = 90;
const OFFSET = '+01:00';

/** Stable UUID from a name, so re-seeding never duplicates entries. */
export function demoUuid(name: string): string {
  const h = createHash('sha256').update(`myotrace-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const at = (date: string, hour: number, minute: number) => `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${OFFSET}`;

export interface DemoInfo {
  patientId: string;
  patientUserId: string;
  clinicianUserId: string;
  created: boolean;
}

/** Seeds once; later calls find the demo patient and return its ids. */
export async function seedDemo(db: Db, diary: DiaryStore, opts: { today?: string; passwordHashN?: number } = {}): Promise<DemoInfo> {
  const existing = await db.kysely.selectFrom('users').select(['id', 'patient_id']).where('email', '=', DEMO_PATIENT.email).executeTakeFirst();
  const existingClin = await db.kysely.selectFrom('users').select('id').where('email', '=', DEMO_CLINICIAN.email).executeTakeFirst();
  if (existing?.patient_id && existingClin) return { patientId: existing.patient_id, patientUserId: existing.id, clinicianUserId: existingClin.id, created: false };

  const hp = opts.passwordHashN ? { N: opts.passwordHashN } : {};
  const patient = await createUser(db, { ...DEMO_PATIENT, role: 'patient', isDemo: true, hashParams: hp });
  const clinician = await createUser(db, { ...DEMO_CLINICIAN, role: 'clinician', isDemo: true, hashParams: hp });
  const pid = patient.patientId as string;
  const now = new Date().toISOString();
  await db.kysely
    .updateTable('patients')
    .set({ profile: JSON.stringify({ birthYear: 1984, sex: 'female', pregnancyPossible: true, pregnant: false, conditions: ['cortical myoclonus'] }) })
    .where('id', '=', pid)
    .execute();
  await db.kysely.insertInto('grants').values({ id: demoUuid('grant'), patient_id: pid, grantee_id: clinician.id, role: 'clinician', created_at: now, revoked_at: null }).execute();

  const me: Actor = { id: patient.id, name: patient.name, role: 'patient' };
  const doc: Actor = { id: clinician.id, name: clinician.name, role: 'clinician' };
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const first = addDays(today, -(DEMO_DAYS - 1));
  const leviStart = addDays(first, 45);
  const leviUp = addDays(first, 65);
  const rand = mulberry32(20261124);

  const clonazepamId = demoUuid('med-clonazepam');
  const leviId = demoUuid('med-levetiracetam');
  const medicines = [
    { id: clonazepamId, name: 'Clonazepam', kbId: 'clonazepam', strength: '0.5 mg', form: 'tablet', schedule: { asNeeded: false, timesOfDay: ['21:30'] }, startDate: addDays(first, -120), reason: 'myoclonus', doseChanges: [] },
    { id: leviId, name: 'Levetiracetam', kbId: 'levetiracetam', strength: '500 mg', form: 'tablet', schedule: { asNeeded: false, timesOfDay: ['08:00', '20:00'] }, startDate: leviStart, reason: 'myoclonus', doseChanges: [{ date: leviUp, strength: '750 mg', note: 'increased after review' }] },
  ];

  const episodes: EpisodeInput[] = [];
  const doses: Record<string, unknown>[] = [];
  const sleep: Record<string, unknown>[] = [];
  const exercise: Record<string, unknown>[] = [];
  const triggerPool: (typeof TRIGGERS)[number][] = ['startle', 'noise', 'sleep-loss', 'stress', 'caffeine', 'movement', 'touch', 'light'];
  const sitePool: (typeof BODY_SITES)[number][] = ['arm-right', 'arm-left', 'hand-right', 'hand-left', 'trunk', 'neck', 'leg-left', 'leg-right', 'face', 'whole-body'];
  for (let d = 0; d < DEMO_DAYS; d++) {
    const date = addDays(first, d);
    // fewer jerks after levetiracetam starts and again after the dose change (what the insights should show)
    const base = date >= leviUp ? 2.2 : date >= leviStart ? 3.4 : 5.5;
    const poorNight = rand() < 0.25;
    const n = poisson(rand, base * (poorNight ? 1.4 : 1));
    for (let k = 0; k < n; k++) {
      // mornings after waking are the worst time for many people with cortical myoclonus
      const hour = rand() < 0.45 ? 7 + Math.floor(rand() * 3) : 10 + Math.floor(rand() * 12);
      const nt = rand() < 0.6 ? 1 : 2;
      const triggers = Array.from({ length: nt }, () => triggerPool[Math.floor(rand() * triggerPool.length)]);
      if (poorNight && !triggers.includes('sleep-loss')) triggers.push('sleep-loss');
      const sites = [sitePool[Math.floor(rand() * sitePool.length)]];
      if (rand() < 0.3) sites.push(sitePool[Math.floor(rand() * sitePool.length)]);
      const severity = Math.min(4, Math.floor(rand() * 3) + (rand() < 0.1 ? 2 : 0));
      episodes.push({
        id: demoUuid(`ep-${d}-${k}`),
        startAt: at(date, hour, Math.floor(rand() * 60)),
        count: 1 + Math.floor(rand() * 4),
        durationSec: null,
        bodySites: [...new Set(sites)],
        polarity: rand() < 0.9 ? 'positive' : rand() < 0.5 ? 'negative' : 'unsure',
        context: rand() < 0.5 ? 'action' : rand() < 0.6 ? 'rest' : 'stimulus',
        triggers: [...new Set(triggers)],
        severity,
        impact: severity >= 3 ? ['dropped-object'] : [],
        response: 'none',
        notes: d % 17 === 3 && k === 0 ? 'Worse after a short night.' : null,
        recordedFor: 'self',
      });
    }
    // doses: about 90% on time, some late, a few missed
    for (const m of medicines) {
      if (date < m.startDate) continue;
      for (const t of m.schedule.timesOfDay) {
        const r = rand();
        const [h, mi] = t.split(':').map(Number);
        const status = r < 0.88 ? 'taken' : r < 0.95 ? 'late' : 'missed';
        doses.push({
          id: demoUuid(`dose-${m.id}-${date}-${t}`),
          medicineId: m.id,
          scheduledAt: at(date, h, mi),
          at: status === 'late' ? at(date, Math.min(23, h + 2), mi) : at(date, h, mi),
          status,
        });
      }
    }
    sleep.push({
      id: demoUuid(`sleep-${date}`),
      night: date,
      bedtime: at(date, 22, 30 + Math.floor(rand() * 29)),
      latencyMin: poorNight ? 45 : 15 + Math.floor(rand() * 15),
      awakenings: poorNight ? 3 + Math.floor(rand() * 3) : Math.floor(rand() * 2),
      wakeTime: at(addDays(date, 1), 6, 30 + Math.floor(rand() * 29)),
      quality: poorNight ? 2 : 3 + Math.floor(rand() * 2),
      partnerNoticedJerks: rand() < 0.3,
    });
    if (d % 3 === 1) {
      exercise.push({ id: demoUuid(`ex-${date}`), startAt: at(date, 18, 0), routineId: null, name: 'Balance and stretching', minutes: 15 + Math.floor(rand() * 3) * 5, completed: rand() < 0.85 });
    }
  }
  // the night in the sleep diary that belongs to "today" has not happened yet
  sleep.pop();

  await diary.bulkInsert(pid, 'medicines', medicines, me);
  await diary.bulkInsert(pid, 'episodes', episodes as unknown as (Record<string, unknown> & { id: string })[], me);
  await diary.bulkInsert(pid, 'doses', doses as (Record<string, unknown> & { id: string })[], me);
  await diary.bulkInsert(pid, 'sleep', sleep as (Record<string, unknown> & { id: string })[], me);
  await diary.bulkInsert(pid, 'exercise', exercise as (Record<string, unknown> & { id: string })[], me);
  await diary.bulkInsert(
    pid,
    'labs',
    [
      { id: demoUuid('lab-ferritin'), takenOn: addDays(first, 30), test: 'ferritin', value: 38, unit: 'µg/L' },
      { id: demoUuid('lab-tsat'), takenOn: addDays(first, 30), test: 'tsat', value: 21, unit: '%' },
      { id: demoUuid('lab-egfr'), takenOn: addDays(first, 30), test: 'egfr', value: 88, unit: 'mL/min/1.73 m²' },
    ],
    me,
  );
  await diary.bulkInsert(
    pid,
    'side-effects',
    [{ id: demoUuid('se-1'), medicineId: leviId, startAt: at(addDays(leviStart, 3), 14, 0), description: 'Felt irritable for a few days', severity: 'mild', endedAt: at(addDays(leviStart, 9), 20, 0) }],
    me,
  );
  await diary.bulkInsert(pid, 'remedies', [{ id: demoUuid('rem-1'), takenAt: at(addDays(first, 10), 21, 0), name: 'Magnesium', amount: '300 mg' }], me);
  await diary.bulkInsert(
    pid,
    'ratings',
    [
      { id: demoUuid('umrs-1'), ratedAt: at(addDays(first, 40), 10, 0), scale: 'UMRS', sections: { s2_rest: 18, s4_action: 46, s5_functional: 9, s6_global: 2 }, notes: 'Before levetiracetam.' },
      { id: demoUuid('umrs-2'), ratedAt: at(addDays(first, 85), 10, 0), scale: 'UMRS', sections: { s2_rest: 10, s4_action: 28, s5_functional: 6, s6_global: 1 }, notes: 'On levetiracetam 750 mg twice daily.' },
    ],
    doc,
  );
  await diary.bulkInsert(pid, 'notes', [{ id: demoUuid('note-1'), at: at(addDays(first, 85), 10, 30), text: 'Demo note: action myoclonus of the arms improved; review in three months.' }], doc);
  return { patientId: pid, patientUserId: patient.id, clinicianUserId: clinician.id, created: true };
}
