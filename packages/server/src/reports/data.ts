/** Everything a report or export for one patient and date range needs, gathered once. */
import type { AppContext } from '../http/context.js';
import { loadInsights } from '../insights/load.js';
import { loadPatient } from '../routes/patients.js';
import type { Patient } from '../schemas/auth.js';
import type { EpisodeInput, LabInput, MedicineInput, NoteInput, RatingInput, SideEffectInput, SleepInput } from '../schemas/diary.js';
import type { Insights } from '../schemas/insights.js';
import type { Indices } from '../schemas/recordings.js';

export interface ReportRecording {
  id: string;
  filename: string;
  uploadedAt: string;
  status: string;
  durationSec: number | null;
  indices: Indices | null;
  edited: boolean;
  standard: string | null;
}

export interface ReportData {
  patient: Patient;
  from: string;
  to: string;
  generatedAt: string;
  insights: Insights;
  medicines: MedicineInput[];
  episodes: EpisodeInput[];
  sleep: SleepInput[];
  labs: LabInput[];
  sideEffects: SideEffectInput[];
  ratings: RatingInput[];
  notes: NoteInput[];
  recordings: ReportRecording[];
}

export async function gatherReport(ctx: AppContext, patientId: string, from: string, to: string): Promise<ReportData> {
  const d = ctx.diary;
  const [patient, insights, medicines, episodes, sleep, labs, sideEffects, ratings, notes, recs] = await Promise.all([
    loadPatient(ctx, patientId),
    loadInsights(ctx, patientId, { from, to }),
    d.data<MedicineInput>(patientId, 'medicines'),
    d.data<EpisodeInput>(patientId, 'episodes', from, to),
    d.data<SleepInput>(patientId, 'sleep', from, to),
    d.data<LabInput>(patientId, 'labs'),
    d.data<SideEffectInput>(patientId, 'side-effects', from, to),
    d.data<RatingInput>(patientId, 'ratings'),
    d.data<NoteInput>(patientId, 'notes', from, to),
    ctx.db.kysely.selectFrom('recordings').selectAll().where('patient_id', '=', patientId).orderBy('uploaded_at').execute(),
  ]);
  const recordings = recs.map((r): ReportRecording => {
    const ev = r.events ? (JSON.parse(r.events) as { indices?: Indices }) : null;
    const res = r.result ? (JSON.parse(r.result) as { standard?: string }) : null;
    return {
      id: r.id,
      filename: r.filename,
      uploadedAt: r.uploaded_at,
      status: r.job_status ?? 'not scored',
      durationSec: r.duration_sec === null ? null : Number(r.duration_sec),
      indices: ev?.indices ?? null,
      edited: Number(r.edited) === 1,
      standard: res?.standard ?? null,
    };
  });
  return {
    patient,
    from,
    to,
    generatedAt: new Date().toISOString(),
    insights,
    medicines: medicines.filter((m) => m.startDate <= to && (!m.stopDate || m.stopDate >= from)),
    episodes,
    sleep,
    labs,
    sideEffects,
    ratings,
    notes,
    recordings,
  };
}
