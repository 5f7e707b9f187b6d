import type { AppContext } from '../http/context.js';
import type { PatientRef, PatientSummary } from '../schemas/auth.js';
import { addDays } from './dates.js';
import { loadInsights, todayUtc } from './load.js';

/** Key numbers for the clinician's patient list. */
export async function patientSummary(ctx: AppContext, ref: PatientRef): Promise<PatientSummary> {
  const today = todayUtc();
  const ins = await loadInsights(ctx, ref.id, { from: addDays(today, -29), to: today });
  const last = ins.daily.slice(-7).reduce((a, d) => a + d.episodes, 0);
  const prev = ins.daily.slice(-14, -7).reduce((a, d) => a + d.episodes, 0);
  let exp = 0;
  let got = 0;
  for (const a of ins.adherence) {
    exp += a.expected;
    got += Math.min(a.expected, a.taken + a.late);
  }
  const rec = await ctx.db.kysely
    .selectFrom('recordings')
    .select(['uploaded_at', 'result', 'events'])
    .where('patient_id', '=', ref.id)
    .where('job_status', '=', 'done')
    .orderBy('uploaded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  let plms: number | null = null;
  if (rec?.events) {
    const ev = JSON.parse(rec.events) as { indices?: { plmsIndex?: number | null; plmIndex?: number } };
    plms = ev.indices?.plmsIndex ?? ev.indices?.plmIndex ?? null;
  }
  return {
    ...ref,
    episodesLast7Days: last,
    episodesPrev7Days: prev,
    latestPlmsIndex: plms,
    latestRecordingAt: rec?.uploaded_at ?? null,
    adherence30d: exp > 0 ? Math.round((got / exp) * 1000) / 1000 : null,
    openAlerts: ins.safetyAlerts.length,
  };
}
