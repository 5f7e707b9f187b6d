import { z } from 'zod';

/**
 * Schema of every knowledge entry. Entries are plain TypeScript data (isomorphic, bundle-safe); this schema is
 * checked when the knowledge base is first used and in the tests, so a malformed entry fails loudly, never silently.
 */

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
export const entryId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case');

export const SourceSchema = z.object({
  id: z.string().min(2),
  /** Full citation: authors or body, title, journal or publisher, year. */
  citation: z.string().min(10),
  url: z.url(),
  /** What we took from it, or a caveat on how far it was verified. */
  note: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const CodesSchema = z
  .object({
    icd10cm: z.array(z.string().regex(/^[A-Z]\d{2}(?:\.\d{1,4})?$/)).optional(),
    icd11: z.array(z.string()).optional(),
    snomedCt: z.array(z.string().regex(/^\d{6,18}$/)).optional(),
    hpo: z.array(z.string().regex(/^HP:\d{7}$/)).optional(),
  })
  .strict();
export type Codes = z.infer<typeof CodesSchema>;

/** A claim in the seed article that better sources contradict or qualify. */
export const CorrectionSchema = z.object({
  seedClaim: z.string().min(5),
  correction: z.string().min(20),
  sources: z.array(SourceSchema).min(1),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const entryKinds = [
  'overview',
  'type',
  'neurophysiology',
  'cause',
  'condition',
  'topic',
  'test',
  'treatment',
  'remedy',
  'exercise',
  'specialist',
] as const;
export type EntryKind = (typeof entryKinds)[number];

export const analysisCommands = ['myotrace bursts', 'myotrace backaverage', 'myotrace score'] as const;
export type AnalysisCommand = (typeof analysisCommands)[number];

export const AnalysisLinkSchema = z.object({
  command: z.enum(analysisCommands),
  /** What the analysis measures that bears on this class. */
  measures: z.string().min(10),
});
export type AnalysisLink = z.infer<typeof AnalysisLinkSchema>;

const base = {
  id: entryId,
  name: z.string().min(2),
  /** Other names, lay terms, abbreviations and brand names that should find this entry in search. */
  synonyms: z.array(z.string().min(2)),
  /** One or two plain-language sentences. */
  summary: z.string().min(40),
  /** Paragraphs, plain language, our own words. */
  details: z.array(z.string().min(20)).min(1),
  codes: CodesSchema.optional(),
  sources: z.array(SourceSchema).min(1),
  lastReviewed: isoDate,
  /** Ids of other entries worth reading next. */
  related: z.array(entryId),
  corrections: z.array(CorrectionSchema).optional(),
  /** MyoTrace analyses that measure something this entry describes (e.g. PLM scoring for PLMD). */
  analyses: z.array(AnalysisLinkSchema).optional(),
};

export const EmgSignatureSchema = z.object({
  /** Typical EMG burst duration range in milliseconds, when the literature gives one. */
  burstDurationMs: z.tuple([z.number().positive(), z.number().positive()]).nullable(),
  description: z.string().min(20),
  analyses: z.array(AnalysisLinkSchema).min(1),
});
export type EmgSignature = z.infer<typeof EmgSignatureSchema>;

export const RoutineStepSchema = z.object({
  instruction: z.string().min(5),
  durationSec: z.number().int().positive(),
});
export type RoutineStep = z.infer<typeof RoutineStepSchema>;

export const RoutineSchema = z.object({
  steps: z.array(RoutineStepSchema).min(2),
  /** How many times to go through the steps in one session. */
  rounds: z.number().int().positive(),
  /** How often, in plain words (e.g. "daily"). */
  frequency: z.string().min(3),
  cautions: z.array(z.string().min(10)).min(1),
});
export type Routine = z.infer<typeof RoutineSchema>;

export const evidenceGrades = ['moderate', 'low', 'very-low', 'none-for-myoclonus'] as const;
export type EvidenceGrade = (typeof evidenceGrades)[number];

export const EntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('overview') }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('type'),
      /** How the type is defined: by what the jerk does, by setting, by cause, by trigger or by body part. */
      axis: z.enum(['phenomenon', 'setting', 'cause', 'trigger', 'distribution']),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('neurophysiology'), emg: EmgSignatureSchema }).strict(),
  z.object({ ...base, kind: z.literal('cause') }).strict(),
  z.object({ ...base, kind: z.literal('condition') }).strict(),
  z.object({ ...base, kind: z.literal('topic') }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('test'),
      whatItShows: z.string().min(20),
      whenUsed: z.string().min(20),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('treatment'),
      indications: z.array(z.string().min(10)).min(1),
      cautions: z.array(z.string().min(10)).min(1),
      /** Ids in the medicine catalogue this treatment covers (empty for non-drug treatments). */
      medicineIds: z.array(z.string()),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('remedy'),
      evidenceGrade: z.enum(evidenceGrades),
      evidence: z.string().min(20),
      interactions: z.array(z.string().min(10)),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('exercise'), routine: RoutineSchema }).strict(),
  z.object({ ...base, kind: z.literal('specialist'), whenToSee: z.array(z.string().min(10)).min(1) }).strict(),
]);
export type Entry = z.infer<typeof EntrySchema>;
export type EntryOfKind<K extends EntryKind> = Extract<Entry, { kind: K }>;

/** Total time of one session of a routine, in seconds (all steps × rounds). */
export function routineDurationSec(routine: Routine): number {
  let sum = 0;
  for (const s of routine.steps) sum += s.durationSec;
  return sum * routine.rounds;
}
