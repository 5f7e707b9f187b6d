import type { AppContext } from '../http/context.js';
import type { PatientProfile } from '../schemas/auth.js';
import type { DoseEventInput, EpisodeInput, ExerciseInput, LabInput, MedicineInput, SleepInput } from '../schemas/diary.js';
import type { Insights, SafetyAlert } from '../schemas/insights.js';
import { computeInsights } from './compute.js';
import { addDays } from './dates.js';

export const todayUtc = () => new Date().toISOString().slice(0, 10);

export async function safetyAlertsFor(ctx: AppContext, patientId: string, medicines?: MedicineInput[]): Promise<SafetyAlert[]> {
  const p = await ctx.db.kysely.selectFrom('patients').select('profile').where('id', '=', patientId).executeTakeFirst();
  const profile = (p ? JSON.parse(p.profile) : {}) as PatientProfile;
  const meds = medicines ?? (await ctx.diary.data<MedicineInput>(patientId, 'medicines'));
  const active = meds.filter((m) => !m.stopDate || m.stopDate >= todayUtc());
  const labs = await ctx.diary.data<LabInput>(patientId, 'labs');
  // the knowledge rule looks for a rise in jerks after a start or dose increase: give it the last 180 days
  const today = todayUtc();
  const eps = await ctx.diary.data<EpisodeInput>(patientId, 'episodes', addDays(today, -179), today);
  const perDay = new Map<string, number>();
  for (const e of eps) perDay.set(e.startAt.slice(0, 10), (perDay.get(e.startAt.slice(0, 10)) ?? 0) + 1);
  const first = [...perDay.keys()].sort()[0];
  const diary: { date: string; jerks: number }[] = [];
  if (first) for (let d = first; d <= today; d = addDays(d, 1)) diary.push({ date: d, jerks: perDay.get(d) ?? 0 });
  try {
    return await ctx.safety(profile, active, labs.map((l) => ({ test: l.test, value: l.value, takenOn: l.takenOn })), diary);
  } catch {
    // the knowledge checks are advisory: a failure there must not take the diary down
    return [];
  }
}

/**
 * Insights are recomputed only when the diary changed: the key includes a fingerprint of the patient's entries
 * (count and last change, from an index), so a write in any server process invalidates it. Safety alerts are part
 * of the key through the profile, which is read each time.
 */
const cache = new Map<string, { value: Insights; at: number }>();
const CACHE_MAX = 200;

export async function loadInsights(ctx: AppContext, patientId: string, range: { from?: string; to?: string }): Promise<Insights> {
  const today = todayUtc();
  const to = range.to ?? today;
  const from = range.from ?? addDays(to, -89);
  const profile = await ctx.db.kysely.selectFrom('patients').select('profile').where('id', '=', patientId).executeTakeFirst();
  const key = `${ctx.db.kind}|${patientId}|${from}|${to}|${today}|${await ctx.diary.fingerprint(patientId)}|${profile?.profile ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit.value;
  const value = await computeFresh(ctx, patientId, from, to, today);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { value, at: Date.now() });
  return value;
}

async function computeFresh(ctx: AppContext, patientId: string, from: string, to: string, today: string): Promise<Insights> {
  const [episodes, medicines, doses, exercise, sleep] = await Promise.all([
    ctx.diary.data<EpisodeInput>(patientId, 'episodes', from, to),
    ctx.diary.data<MedicineInput>(patientId, 'medicines'),
    ctx.diary.data<DoseEventInput>(patientId, 'doses', addDays(from, -1), addDays(to, 1)),
    ctx.diary.data<ExerciseInput>(patientId, 'exercise', from, to),
    ctx.diary.data<SleepInput>(patientId, 'sleep', addDays(from, -1), to),
  ]);
  const safetyAlerts = await safetyAlertsFor(ctx, patientId, medicines);
  return computeInsights({ from, to, today, episodes, medicines, doses, exercise, sleep, safetyAlerts });
}
