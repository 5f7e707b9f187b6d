import { z } from 'zod';
import { Actor, DateOnly, Instant, Uuid } from './common.js';

export const BODY_SITES = [
  'eyes', 'face', 'palate-ear-click', 'neck', 'trunk', 'arm-left', 'arm-right', 'hand-left', 'hand-right',
  'leg-left', 'leg-right', 'foot-left', 'foot-right', 'whole-body',
] as const;
export const TRIGGERS = [
  'noise', 'touch', 'light', 'startle', 'movement', 'stress', 'sleep-loss', 'alcohol', 'caffeine', 'missed-dose',
  'new-medicine', 'fever', 'menstruation', 'other',
] as const;
export const CONTEXTS = ['rest', 'action', 'stimulus', 'falling-asleep', 'asleep'] as const;
export const IMPACTS = ['fall', 'dropped-object', 'speech', 'eating', 'writing'] as const;
export const RESPONSES = ['none', 'rescue-medicine', 'emergency-care'] as const;
export const POLARITIES = ['positive', 'negative', 'unsure'] as const;

/** Our own severity anchors (not from any copyrighted scale). */
export const SEVERITY_ANCHORS: Record<0 | 1 | 2 | 3 | 4, string> = {
  0: 'Noticed it, but it did not affect what I was doing',
  1: 'Mild: brief, did not interrupt me',
  2: 'Moderate: interrupted what I was doing',
  3: 'Marked: I dropped or spilled something, or had to stop',
  4: 'Severe: I fell, or could not carry on for a while',
};

/**
 * UMRS section totals (Frucht et al., Adv Neurol 2002;89:361–376). Only structure and ranges; no item wording.
 * `verified` marks ranges confirmed in a primary or conference source (section 2: 0–128, van Zijl et al.);
 * the others follow the commonly quoted structure (8 sites × frequency 0–4 × amplitude 0–4) and are unverified.
 */
export const UMRS_SECTIONS = {
  s1_patient_questionnaire: { label: 'Section 1: patient questionnaire', min: 0, max: 36, verified: false },
  s2_rest: { label: 'Section 2: myoclonus at rest', min: 0, max: 128, verified: true },
  s3_stimulus_sensitivity: { label: 'Section 3: stimulus sensitivity', min: 0, max: 44, verified: false },
  s4_action: { label: 'Section 4: myoclonus with action', min: 0, max: 160, verified: false },
  s5_functional: { label: 'Section 5: functional tests', min: 0, max: 28, verified: false },
  s6_global: { label: 'Section 6: physician global rating', min: 0, max: 4, verified: false },
  s7_negative_presence: { label: 'Section 7: negative myoclonus present', min: 0, max: 1, verified: false },
  s8_negative_severity: { label: 'Section 8: negative myoclonus severity', min: 0, max: 4, verified: false },
} as const;
export type UmrsSection = keyof typeof UMRS_SECTIONS;

const text = (max: number) => z.string().max(max);
const opt = <T extends z.ZodTypeAny>(t: T) => t.nullable().optional();

export const EpisodeInput = z.object({
  id: Uuid,
  startAt: Instant,
  durationSec: opt(z.number().min(0).max(86_400)),
  count: opt(z.number().int().min(1).max(100_000)),
  bodySites: z.array(z.enum(BODY_SITES)).max(BODY_SITES.length).default([]),
  polarity: z.enum(POLARITIES).default('positive'),
  context: opt(z.enum(CONTEXTS)),
  triggers: z.array(z.enum(TRIGGERS)).max(TRIGGERS.length).default([]),
  triggerOther: opt(text(200)),
  severity: opt(z.number().int().min(0).max(4)),
  impact: z.array(z.enum(IMPACTS)).max(IMPACTS.length).default([]),
  response: opt(z.enum(RESPONSES)),
  notes: opt(text(4000)),
  recordedFor: opt(z.enum(['self', 'someone-else'])),
});
export type EpisodeInput = z.infer<typeof EpisodeInput>;

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const MedicineInput = z.object({
  id: Uuid,
  name: z.string().trim().min(1).max(200),
  kbId: opt(text(200)),
  strength: opt(text(100)),
  form: opt(text(100)),
  schedule: z
    .object({
      asNeeded: z.boolean().default(false),
      timesOfDay: z.array(TimeOfDay).max(12).default([]),
      daysOfWeek: opt(z.array(z.number().int().min(1).max(7)).max(7)),
    })
    .default({ asNeeded: false, timesOfDay: [] }),
  startDate: DateOnly,
  stopDate: opt(DateOnly),
  reason: opt(text(500)),
  notes: opt(text(4000)),
  doseChanges: z.array(z.object({ date: DateOnly, strength: text(100), note: opt(text(500)) })).max(100).default([]),
});
export type MedicineInput = z.infer<typeof MedicineInput>;

export const DoseEventInput = z.object({
  id: Uuid,
  medicineId: Uuid,
  scheduledAt: opt(Instant),
  at: Instant,
  status: z.enum(['taken', 'missed', 'late']),
  amount: opt(text(100)),
});
export type DoseEventInput = z.infer<typeof DoseEventInput>;

export const SideEffectInput = z.object({
  id: Uuid,
  medicineId: opt(Uuid),
  startAt: Instant,
  description: z.string().trim().min(1).max(2000),
  severity: z.enum(['mild', 'moderate', 'severe']),
  endedAt: opt(Instant),
});
export type SideEffectInput = z.infer<typeof SideEffectInput>;

export const LAB_TESTS = { ferritin: 'µg/L', tsat: '%', egfr: 'mL/min/1.73 m²' } as const;
export const LabInput = z.object({
  id: Uuid,
  takenOn: DateOnly,
  test: z.enum(['ferritin', 'tsat', 'egfr']),
  value: z.number().min(0).max(100_000),
  unit: opt(text(40)),
});
export type LabInput = z.infer<typeof LabInput>;

export const SleepInput = z.object({
  id: Uuid,
  night: DateOnly,
  bedtime: Instant,
  latencyMin: opt(z.number().min(0).max(1440)),
  awakenings: opt(z.number().int().min(0).max(100)),
  wakeAfterSleepOnsetMin: opt(z.number().min(0).max(1440)),
  wakeTime: Instant,
  outOfBedAt: opt(Instant),
  quality: opt(z.number().int().min(1).max(5)),
  partnerNoticedJerks: opt(z.boolean()),
  notes: opt(text(4000)),
});
export type SleepInput = z.infer<typeof SleepInput>;

export const ExerciseInput = z.object({
  id: Uuid,
  startAt: Instant,
  routineId: opt(text(200)),
  name: z.string().trim().min(1).max(200),
  minutes: z.number().min(0).max(1440),
  completed: z.boolean(),
  notes: opt(text(4000)),
});
export type ExerciseInput = z.infer<typeof ExerciseInput>;

export const RemedyInput = z.object({
  id: Uuid,
  takenAt: Instant,
  name: z.string().trim().min(1).max(200),
  kbId: opt(text(200)),
  amount: opt(text(100)),
  notes: opt(text(4000)),
});
export type RemedyInput = z.infer<typeof RemedyInput>;

const umrsShape = Object.fromEntries(
  Object.entries(UMRS_SECTIONS).map(([k, r]) => [k, z.number().min(r.min).max(r.max).optional()]),
) as Record<UmrsSection, z.ZodOptional<z.ZodNumber>>;
export const RatingInput = z.object({
  id: Uuid,
  ratedAt: Instant,
  scale: z.literal('UMRS'),
  sections: z.object(umrsShape),
  notes: opt(text(4000)),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const NoteInput = z.object({ id: Uuid, at: Instant, text: z.string().trim().min(1).max(20_000) });
export type NoteInput = z.infer<typeof NoteInput>;

/** Path segment → input schema, and which field dates the entry (for from/to filters and ordering). */
export const DIARY_KINDS = {
  episodes: { schema: EpisodeInput, timeField: 'startAt', writer: 'diary' },
  medicines: { schema: MedicineInput, timeField: 'startDate', writer: 'diary' },
  doses: { schema: DoseEventInput, timeField: 'at', writer: 'diary' },
  'side-effects': { schema: SideEffectInput, timeField: 'startAt', writer: 'diary' },
  labs: { schema: LabInput, timeField: 'takenOn', writer: 'diary' },
  sleep: { schema: SleepInput, timeField: 'bedtime', writer: 'diary' },
  exercise: { schema: ExerciseInput, timeField: 'startAt', writer: 'diary' },
  remedies: { schema: RemedyInput, timeField: 'takenAt', writer: 'diary' },
  ratings: { schema: RatingInput, timeField: 'ratedAt', writer: 'clinical' },
  notes: { schema: NoteInput, timeField: 'at', writer: 'clinical' },
} as const;
export type DiaryKind = keyof typeof DIARY_KINDS;
export const DIARY_KIND_NAMES = Object.keys(DIARY_KINDS) as DiaryKind[];
export interface DiaryInputs {
  episodes: EpisodeInput;
  medicines: MedicineInput;
  doses: DoseEventInput;
  'side-effects': SideEffectInput;
  labs: LabInput;
  sleep: SleepInput;
  exercise: ExerciseInput;
  remedies: RemedyInput;
  ratings: RatingInput;
  notes: NoteInput;
}

export const EntryMeta = z.object({
  patientId: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  recordedBy: Actor,
});
export type EntryMeta = z.infer<typeof EntryMeta>;
export type Entry<K extends DiaryKind> = DiaryInputs[K] & EntryMeta;

export const ListQuery = z.object({
  from: z.union([DateOnly, Instant]).optional(),
  to: z.union([DateOnly, Instant]).optional(),
  includeDeleted: z.enum(['true', 'false', '1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});
export const EntryParams = z.object({ pid: Uuid, id: Uuid });
export const HistoryItem = z.object({
  version: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  changedAt: z.string(),
  changedBy: Actor,
  op: z.enum(['create', 'update', 'delete', 'restore']),
});
export type HistoryItem = z.infer<typeof HistoryItem>;
