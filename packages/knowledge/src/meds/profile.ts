import { MyoTraceError } from '@myotrace/errors';
import { z } from 'zod';
import { isoDate } from '../schema.js';

export const profileConditions = [
  'epilepsy',
  'juvenile-myoclonic-epilepsy',
  'dravet-syndrome',
  'progressive-myoclonus-epilepsy',
  'myoclonic-epilepsy',
  'myoclonus',
  'cortical-myoclonus',
  'mitochondrial-disease',
  'polg',
  'restless-legs-syndrome',
  'plmd',
  'parkinsons-disease',
  'kidney-disease',
  'liver-disease',
] as const;
export type ProfileCondition = (typeof profileConditions)[number];

export const PatientProfileSchema = z
  .object({
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    ageYears: z.number().min(0).max(130).optional(),
    /** Could become pregnant. When absent it is assumed for females aged 10–55 (or of unknown age). */
    childbearingPotential: z.boolean().optional(),
    pregnant: z.boolean().optional(),
    /** Planning to conceive (either partner). */
    planningConception: z.boolean().optional(),
    /** Known or suspected conditions (suspected mitochondrial disease counts). */
    conditions: z.array(z.enum(profileConditions)).optional(),
    labs: z
      .object({
        ferritinUgL: z.number().nonnegative().optional(),
        tsatPercent: z.number().min(0).max(100).optional(),
        egfrMlMin: z.number().nonnegative().optional(),
        drawnOn: isoDate.optional(),
        /** Taken in the morning without iron intake for 24 h, as the AASM guideline asks. */
        morningFasting: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type PatientProfile = z.infer<typeof PatientProfileSchema>;

export const MedicineInputSchema = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().min(1),
      /** Date the medicine was started. */
      startedOn: isoDate.optional(),
      /** Dates the dose was raised. */
      doseIncreasedOn: z.array(isoDate).optional(),
    })
    .strict(),
]);
export type MedicineInput = z.infer<typeof MedicineInputSchema>;

export const JerkDiarySchema = z
  .object({
    /** One row per diary day; days without a row are missing, not zero. */
    days: z.array(z.object({ date: isoDate, jerks: z.number().int().nonnegative() }).strict()),
  })
  .strict();
export type JerkDiary = z.infer<typeof JerkDiarySchema>;

function fail(code: string, what: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new MyoTraceError(code, `${what}${path ? ` at "${path}"` : ''}: ${issue?.message ?? 'invalid'}`, {
    field: path || undefined,
    hint: code === 'KB_BAD_PROFILE' ? `conditions may be: ${profileConditions.join(', ')}` : 'dates are YYYY-MM-DD; jerk counts are whole numbers ≥ 0',
  });
}

export function parseProfile(input: unknown): PatientProfile {
  const r = PatientProfileSchema.safeParse(input ?? {});
  if (!r.success) fail('KB_BAD_PROFILE', 'invalid patient profile', r.error);
  return r.data;
}

export function parseMedicines(input: unknown): MedicineInput[] {
  const r = z.array(MedicineInputSchema).safeParse(input);
  if (!r.success) fail('KB_BAD_MEDICINE', 'invalid medicine list', r.error);
  return r.data;
}

export function parseDiary(input: unknown): JerkDiary {
  const r = JerkDiarySchema.safeParse(input);
  if (!r.success) fail('KB_BAD_DIARY', 'invalid jerk diary', r.error);
  const seen = new Set<string>();
  for (const [i, d] of r.data.days.entries()) {
    if (seen.has(d.date)) throw new MyoTraceError('KB_BAD_DIARY', `jerk diary has two rows for ${d.date}`, { field: `days.${i}.date`, hint: 'sum the counts of one day into one row' });
    seen.add(d.date);
  }
  return r.data;
}
