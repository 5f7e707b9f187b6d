/**
 * Adapter from @myotrace/knowledge's `checkMedications` to the API's safety alerts: maps the patient profile,
 * the medicine list (start and dose-increase dates) and the daily jerk diary into the knowledge package's inputs.
 */
import { checkMedications, type PatientProfileSchema, profileConditions } from '@myotrace/knowledge';
import type { z } from 'zod';
import type { SafetyChecker } from '../insights/safety.js';
import type { SafetyAlert } from '../schemas/insights.js';

type KbProfile = z.infer<typeof PatientProfileSchema>;
type Condition = (typeof profileConditions)[number];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const knowledgeSafetyChecker: SafetyChecker = async (profile, medicines, labs, diary) => {
  const latest = (test: string) => labs.filter((l) => l.test === test).sort((a, b) => b.takenOn.localeCompare(a.takenOn))[0];
  const ferritin = latest('ferritin');
  const tsat = latest('tsat');
  const egfr = latest('egfr');
  const drawn = [ferritin, tsat, egfr].filter(Boolean).map((l) => l!.takenOn).sort().pop();
  const conditions = (profile.conditions ?? []).map(slug).filter((c): c is Condition => (profileConditions as readonly string[]).includes(c));
  const kbProfile: KbProfile = {
    ...(profile.sex ? { sex: profile.sex } : {}),
    ...(profile.birthYear ? { ageYears: new Date().getUTCFullYear() - profile.birthYear } : {}),
    ...(profile.pregnancyPossible != null ? { childbearingPotential: profile.pregnancyPossible } : {}),
    ...(profile.pregnant != null ? { pregnant: profile.pregnant } : {}),
    ...(conditions.length ? { conditions: [...new Set(conditions)] } : {}),
    ...(ferritin || tsat || egfr
      ? {
          labs: {
            ...(ferritin ? { ferritinUgL: ferritin.value } : {}),
            ...(tsat ? { tsatPercent: Math.min(100, tsat.value) } : {}),
            ...(egfr ? { egfrMlMin: egfr.value } : {}),
            ...(drawn ? { drawnOn: drawn } : {}),
          },
        }
      : {}),
  };
  const meds = medicines.map((m) => ({
    name: m.kbId ?? m.name,
    startedOn: m.startDate,
    ...(m.doseChanges?.length ? { doseIncreasedOn: m.doseChanges.map((c) => c.date) } : {}),
  }));
  const result = checkMedications(kbProfile, meds, diary && diary.length ? { days: diary } : undefined);
  return result.alerts.map(
    (a): SafetyAlert => ({
      id: a.id,
      severity: a.severity,
      title: a.text.text.split(/(?<=[.!?])\s/)[0] ?? a.ruleId,
      message: `${a.text.text} ${a.action.text}`.trim(),
      medicines: a.medicineIds,
      sources: a.sources.map((s) => s.citation),
    }),
  );
};
