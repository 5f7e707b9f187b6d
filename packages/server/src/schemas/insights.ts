import { z } from 'zod';
import { DateOnly } from './common.js';

export const InsightsQuery = z.object({ from: DateOnly.optional(), to: DateOnly.optional() });

const Window = z.object({ days: z.number(), episodes: z.number(), perDay: z.number().nullable() });
export const MedicineChange = z.object({
  medicineId: z.string(),
  name: z.string(),
  kind: z.enum(['start', 'dose-change']),
  date: z.string(),
  windowDays: z.number(),
  before: Window,
  after: Window,
  rateRatio: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  status: z.enum(['ok', 'not-enough-data']),
  reason: z.string().optional(),
});
export type MedicineChange = z.infer<typeof MedicineChange>;
export const SafetyAlert = z.object({
  id: z.string(),
  severity: z.string(),
  title: z.string(),
  message: z.string(),
  medicines: z.array(z.string()),
  sources: z.array(z.string()),
});
export type SafetyAlert = z.infer<typeof SafetyAlert>;

export const Insights = z.object({
  from: z.string(),
  to: z.string(),
  totalEpisodes: z.number(),
  totalJerks: z.number(),
  daily: z.array(z.object({ date: z.string(), episodes: z.number(), jerks: z.number(), movingAvg7: z.number().nullable() })),
  heatmap: z.object({ weekdays: z.array(z.string()), counts: z.array(z.array(z.number())) }),
  triggers: z.array(z.object({ trigger: z.string(), count: z.number(), share: z.number() })),
  bodySites: z.array(z.object({ site: z.string(), count: z.number(), share: z.number() })),
  polarity: z.object({ positive: z.number(), negative: z.number(), unsure: z.number() }),
  medicineChanges: z.array(MedicineChange),
  adherence: z.array(
    z.object({ medicineId: z.string(), name: z.string(), expected: z.number(), taken: z.number(), late: z.number(), missed: z.number(), adherence: z.number().nullable() }),
  ),
  exerciseVsNextDay: z.object({
    n: z.number(),
    correlation: z.number().nullable(),
    meanNextDayAfterExercise: z.number().nullable(),
    meanNextDayWithout: z.number().nullable(),
  }),
  sleepVsNextDay: z.object({ n: z.number(), correlation: z.number().nullable() }),
  caveat: z.string(),
  safetyAlerts: z.array(SafetyAlert),
});
export type Insights = z.infer<typeof Insights>;
