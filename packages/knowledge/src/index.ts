/**
 * @myotrace/knowledge — a typed, cited knowledge base about myoclonus and periodic limb movements, with full-text
 * search, a symptom triage questionnaire and medication-safety rules. Isomorphic: no Node built-ins.
 * Informational only; nothing here diagnoses or prescribes.
 */
export * from './schema.js';
export { S as sources, allSources } from './sources.js';
export type { SourceId } from './sources.js';
export { listEntries, getEntry, findEntry, entryIds, listSeedCorrections } from './kb.js';
export type { SeedCorrection } from './kb.js';
export { search, tokenize, normaliseTerm, resetSearchIndex } from './search.js';
export type { SearchHit, SearchOptions } from './search.js';
export { extractMessages, localizeEntry, formatMessage } from './text.js';
export type { MessageCatalogue } from './text.js';
export { medicineCatalogue, medicineClasses, matchMedicine, getMedicine, normaliseMedicineName } from './meds/catalogue.js';
export type { Medicine, MedicineClass } from './meds/catalogue.js';
export { triage } from './triage/triage.js';
export type { TriageResult, TriageTypeMatch, TriageRedFlag, TriageReferral } from './triage/triage.js';
export { triageQuestions, triageQuestionIds, getTriageQuestion } from './triage/questions.js';
export type { TriageQuestion, TriageOption, TriageQuestionId, TriageQuestionKind } from './triage/questions.js';
export type { TriageAnswers } from './triage/answers.js';
export { redFlagRules, typeRules } from './triage/rules.js';
export type { RedFlagRule, TypeRule, Urgency } from './triage/rules.js';
export { messageTemplates, translateMessage, defineMessage } from './message.js';
export type { Message } from './message.js';
export { checkMedications } from './meds/check.js';
export type { MedicationCheckResult } from './meds/check.js';
export { medicationRules, mayBecomePregnant } from './meds/rules.js';
export type { MedicationAlert, MedicationRule, AlertSeverity } from './meds/rules.js';
export { PatientProfileSchema, MedicineInputSchema, JerkDiarySchema, profileConditions, parseProfile, parseMedicines, parseDiary } from './meds/profile.js';
export type { PatientProfile, MedicineInput, JerkDiary, ProfileCondition } from './meds/profile.js';
export { compareRates, diaryRiseSettings, dayNumber } from './meds/diary.js';
export type { DiaryRiseSettings, RateComparison } from './meds/diary.js';
