// Response shapes of the MyoTrace API (docs/api.md). Kept as plain TypeScript types so the web bundle does not
// carry zod; the server's zod schemas (packages/server/src/schemas) are the source of truth.

export type Role = 'patient' | 'carer' | 'clinician';
export interface User { id: string; email: string; name: string; role: Role; patientId: string | null; isDemo: boolean }
export interface PatientRef { id: string; name: string; relation: 'self' | 'carer' | 'clinician'; isDemo: boolean }
export interface Me { user: User; csrfToken: string; patients: PatientRef[] }
export interface AuthResult { user: User; csrfToken: string }

export interface PatientSummary extends PatientRef {
  episodesLast7Days: number;
  episodesPrev7Days: number;
  latestPlmsIndex: number | null;
  latestRecordingAt: string | null;
  adherence30d: number | null;
  openAlerts: number;
}

export interface Invitation { id: string; code: string; role: 'clinician' | 'carer'; createdAt: string; expiresAt: string; acceptedAt: string | null }
export interface Grant { id: string; patientId: string; granteeId: string; granteeName: string; granteeEmail: string; role: 'clinician' | 'carer'; createdAt: string; revokedAt: string | null }
export interface AuditEntry { id: string; at: string; actorId: string; actorName: string; actorRole: string; action: 'read' | 'export' | 'write'; resource: string }

export interface Medicine {
  id: string; name: string; kbId?: string | null; strength?: string | null; form?: string | null;
  schedule: { asNeeded: boolean; timesOfDay: string[]; daysOfWeek?: number[] | null };
  startDate: string; stopDate?: string | null; reason?: string | null; notes?: string | null;
  doseChanges: { date: string; strength: string; note?: string | null }[];
  deletedAt?: string | null; version?: number;
}
export interface DoseEvent { id: string; medicineId: string; scheduledAt?: string | null; at: string; status: 'taken' | 'missed' | 'late'; amount?: string | null }
export interface SideEffect { id: string; medicineId?: string | null; startAt: string; description: string; severity: 'mild' | 'moderate' | 'severe'; endedAt?: string | null }
export interface SleepEntry {
  id: string; night: string; bedtime: string; latencyMin?: number | null; awakenings?: number | null;
  wakeAfterSleepOnsetMin?: number | null; wakeTime: string; outOfBedAt?: string | null; quality?: number | null;
  partnerNoticedJerks?: boolean | null; notes?: string | null;
}
export interface ExerciseSession { id: string; startAt: string; routineId?: string | null; name: string; minutes: number; completed: boolean; notes?: string | null }

/** A medication-safety alert from @myotrace/knowledge, as the server's insights carry it. */
export interface SafetyAlert { id: string; severity: string; title: string; message: string; medicines: string[]; sources: string[] }

export interface Insights {
  from: string; to: string; totalEpisodes: number; totalJerks: number;
  daily: { date: string; episodes: number; jerks: number; movingAvg7: number | null }[];
  heatmap: { weekdays: string[]; counts: number[][] };
  triggers: { trigger: string; count: number; share: number }[];
  bodySites: { site: string; count: number; share: number }[];
  polarity: { positive: number; negative: number; unsure: number };
  medicineChanges: {
    medicineId: string; name: string; kind: 'start' | 'dose-change'; date: string; windowDays: number;
    before: { days: number; episodes: number; perDay: number }; after: { days: number; episodes: number; perDay: number };
    rateRatio: number | null; ci95: [number, number] | null; status: 'ok' | 'not-enough-data'; reason?: string;
  }[];
  adherence: { medicineId: string; name: string; expected: number; taken: number; late: number; missed: number; adherence: number | null }[];
  exerciseVsNextDay: { n: number; correlation: number | null; meanNextDayAfterExercise: number | null; meanNextDayWithout: number | null };
  sleepVsNextDay: { n: number; correlation: number | null };
  caveat: string;
  safetyAlerts: SafetyAlert[];
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
export interface Recording {
  id: string; patientId: string; filename: string; format: string; sizeBytes: number; sha256: string; uploadedAt: string;
  startTime: string | null; durationSec: number | null; isDemo: boolean;
  job: { status: JobStatus; error: { code: string; message: string } | null; finishedAt: string | null };
}
export interface ScoredEvent {
  id: string; kind: 'lm' | 'burst' | 'jerk'; side: 'left' | 'right' | 'both' | null; onsetSec: number; durationSec: number;
  status: 'auto' | 'accepted' | 'rejected' | 'added' | 'moved'; isPlm: boolean;
}
export interface Indices { durationHours: number; sleepHours: number | null; lmCount: number; plmCount: number; lmIndex: number; plmIndex: number; plmsIndex: number | null }
export type EventEdit =
  | { op: 'accept' | 'reject'; eventId: string }
  | { op: 'add'; kind: ScoredEvent['kind']; side: ScoredEvent['side']; onsetSec: number; durationSec: number }
  | { op: 'move'; eventId: string; onsetSec: number; durationSec: number };

/** The `myotrace score --json` contract (issue 3). */
export interface ScoreResult {
  standard?: string;
  recording?: { file?: string; startTime?: string | null; durationSec: number };
  channels?: { left?: string | null; right?: string | null; unit?: string | null };
  sleep?: { source: string; tstMin: number | null; wakeMin: number | null };
  legMovements: { onset: number; duration: number; side: string; candidate?: boolean; periodic?: boolean; respiratory?: boolean; arousal?: boolean; stage?: string | null }[];
  plmSeries?: { start: number; end: number; count: number }[];
  indices: Record<string, number | null>;
  warnings?: { code: string; message: string }[];
}

export interface ListResult<T> { items: T[]; total?: number }

/** A cohort batch (`myotrace batch`) and its progress, as GET /research/batches returns it (clinicians only). */
export interface BatchSummary {
  batchId: string; name: string; settingsHash: string; toolVersion: string; createdAt: string;
  total: number; queued: number; running: number; done: number; failed: number;
  failures: { id: string; code: string; message: string }[];
}
/** One flat result row per recording (snake_case keys as in the batch CSV export: indices, counts, warnings, provenance). */
export type BatchRow = Record<string, string | number | null>;
export interface BatchDetail { status: BatchSummary; rows: BatchRow[] }
