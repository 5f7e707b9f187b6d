/**
 * Medication-safety alerts come from @myotrace/knowledge. The checker is injected so tests and a missing knowledge
 * package both work; `knowledgeSafetyChecker` adapts the package's `checkMedications` to the API's alert shape.
 */
import type { PatientProfile } from '../schemas/auth.js';
import type { MedicineInput } from '../schemas/diary.js';
import type { SafetyAlert } from '../schemas/insights.js';

export type SafetyChecker = (
  profile: PatientProfile,
  medicines: MedicineInput[],
  labs: { test: string; value: number; takenOn: string }[],
  /** Episodes per local day, every day from the first diary day to today (days with none are 0). */
  diary?: { date: string; jerks: number }[],
) => Promise<SafetyAlert[]>;

export const noSafetyChecks: SafetyChecker = async () => [];
