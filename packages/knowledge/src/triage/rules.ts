import { defineMessage, type Message } from '../message.js';
import type { Source } from '../schema.js';
import { S } from '../sources.js';
import type { Medicine } from '../meds/catalogue.js';
import type { NormalisedAnswers } from './answers.js';

export type Urgency = 'emergency' | 'urgent' | 'soon';

/** What a rule sees: validated answers plus the medicines recognised from the free-text list. */
export interface TriageFacts extends NormalisedAnswers {
  recognisedMedicines: readonly Medicine[];
}

export interface RedFlagRule {
  id: string;
  urgency: Urgency;
  applies(f: TriageFacts): boolean;
  text: Message;
  action: Message;
  /** Entries to read, in order. */
  entryIds: readonly string[];
  sources: readonly Source[];
}

export interface TypeRule {
  id: string;
  entryId: string;
  /** Reasons why the answers fit; empty means the rule does not apply. */
  reasons(f: TriageFacts): Message[];
  sources: readonly Source[];
}

const has = (f: TriageFacts, q: string, ...values: string[]) => values.some((v) => f.multi[q]?.has(v) ?? false);
const is = (f: TriageFacts, q: string, ...values: string[]) => values.includes(f.single[q] ?? '\u0000');
const isInfant = (f: TriageFacts) => is(f, 'ageGroup', 'under-3-months', '3-to-12-months');
/** Onset recent, or not known: for emergency rules an unknown onset is treated as new (the safe side). */
const isNew = (f: TriageFacts) => !is(f, 'onset', 'months-years', 'lifelong');

/** Short helper: a reason message with a stable key. */
function reason(key: string, en: string): (params?: Record<string, string | number>) => Message {
  return defineMessage(`triage.reason.${key}`, en);
}

export const redFlagRules: readonly RedFlagRule[] = [
  {
    id: 'new-jerks-with-fever-confusion-or-stiff-neck',
    urgency: 'emergency',
    applies: (f) => isNew(f) && has(f, 'otherSymptoms', 'fever', 'confusion', 'stiff-neck'),
    text: defineMessage('triage.flag.fever.text', 'New jerks together with fever, confusion or a stiff neck can be a sign of meningitis or encephalitis.')(),
    action: defineMessage('triage.flag.fever.action', 'Call emergency services or go to an emergency department now.')(),
    entryIds: ['emergency-care', 'cause-infection'],
    sources: [S.nhsMeningitis, S.nhsEncephalitis, S.cavinessBrown2004],
  },
  {
    id: 'jerks-after-cardiac-arrest',
    urgency: 'emergency',
    applies: (f) => isNew(f) && has(f, 'knownConditions', 'cardiac-arrest-or-hypoxia'),
    text: defineMessage('triage.flag.hypoxia.text', 'Jerks that begin after a cardiac arrest or another lack of oxygen to the brain need immediate medical assessment.')(),
    action: defineMessage('triage.flag.hypoxia.action', 'Call emergency services now, or alert the care team if the person is in hospital.')(),
    entryIds: ['emergency-care', 'cause-hypoxia', 'lance-adams-syndrome'],
    sources: [S.elmer2016, S.lanceAdams1963],
  },
  {
    id: 'rapidly-progressive-with-cognitive-change',
    urgency: 'urgent',
    applies: (f) => is(f, 'course', 'rapidly-worse') && has(f, 'otherSymptoms', 'memory-behaviour-change'),
    text: defineMessage('triage.flag.rapid.text', 'Jerks that worsen week by week together with changes in memory, thinking or behaviour need urgent assessment; some causes, such as autoimmune encephalitis, are treatable.')(),
    action: defineMessage('triage.flag.rapid.action', 'Contact a doctor today and ask for an urgent neurology assessment.')(),
    entryIds: ['creutzfeldt-jakob-disease', 'neurologist'],
    sources: [S.nindsCjd, S.cavinessBrown2004],
  },
  {
    id: 'jerks-with-seizures-or-loss-of-consciousness',
    urgency: 'urgent',
    applies: (f) => has(f, 'otherSymptoms', 'seizures', 'loss-of-consciousness'),
    text: defineMessage('triage.flag.seizure.text', 'Jerks together with seizures or loss of consciousness may be epileptic.')(),
    action: defineMessage('triage.flag.seizure.action', 'See a doctor urgently (within a day). Call emergency services for a seizure lasting over 5 minutes or repeated seizures without recovery.')(),
    entryIds: ['epileptic-myoclonus', 'epileptologist', 'eeg'],
    sources: [S.medlinkMyoclonicSeizures, S.nhsEncephalitis],
  },
  {
    id: 'infant-clusters-on-waking',
    urgency: 'urgent',
    applies: (f) => isInfant(f) && is(f, 'pattern', 'clusters') && has(f, 'timing', 'on-waking'),
    text: defineMessage('triage.flag.infant.text', 'Clusters of jerks or spasms around waking in a baby are not typical of benign neonatal sleep myoclonus (which happens only asleep and stops on waking) and can be infantile spasms.')(),
    action: defineMessage('triage.flag.infant.action', 'Have the baby seen by a doctor today; film an episode if you safely can.')(),
    entryIds: ['infantile-spasms', 'paediatric-neurologist', 'benign-neonatal-sleep-myoclonus'],
    sources: [S.nindsInfantileSpasms, S.pellock2010, S.maurer2010],
  },
  {
    id: 'infant-jerks-awake-or-regression',
    urgency: 'urgent',
    applies: (f) => isInfant(f) && (is(f, 'sleepOnly', 'no') || has(f, 'otherSymptoms', 'lost-skills')),
    text: defineMessage('triage.flag.infantAwake.text', 'In a baby, jerks while awake, or with feeding problems, less responsiveness or loss of skills, are not benign sleep myoclonus.')(),
    action: defineMessage('triage.flag.infantAwake.action', 'Have the baby seen by a doctor within a day.')(),
    entryIds: ['paediatric-neurologist', 'infantile-spasms'],
    sources: [S.maurer2010, S.nindsInfantileSpasms],
  },
  {
    id: 'jerks-disturb-eating-speech-or-walking',
    urgency: 'soon',
    applies: (f) => has(f, 'otherSymptoms', 'trouble-eating', 'trouble-speaking', 'trouble-walking', 'falls'),
    text: defineMessage('triage.flag.function.text', 'Jerks that interfere with eating, speaking or walking, or cause falls, are not physiological and deserve assessment.')(),
    action: defineMessage('triage.flag.function.action', 'Book an appointment with your doctor in the next days to weeks; ask about a neurology referral and fall safety.')(),
    entryIds: ['symptomatic-myoclonus', 'neurologist', 'physiotherapist'],
    sources: [S.ninds, S.cavinessBrown2004],
  },
  {
    id: 'jerks-after-medicine-change',
    urgency: 'soon',
    applies: (f) => is(f, 'medicineChange', 'started-new', 'dose-raised'),
    text: defineMessage('triage.flag.medicine.text', 'Jerks that began or increased after a new medicine or a higher dose may be a side effect.')(),
    action: defineMessage('triage.flag.medicine.action', 'Contact the prescriber or a pharmacist soon; do not stop the medicine on your own. Note the dates and how often the jerks happen.')(),
    entryIds: ['drug-induced-myoclonus', 'primary-care'],
    sources: [S.desai2019, S.kim2017, S.levyChen2016],
  },
  {
    id: 'jerks-after-stopping-medicine',
    urgency: 'soon',
    applies: (f) => is(f, 'medicineChange', 'stopped-or-reduced'),
    text: defineMessage('triage.flag.withdrawal.text', 'Jerks after a medicine was stopped or reduced can be a withdrawal effect (for example of benzodiazepines) or the return of what it was treating.')(),
    action: defineMessage('triage.flag.withdrawal.action', 'Contact the prescriber soon, and urgently if there are seizures or confusion.')(),
    entryIds: ['clonazepam', 'drug-induced-myoclonus'],
    sources: [S.fdaBenzo2020],
  },
];

const conditionCauses: ReadonlyArray<readonly [string, string, string]> = [
  ['kidney-disease', 'cause-organ-failure', 'kidney disease'],
  ['liver-disease', 'cause-organ-failure', 'liver disease'],
  ['diabetes', 'cause-organ-failure', 'diabetes (blood sugar problems)'],
  ['head-or-spine-injury', 'cause-head-trauma', 'a head or spinal injury'],
  ['stroke', 'cause-stroke', 'a stroke'],
  ['multiple-sclerosis', 'cause-multiple-sclerosis', 'multiple sclerosis'],
  ['dementia', 'cause-alzheimers', 'dementia'],
  ['parkinsonism', 'cause-parkinsonian-syndromes', 'parkinsonism'],
  ['cancer-or-tumour', 'cause-brain-tumour', 'cancer or a tumour'],
  ['recent-infection', 'cause-infection', 'a recent infection'],
  ['cardiac-arrest-or-hypoxia', 'cause-hypoxia', 'a past lack of oxygen to the brain'],
];

const rKnown = reason('knownCondition', 'You reported {condition}, which is a known cause of myoclonus.');
const rMedicineClass = reason('medicineClass', '{medicine} is among the medicines that can cause jerks.');

/** Causes suggested by the known conditions, one type rule per cause entry. */
const causeRules: TypeRule[] = [...new Set(conditionCauses.map(([, entry]) => entry))].map((entryId) => ({
  id: `cause:${entryId}`,
  entryId,
  reasons: (f) => conditionCauses.filter(([cond, e]) => e === entryId && has(f, 'knownConditions', cond)).map(([, , label]) => rKnown({ condition: label })),
  sources: [S.cavinessBrown2004, S.zutt2015],
}));

/** Only when "other symptoms" was actually answered (with none): an unanswered question is not a reassurance. */
const physiologicalPattern = (f: TriageFacts) =>
  !f.unanswered.includes('otherSymptoms') &&
  !is(f, 'course', 'slowly-worse', 'rapidly-worse') &&
  (f.multi.otherSymptoms?.size ?? 0) === 0 &&
  (f.multi.knownConditions?.size ?? 0) === 0 &&
  !isInfant(f);

export const typeRules: readonly TypeRule[] = [
  {
    id: 'hypnic-jerks',
    entryId: 'hypnic-jerks',
    reasons: (f) => (has(f, 'timing', 'falling-asleep') && !isInfant(f) ? [reason('fallingAsleep', 'Jerks as you fall asleep are typical of hypnic jerks (sleep starts).')()] : []),
    sources: [S.hypnicParkinsonism2016, S.whitneyWeiss2018],
  },
  {
    id: 'hiccups',
    entryId: 'hiccups',
    reasons: (f) => (has(f, 'bodyParts', 'diaphragm') ? [reason('hiccups', 'Hiccups are jerks of the diaphragm.')()] : []),
    sources: [S.steger2015],
  },
  {
    id: 'exercise-anxiety-jerks',
    entryId: 'exercise-anxiety-jerks',
    reasons: (f) =>
      has(f, 'triggers', 'exercise', 'stress') && !is(f, 'course', 'slowly-worse', 'rapidly-worse')
        ? [reason('exerciseStress', 'Jerks brought on by hard exercise or stress, without worsening over time, are common in healthy people.')()]
        : [],
    sources: [S.cavinessBrown2004],
  },
  {
    id: 'physiological-myoclonus',
    entryId: 'physiological-myoclonus',
    reasons: (f) =>
      physiologicalPattern(f) && (has(f, 'timing', 'falling-asleep') || has(f, 'bodyParts', 'diaphragm') || has(f, 'triggers', 'exercise', 'stress'))
        ? [reason('physiological', 'No other symptoms, no known conditions and no worsening: the pattern fits jerks that healthy people have.')()]
        : [],
    sources: [S.cavinessBrown2004, S.hypnicParkinsonism2016],
  },
  {
    id: 'benign-neonatal-sleep-myoclonus',
    entryId: 'benign-neonatal-sleep-myoclonus',
    // starts in the first weeks; in about a third it lasts beyond 3 months, so an older baby qualifies when the
    // jerks have been there since early on (onset months ago), not when they are new
    reasons: (f) =>
      (is(f, 'ageGroup', 'under-3-months') || (is(f, 'ageGroup', '3-to-12-months') && is(f, 'onset', 'months-years', 'lifelong'))) &&
      is(f, 'sleepOnly', 'yes') &&
      !has(f, 'timing', 'on-waking') &&
      !has(f, 'otherSymptoms', 'lost-skills')
        ? [reason('bnsm', 'Jerks in a young baby that happen only asleep and stop on waking fit benign neonatal sleep myoclonus; a doctor should confirm it.')()]
        : [],
    sources: [S.maurer2010],
  },
  {
    id: 'infantile-spasms',
    entryId: 'infantile-spasms',
    reasons: (f) =>
      isInfant(f) && is(f, 'pattern', 'clusters') && has(f, 'timing', 'on-waking')
        ? [reason('spasms', 'Clusters of jerks around waking in a baby can be infantile spasms.')()]
        : [],
    sources: [S.nindsInfantileSpasms, S.pellock2010],
  },
  {
    id: 'positive-myoclonus',
    entryId: 'positive-myoclonus',
    reasons: (f) => (is(f, 'movement', 'contraction', 'both') ? [reason('positive', 'Sudden muscle twitches are positive myoclonus.')()] : []),
    sources: [S.cavinessBrown2004],
  },
  {
    id: 'negative-myoclonus',
    entryId: 'negative-myoclonus',
    reasons: (f) => (is(f, 'movement', 'lapse', 'both') ? [reason('negative', 'Brief losses of strength (dropping things, knees giving way) are negative myoclonus.')()] : []),
    sources: [S.cavinessBrown2004, S.silentPeriods2023],
  },
  {
    id: 'stimulus-sensitive-myoclonus',
    entryId: 'stimulus-sensitive-myoclonus',
    reasons: (f) =>
      has(f, 'triggers', 'touch', 'noise', 'light', 'startle')
        ? [reason('stimulus', 'Jerks set off by touch, noise, light or startle suggest reflex (stimulus-sensitive) myoclonus.')()]
        : [],
    sources: [S.cavinessBrown2004, S.zutt2015],
  },
  {
    id: 'action-myoclonus',
    entryId: 'action-myoclonus',
    reasons: (f) =>
      has(f, 'timing', 'during-movement') || has(f, 'triggers', 'movement')
        ? [reason('action', 'Jerks that appear when you move or try a task are action myoclonus.')()]
        : [],
    sources: [S.lanceAdams1963, S.caviness2014],
  },
  {
    id: 'lance-adams-syndrome',
    entryId: 'lance-adams-syndrome',
    reasons: (f) =>
      has(f, 'knownConditions', 'cardiac-arrest-or-hypoxia') && (has(f, 'timing', 'during-movement') || has(f, 'triggers', 'movement'))
        ? [reason('lanceAdams', 'Action jerks after a lack of oxygen to the brain fit Lance–Adams syndrome.')()]
        : [],
    sources: [S.lanceAdams1963],
  },
  {
    id: 'sleep-myoclonus',
    entryId: 'sleep-myoclonus',
    reasons: (f) => (has(f, 'timing', 'asleep') || is(f, 'sleepOnly', 'yes') ? [reason('sleep', 'Jerks during sleep belong to the sleep-related movements.')()] : []),
    sources: [S.whitneyWeiss2018, S.icsd3Plmd],
  },
  {
    id: 'plmd',
    entryId: 'plmd',
    reasons: (f) =>
      has(f, 'timing', 'asleep') && has(f, 'bodyParts', 'legs') && !isInfant(f)
        ? [reason('plm', 'Leg movements during sleep may be periodic limb movements; a sleep study is needed to diagnose PLMD.')()]
        : [],
    sources: [S.icsd3Plmd, S.aasm2024],
  },
  {
    id: 'restless-legs-syndrome',
    entryId: 'restless-legs-syndrome',
    reasons: (f) =>
      has(f, 'otherSymptoms', 'leg-urge-evening') || has(f, 'knownConditions', 'restless-legs')
        ? [reason('rls', 'An evening urge to move the legs that eases with movement is the core feature of restless legs syndrome.')()]
        : [],
    sources: [S.aasm2024, S.aan2016],
  },
  {
    id: 'epileptic-myoclonus',
    entryId: 'epileptic-myoclonus',
    reasons: (f) => {
      const out: Message[] = [];
      if (has(f, 'knownConditions', 'epilepsy')) out.push(reason('knownEpilepsy', 'You reported epilepsy; jerks can be myoclonic seizures.')());
      if (has(f, 'otherSymptoms', 'seizures', 'loss-of-consciousness')) out.push(reason('seizures', 'Jerks with seizures or blank spells may be epileptic.')());
      if (has(f, 'triggers', 'light')) out.push(reason('photic', 'Jerks triggered by flashing light occur in some epilepsies.')());
      return out;
    },
    sources: [S.medlinkMyoclonicSeizures, S.medlinkJme],
  },
  {
    id: 'juvenile-myoclonic-epilepsy',
    entryId: 'juvenile-myoclonic-epilepsy',
    reasons: (f) =>
      is(f, 'ageGroup', '13-to-17-years', '1-to-12-years', '18-to-64-years') &&
      has(f, 'timing', 'on-waking') &&
      has(f, 'bodyParts', 'arms-hands', 'neck-shoulders') &&
      !is(f, 'onset', 'lifelong')
        ? [reason('jme', 'Jerks of the arms or shoulders soon after waking, especially starting in the teenage years, are typical of juvenile myoclonic epilepsy.')()]
        : [],
    sources: [S.medlinkJme],
  },
  {
    id: 'palatal-myoclonus',
    entryId: 'palatal-myoclonus',
    reasons: (f) => (has(f, 'bodyParts', 'palate-ear') ? [reason('palatal', 'Movement of the palate or a clicking sound in the ear suggests palatal tremor (palatal myoclonus).')()] : []),
    sources: [S.deuschl1991, S.bhattacharjee],
  },
  {
    id: 'essential-myoclonus',
    entryId: 'essential-myoclonus',
    reasons: (f) =>
      is(f, 'onset', 'lifelong') && is(f, 'course', 'stable') && (f.multi.otherSymptoms?.size ?? 0) === 0 && (f.multi.knownConditions?.size ?? 0) === 0 && !has(f, 'timing', 'falling-asleep')
        ? [reason('essential', 'Long-standing, stable jerks without other symptoms or known conditions fit essential myoclonus (sometimes inherited).')()]
        : [],
    sources: [S.zutt2015, S.kojovic2011],
  },
  {
    id: 'creutzfeldt-jakob-disease',
    entryId: 'creutzfeldt-jakob-disease',
    reasons: (f) =>
      is(f, 'course', 'rapidly-worse') && has(f, 'otherSymptoms', 'memory-behaviour-change')
        ? [reason('rapid', 'Rapidly worsening jerks with memory or behaviour change need urgent tests for treatable and untreatable causes.')()]
        : [],
    sources: [S.nindsCjd],
  },
  {
    id: 'drug-induced-myoclonus',
    entryId: 'drug-induced-myoclonus',
    reasons: (f) => {
      const out: Message[] = [];
      if (is(f, 'medicineChange', 'started-new', 'dose-raised')) out.push(reason('medicineChange', 'The jerks followed a new medicine or a higher dose.')());
      if (is(f, 'medicineChange', 'stopped-or-reduced')) out.push(reason('medicineStopped', 'The jerks followed stopping or reducing a medicine.')());
      for (const m of f.recognisedMedicines) {
        if (m.classes.some((c) => c === 'alpha2delta-ligand' || c === 'opioid')) out.push(rMedicineClass({ medicine: m.name }));
      }
      return out;
    },
    sources: [S.desai2019, S.kim2017, S.boyerShannon2005],
  },
  {
    id: 'symptomatic-myoclonus',
    entryId: 'symptomatic-myoclonus',
    reasons: (f) =>
      conditionCauses.some(([cond]) => has(f, 'knownConditions', cond))
        ? [reason('symptomatic', 'A known condition that can cause myoclonus is present, so the jerks may be symptomatic (secondary).')()]
        : [],
    sources: [S.cavinessBrown2004, S.zutt2015],
  },
  ...causeRules,
];
