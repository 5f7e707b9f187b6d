import { getEntry } from '../kb.js';
import { defineMessage, type Message } from '../message.js';
import { matchMedicine, type Medicine } from '../meds/catalogue.js';
import type { Source } from '../schema.js';
import { normaliseAnswers, type TriageAnswers } from './answers.js';
import type { TriageQuestionId } from './questions.js';
import { redFlagRules, typeRules, type TriageFacts, type Urgency } from './rules.js';

export interface TriageTypeMatch {
  entryId: string;
  name: string;
  ruleId: string;
  reasons: Message[];
  sources: Source[];
}

export interface TriageRedFlag {
  id: string;
  urgency: Urgency;
  text: Message;
  action: Message;
  entryIds: string[];
  sources: Source[];
}

export interface TriageReferral {
  entryId: string;
  name: string;
  reason: Message;
}

export interface TriageResult {
  /** Most pressing level: red-flag urgency, 'routine' (see a doctor when convenient) or 'self-care'. */
  urgency: Urgency | 'routine' | 'self-care';
  redFlags: TriageRedFlag[];
  compatibleTypes: TriageTypeMatch[];
  specialists: TriageReferral[];
  tests: { entryId: string; name: string }[];
  /** Every knowledge entry the result refers to, for "read more" links. */
  links: string[];
  recognisedMedicines: { input: string; medicineId: string; name: string }[];
  unrecognisedMedicines: string[];
  unanswered: TriageQuestionId[];
  disclaimer: Message;
}

const urgencyOrder: Record<TriageResult['urgency'], number> = { emergency: 0, urgent: 1, soon: 2, routine: 3, 'self-care': 4 };

const disclaimer = defineMessage(
  'triage.disclaimer',
  'This is information to help you decide whom to see and what to ask. It is not a diagnosis. If you are worried, contact a doctor; in an emergency call emergency services.',
)();

const ref = {
  emergency: defineMessage('triage.ref.emergency', 'A red flag needs emergency care now.'),
  paediatric: defineMessage('triage.ref.paediatric', 'Jerks in babies and children are assessed by a paediatrician or paediatric neurologist.'),
  epilepsy: defineMessage('triage.ref.epilepsy', 'Possible epileptic jerks are best assessed by an epilepsy specialist.'),
  sleep: defineMessage('triage.ref.sleep', 'Sleep-related leg movements, restless legs or disturbed sleep are assessed by a sleep specialist.'),
  ent: defineMessage('triage.ref.ent', 'Ear clicks from palatal tremor are assessed by an ENT specialist together with a neurologist.'),
  movement: defineMessage('triage.ref.movement', 'Jerks with parkinsonism or long-standing myoclonus are the field of a movement-disorder specialist.'),
  neurologist: defineMessage('triage.ref.neurologist', 'A neurologist finds the type and cause of myoclonus.'),
  prescriber: defineMessage('triage.ref.prescriber', 'The prescriber or family doctor can review a medicine that may be causing jerks.'),
  physio: defineMessage('triage.ref.physio', 'Falls or walking problems: a physiotherapist can help with safety and balance.'),
  primary: defineMessage('triage.ref.primary', 'These jerks are usually harmless; see your family doctor if they bother you, change or new symptoms appear.'),
};

/**
 * Runs the triage rules over questionnaire answers. Returns the red flags (with urgency), the types of myoclonus the
 * answers are compatible with and why, whom to see, which tests to discuss, and links. Throws `KB_UNKNOWN_QUESTION`,
 * `KB_UNKNOWN_ANSWER`, `KB_BAD_ANSWER` or `KB_CONFLICTING_ANSWER` for answers outside the questionnaire.
 */
export function triage(answers: TriageAnswers | Record<string, unknown>): TriageResult {
  const norm = normaliseAnswers(answers);
  const recognised: { input: string; medicine: Medicine }[] = [];
  const unrecognisedMedicines: string[] = [];
  for (const name of norm.medicines) {
    const m = matchMedicine(name);
    if (m) recognised.push({ input: name, medicine: m });
    else unrecognisedMedicines.push(name);
  }
  const facts: TriageFacts = { ...norm, recognisedMedicines: recognised.map((r) => r.medicine) };

  const redFlags: TriageRedFlag[] = redFlagRules
    .filter((r) => r.applies(facts))
    .map((r) => ({ id: r.id, urgency: r.urgency, text: r.text, action: r.action, entryIds: [...r.entryIds], sources: [...r.sources] }))
    .sort((a, b) => urgencyOrder[a.urgency] - urgencyOrder[b.urgency]);

  const compatibleTypes: TriageTypeMatch[] = [];
  for (const rule of typeRules) {
    const reasons = rule.reasons(facts);
    if (reasons.length === 0) continue;
    compatibleTypes.push({ entryId: rule.entryId, name: getEntry(rule.entryId).name, ruleId: rule.id, reasons, sources: [...rule.sources] });
  }
  const matched = new Set(compatibleTypes.map((t) => t.entryId));
  const flagged = new Set(redFlags.map((f) => f.id));
  const child = ['under-3-months', '3-to-12-months', '1-to-12-years'].includes(norm.single.ageGroup ?? '');
  const onlyPhysiological =
    matched.has('physiological-myoclonus') &&
    redFlags.length === 0 &&
    [...matched].every((id) => ['physiological-myoclonus', 'hypnic-jerks', 'hiccups', 'exercise-anxiety-jerks', 'positive-myoclonus', 'sleep-myoclonus'].includes(id));

  // whom to see, most specific first
  const specialists: TriageReferral[] = [];
  const refer = (entryId: string, reason: Message) => {
    if (!specialists.some((s) => s.entryId === entryId)) specialists.push({ entryId, name: getEntry(entryId).name, reason });
  };
  if (redFlags.some((f) => f.urgency === 'emergency')) refer('emergency-care', ref.emergency());
  if (child) refer('paediatric-neurologist', ref.paediatric());
  if (matched.has('epileptic-myoclonus') || matched.has('juvenile-myoclonic-epilepsy') || flagged.has('jerks-with-seizures-or-loss-of-consciousness')) refer('epileptologist', ref.epilepsy());
  if (matched.has('plmd') || matched.has('restless-legs-syndrome') || norm.multi.otherSymptoms?.has('daytime-sleepiness')) refer('sleep-specialist', ref.sleep());
  if (matched.has('palatal-myoclonus')) refer('ent-specialist', ref.ent());
  if (matched.has('cause-parkinsonian-syndromes') || matched.has('essential-myoclonus')) refer('movement-disorder-specialist', ref.movement());
  if (matched.has('drug-induced-myoclonus')) refer('primary-care', ref.prescriber());
  const neuroTypes = ['symptomatic-myoclonus', 'action-myoclonus', 'stimulus-sensitive-myoclonus', 'negative-myoclonus', 'palatal-myoclonus', 'creutzfeldt-jakob-disease', 'lance-adams-syndrome', 'essential-myoclonus'];
  if (!onlyPhysiological && (neuroTypes.some((t) => matched.has(t)) || redFlags.some((f) => f.urgency !== 'soon' || f.id === 'jerks-disturb-eating-speech-or-walking'))) {
    refer('neurologist', ref.neurologist());
  }
  if (norm.multi.otherSymptoms?.has('falls') || norm.multi.otherSymptoms?.has('trouble-walking')) refer('physiotherapist', ref.physio());
  if (specialists.length === 0) refer('primary-care', ref.primary());

  // tests to discuss
  const testIds: string[] = [];
  const addTests = (...ids: string[]) => { for (const id of ids) if (!testIds.includes(id)) testIds.push(id); };
  if (!onlyPhysiological) {
    if (matched.has('symptomatic-myoclonus') || matched.has('drug-induced-myoclonus') || redFlags.length > 0) addTests('blood-urine-tests');
    if (matched.has('epileptic-myoclonus') || matched.has('juvenile-myoclonic-epilepsy') || matched.has('infantile-spasms') || flagged.has('infant-jerks-awake-or-regression')) addTests('eeg');
    if (matched.has('action-myoclonus') || matched.has('stimulus-sensitive-myoclonus') || matched.has('negative-myoclonus') || matched.has('lance-adams-syndrome')) addTests('emg', 'eeg', 'jerk-locked-back-averaging', 'evoked-potentials');
    if (matched.has('creutzfeldt-jakob-disease') || matched.has('palatal-myoclonus') || ['cause-stroke', 'cause-brain-tumour', 'cause-multiple-sclerosis', 'cause-head-trauma'].some((c) => matched.has(c))) addTests('mri', 'eeg');
    if (matched.has('plmd')) addTests('polysomnography', 'blood-urine-tests');
    if (matched.has('restless-legs-syndrome')) addTests('blood-urine-tests');
  }
  const tests = testIds.map((id) => ({ entryId: id, name: getEntry(id).name }));

  let urgency: TriageResult['urgency'] = onlyPhysiological ? 'self-care' : 'routine';
  for (const f of redFlags) if (urgencyOrder[f.urgency] < urgencyOrder[urgency]) urgency = f.urgency;

  const links: string[] = [];
  const link = (id: string) => { if (!links.includes(id)) links.push(id); };
  for (const f of redFlags) f.entryIds.forEach(link);
  for (const t of compatibleTypes) link(t.entryId);
  for (const s of specialists) link(s.entryId);
  for (const t of tests) link(t.entryId);
  for (const r of recognised) if (r.medicine.entryId) link(r.medicine.entryId);

  return {
    urgency,
    redFlags,
    compatibleTypes,
    specialists,
    tests,
    links,
    recognisedMedicines: recognised.map((r) => ({ input: r.input, medicineId: r.medicine.id, name: r.medicine.name })),
    unrecognisedMedicines,
    unanswered: norm.unanswered,
    disclaimer,
  };
}
