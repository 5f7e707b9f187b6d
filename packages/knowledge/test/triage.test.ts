import { describe, expect, it } from 'vitest';
import { messageTemplates, redFlagRules, triage, triageQuestions, typeRules, type TriageAnswers } from '../src/index.js';

const flags = (a: TriageAnswers) => triage(a).redFlags.map((f) => f.id);
const types = (a: TriageAnswers) => triage(a).compatibleTypes.map((t) => t.entryId);

/** One positive and one negative case per red-flag rule; the negative differs in the one fact that matters. */
const redFlagCases: ReadonlyArray<{ id: string; urgency: string; yes: TriageAnswers; no: TriageAnswers }> = [
  {
    id: 'new-jerks-with-fever-confusion-or-stiff-neck',
    urgency: 'emergency',
    yes: { ageGroup: '18-to-64-years', onset: 'hours-days', otherSymptoms: ['fever', 'stiff-neck'] },
    no: { ageGroup: '18-to-64-years', onset: 'lifelong', otherSymptoms: ['fever'] }, // long-standing jerks plus a cold
  },
  {
    id: 'jerks-after-cardiac-arrest',
    urgency: 'emergency',
    yes: { onset: 'weeks', knownConditions: ['cardiac-arrest-or-hypoxia'] },
    no: { onset: 'months-years', knownConditions: ['cardiac-arrest-or-hypoxia'] },
  },
  {
    id: 'rapidly-progressive-with-cognitive-change',
    urgency: 'urgent',
    yes: { course: 'rapidly-worse', otherSymptoms: ['memory-behaviour-change'] },
    no: { course: 'slowly-worse', otherSymptoms: ['memory-behaviour-change'] },
  },
  {
    id: 'jerks-with-seizures-or-loss-of-consciousness',
    urgency: 'urgent',
    yes: { otherSymptoms: ['loss-of-consciousness'] },
    no: { otherSymptoms: ['daytime-sleepiness'] },
  },
  {
    id: 'infant-clusters-on-waking',
    urgency: 'urgent',
    yes: { ageGroup: '3-to-12-months', pattern: 'clusters', timing: ['on-waking'] },
    no: { ageGroup: '18-to-64-years', pattern: 'clusters', timing: ['on-waking'] },
  },
  {
    id: 'infant-jerks-awake-or-regression',
    urgency: 'urgent',
    yes: { ageGroup: 'under-3-months', sleepOnly: 'no' },
    no: { ageGroup: 'under-3-months', sleepOnly: 'yes' },
  },
  {
    id: 'jerks-disturb-eating-speech-or-walking',
    urgency: 'soon',
    yes: { otherSymptoms: ['trouble-speaking'] },
    no: { otherSymptoms: ['none'] },
  },
  {
    id: 'jerks-after-medicine-change',
    urgency: 'soon',
    yes: { medicineChange: 'dose-raised' },
    no: { medicineChange: 'none' },
  },
  {
    id: 'jerks-after-stopping-medicine',
    urgency: 'soon',
    yes: { medicineChange: 'stopped-or-reduced' },
    no: { medicineChange: 'unsure' },
  },
];

/** One positive and one negative case per type rule (cause rules are covered separately below). */
const typeCases: ReadonlyArray<{ id: string; yes: TriageAnswers; no: TriageAnswers }> = [
  { id: 'hypnic-jerks', yes: { ageGroup: '18-to-64-years', timing: ['falling-asleep'] }, no: { ageGroup: 'under-3-months', timing: ['falling-asleep'] } },
  { id: 'hiccups', yes: { bodyParts: ['diaphragm'] }, no: { bodyParts: ['trunk'] } },
  { id: 'exercise-anxiety-jerks', yes: { triggers: ['stress'], course: 'stable' }, no: { triggers: ['stress'], course: 'slowly-worse' } },
  {
    id: 'physiological-myoclonus',
    yes: { ageGroup: '18-to-64-years', timing: ['falling-asleep'], course: 'stable', otherSymptoms: ['none'] },
    no: { ageGroup: '18-to-64-years', timing: ['falling-asleep'], course: 'stable', otherSymptoms: ['falls'] },
  },
  {
    id: 'physiological-myoclonus',
    yes: { timing: ['falling-asleep'], otherSymptoms: ['none'] },
    no: { timing: ['falling-asleep'] }, // other symptoms not asked: no reassurance
  },
  {
    id: 'benign-neonatal-sleep-myoclonus',
    yes: { ageGroup: 'under-3-months', sleepOnly: 'yes', timing: ['asleep'] },
    no: { ageGroup: 'under-3-months', sleepOnly: 'yes', timing: ['asleep', 'on-waking'] },
  },
  {
    id: 'benign-neonatal-sleep-myoclonus',
    yes: { ageGroup: '3-to-12-months', onset: 'months-years', sleepOnly: 'yes', timing: ['asleep'] }, // persisting since the first weeks
    no: { ageGroup: '3-to-12-months', onset: 'weeks', sleepOnly: 'yes', timing: ['asleep'] }, // new at 3–12 months: not neonatal
  },
  { id: 'infantile-spasms', yes: { ageGroup: '3-to-12-months', pattern: 'clusters', timing: ['on-waking'] }, no: { ageGroup: '3-to-12-months', pattern: 'single', timing: ['on-waking'] } },
  { id: 'positive-myoclonus', yes: { movement: 'contraction' }, no: { movement: 'lapse' } },
  { id: 'negative-myoclonus', yes: { movement: 'lapse' }, no: { movement: 'contraction' } },
  { id: 'stimulus-sensitive-myoclonus', yes: { triggers: ['touch'] }, no: { triggers: ['sleep-loss'] } },
  { id: 'action-myoclonus', yes: { timing: ['during-movement'] }, no: { timing: ['at-rest'] } },
  {
    id: 'lance-adams-syndrome',
    yes: { onset: 'months-years', timing: ['during-movement'], knownConditions: ['cardiac-arrest-or-hypoxia'] },
    no: { onset: 'months-years', timing: ['during-movement'], knownConditions: ['stroke'] },
  },
  { id: 'sleep-myoclonus', yes: { timing: ['asleep'] }, no: { timing: ['at-rest'] } },
  { id: 'plmd', yes: { ageGroup: '65-plus', timing: ['asleep'], bodyParts: ['legs'] }, no: { ageGroup: '65-plus', timing: ['asleep'], bodyParts: ['arms-hands'] } },
  { id: 'restless-legs-syndrome', yes: { otherSymptoms: ['leg-urge-evening'] }, no: { otherSymptoms: ['daytime-sleepiness'] } },
  { id: 'epileptic-myoclonus', yes: { knownConditions: ['epilepsy'] }, no: { knownConditions: ['diabetes'] } },
  {
    id: 'juvenile-myoclonic-epilepsy',
    yes: { ageGroup: '13-to-17-years', timing: ['on-waking'], bodyParts: ['arms-hands'] },
    no: { ageGroup: '13-to-17-years', timing: ['on-waking'], bodyParts: ['legs'] },
  },
  { id: 'palatal-myoclonus', yes: { bodyParts: ['palate-ear'] }, no: { bodyParts: ['face-eyes'] } },
  {
    id: 'essential-myoclonus',
    yes: { onset: 'lifelong', course: 'stable', otherSymptoms: ['none'], knownConditions: ['none'], bodyParts: ['neck-shoulders'] },
    no: { onset: 'weeks', course: 'stable', otherSymptoms: ['none'], knownConditions: ['none'], bodyParts: ['neck-shoulders'] },
  },
  { id: 'creutzfeldt-jakob-disease', yes: { course: 'rapidly-worse', otherSymptoms: ['memory-behaviour-change'] }, no: { course: 'stable', otherSymptoms: ['memory-behaviour-change'] } },
  { id: 'drug-induced-myoclonus', yes: { recentMedicines: ['Lyrica 75 mg'] }, no: { recentMedicines: ['Keppra'] } },
  { id: 'symptomatic-myoclonus', yes: { knownConditions: ['kidney-disease'] }, no: { knownConditions: ['restless-legs'] } },
];

describe('triage red flags', () => {
  it('has a test case for every red-flag rule', () => {
    expect(redFlagCases.map((c) => c.id).sort()).toEqual(redFlagRules.map((r) => r.id).sort());
  });
  it.each(redFlagCases)('$id fires with its urgency, and not in its negative case', ({ id, urgency, yes, no }) => {
    const r = triage(yes);
    const flag = r.redFlags.find((f) => f.id === id);
    expect(flag?.urgency).toBe(urgency);
    expect(flag?.sources.length).toBeGreaterThan(0);
    expect(r.urgency).toBe(urgency);
    expect(flags(no)).not.toContain(id);
  });
  it('orders red flags by urgency and reports the most pressing level', () => {
    const r = triage({ onset: 'hours-days', otherSymptoms: ['fever', 'seizures', 'trouble-eating'], medicineChange: 'started-new' });
    expect(r.redFlags.map((f) => f.urgency)).toEqual(['emergency', 'urgent', 'soon', 'soon']);
    expect(r.urgency).toBe('emergency');
    expect(r.specialists[0].entryId).toBe('emergency-care');
  });
});

describe('triage compatible types', () => {
  const causeRuleCount = typeRules.filter((r) => r.id.startsWith('cause:')).length;
  it('has a test case for every non-cause type rule', () => {
    expect([...new Set(typeCases.map((c) => c.id))].sort()).toEqual(typeRules.filter((r) => !r.id.startsWith('cause:')).map((r) => r.id).sort());
    expect(causeRuleCount).toBe(9);
  });
  it.each(typeCases)('$id is compatible in its case, with reasons and sources, and not in its negative case', ({ id, yes, no }) => {
    const match = triage(yes).compatibleTypes.find((t) => t.entryId === id);
    expect(match?.reasons.length).toBeGreaterThan(0);
    expect(match?.sources.length).toBeGreaterThan(0);
    expect(types(no)).not.toContain(id);
  });
  it.each([
    ['kidney-disease', 'cause-organ-failure'],
    ['liver-disease', 'cause-organ-failure'],
    ['head-or-spine-injury', 'cause-head-trauma'],
    ['stroke', 'cause-stroke'],
    ['multiple-sclerosis', 'cause-multiple-sclerosis'],
    ['dementia', 'cause-alzheimers'],
    ['parkinsonism', 'cause-parkinsonian-syndromes'],
    ['cancer-or-tumour', 'cause-brain-tumour'],
    ['recent-infection', 'cause-infection'],
    ['cardiac-arrest-or-hypoxia', 'cause-hypoxia'],
  ])('known condition %s points to %s (and "none" does not)', (condition, entry) => {
    const r = triage({ onset: 'months-years', knownConditions: [condition] });
    const match = r.compatibleTypes.find((t) => t.entryId === entry);
    expect(match?.reasons[0].params).toBeDefined();
    expect(types({ onset: 'months-years', knownConditions: ['none'] })).not.toContain(entry);
  });
});

describe('triage outcomes as a whole', () => {
  it('ordinary hypnic jerks in an adult: self-care, family doctor only if bothersome, no tests', () => {
    const r = triage({ ageGroup: '18-to-64-years', onset: 'months-years', course: 'stable', timing: ['falling-asleep'], sleepOnly: 'yes', movement: 'contraction', otherSymptoms: ['none'], knownConditions: ['none'], medicineChange: 'none' });
    expect(r.urgency).toBe('self-care');
    expect(r.redFlags).toEqual([]);
    expect(r.compatibleTypes.map((t) => t.entryId)).toEqual(['hypnic-jerks', 'physiological-myoclonus', 'positive-myoclonus', 'sleep-myoclonus']);
    expect(r.specialists.map((s) => s.entryId)).toEqual(['primary-care']);
    expect(r.tests).toEqual([]);
  });

  it('benign neonatal sleep myoclonus: routine paediatric review, no red flag', () => {
    const r = triage({ ageGroup: 'under-3-months', sleepOnly: 'yes', timing: ['asleep'], pattern: 'clusters' });
    expect(r.redFlags).toEqual([]);
    expect(r.urgency).toBe('routine');
    expect(r.compatibleTypes.map((t) => t.entryId)).toContain('benign-neonatal-sleep-myoclonus');
    expect(r.specialists[0].entryId).toBe('paediatric-neurologist');
  });

  it('teenager with morning arm jerks: epilepsy specialist and EEG', () => {
    const r = triage({ ageGroup: '13-to-17-years', onset: 'weeks', timing: ['on-waking'], bodyParts: ['arms-hands'], triggers: ['sleep-loss'] });
    expect(r.compatibleTypes.map((t) => t.entryId)).toContain('juvenile-myoclonic-epilepsy');
    expect(r.specialists.map((s) => s.entryId)).toContain('epileptologist');
    expect(r.tests.map((t) => t.entryId)).toContain('eeg');
  });

  it('leg jerks in sleep with an evening urge: sleep specialist, sleep study and iron studies', () => {
    const r = triage({ ageGroup: '65-plus', timing: ['asleep'], bodyParts: ['legs'], otherSymptoms: ['leg-urge-evening', 'daytime-sleepiness'] });
    expect(r.specialists.map((s) => s.entryId)).toEqual(['sleep-specialist']);
    expect(r.tests.map((t) => t.entryId)).toEqual(['polysomnography', 'blood-urine-tests']);
    expect(r.links).toEqual(expect.arrayContaining(['plmd', 'restless-legs-syndrome']));
  });

  it('ear clicks: ENT and neurologist, MRI to discuss', () => {
    const r = triage({ bodyParts: ['palate-ear'], pattern: 'rhythmic' });
    expect(r.specialists.map((s) => s.entryId)).toEqual(['ent-specialist', 'neurologist']);
    expect(r.tests.map((t) => t.entryId)).toContain('mri');
  });

  it('action jerks with falls after cardiac arrest long ago: neurologist, physiotherapist, neurophysiology tests', () => {
    const r = triage({ onset: 'months-years', timing: ['during-movement'], movement: 'both', otherSymptoms: ['falls'], knownConditions: ['cardiac-arrest-or-hypoxia'] });
    expect(r.urgency).toBe('soon');
    expect(r.compatibleTypes.map((t) => t.entryId)).toEqual(expect.arrayContaining(['lance-adams-syndrome', 'action-myoclonus', 'negative-myoclonus', 'cause-hypoxia']));
    expect(r.specialists.map((s) => s.entryId)).toEqual(['neurologist', 'physiotherapist']);
    expect(r.tests.map((t) => t.entryId)).toEqual(expect.arrayContaining(['emg', 'eeg', 'jerk-locked-back-averaging', 'evoked-potentials']));
  });

  it('recognises medicines by brand name and lists unknown names without guessing', () => {
    const r = triage({ medicineChange: 'started-new', recentMedicines: ['Lyrica 75mg', 'Zzzyxol', 'Keppra'] });
    expect(r.recognisedMedicines.map((m) => m.medicineId)).toEqual(['pregabalin', 'levetiracetam']);
    expect(r.unrecognisedMedicines).toEqual(['Zzzyxol']);
    const drug = r.compatibleTypes.find((t) => t.entryId === 'drug-induced-myoclonus');
    expect(drug?.reasons.map((m) => m.text)).toEqual(['The jerks followed a new medicine or a higher dose.', 'pregabalin is among the medicines that can cause jerks.']);
    expect(r.specialists.map((s) => s.entryId)).toContain('primary-care');
  });

  it('empty answers: no flags, nothing compatible, family doctor, every question listed as unanswered', () => {
    const r = triage({});
    expect(r.redFlags).toEqual([]);
    expect(r.compatibleTypes).toEqual([]);
    expect(r.urgency).toBe('routine');
    expect(r.specialists.map((s) => s.entryId)).toEqual(['primary-care']);
    expect(r.unanswered).toEqual(triageQuestions.map((q) => q.id));
  });

  it('every link points to an existing entry and every message has a registered template', () => {
    const r = triage({ onset: 'hours-days', otherSymptoms: ['fever', 'seizures'], bodyParts: ['palate-ear'], knownConditions: ['stroke'] });
    const templates = messageTemplates();
    for (const m of [...r.redFlags.flatMap((f) => [f.text, f.action]), ...r.compatibleTypes.flatMap((t) => t.reasons), ...r.specialists.map((s) => s.reason), r.disclaimer]) {
      expect(templates[m.key], m.key).toBeDefined();
    }
    expect(r.links.length).toBeGreaterThan(5);
  });
});

describe('triage input validation', () => {
  it('rejects an unknown question with KB_UNKNOWN_QUESTION', () => {
    expect(() => triage({ age: '18-to-64-years' } as never)).toThrowError(expect.objectContaining({ code: 'KB_UNKNOWN_QUESTION', field: 'age' }));
  });
  it('rejects an unknown answer with KB_UNKNOWN_ANSWER naming the valid options', () => {
    try {
      triage({ ageGroup: 'adult' });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'KB_UNKNOWN_ANSWER', field: 'ageGroup' });
      expect((e as { hint: string }).hint).toMatch(/18-to-64-years/);
    }
    expect(() => triage({ otherSymptoms: ['fever', 'feverish'] })).toThrowError(expect.objectContaining({ code: 'KB_UNKNOWN_ANSWER' }));
  });
  it('rejects wrong shapes and contradictory answers', () => {
    expect(() => triage(null as never)).toThrowError(expect.objectContaining({ code: 'KB_BAD_ANSWER' }));
    expect(() => triage({ ageGroup: ['18-to-64-years', '65-plus'] })).toThrowError(expect.objectContaining({ code: 'KB_BAD_ANSWER' }));
    expect(() => triage({ timing: [3] } as never)).toThrowError(expect.objectContaining({ code: 'KB_BAD_ANSWER' }));
    expect(() => triage({ otherSymptoms: ['none', 'fever'] })).toThrowError(expect.objectContaining({ code: 'KB_CONFLICTING_ANSWER' }));
  });
  it('accepts a single string for a multi question and treats "unsure" as unanswered', () => {
    expect(flags({ onset: 'hours-days', otherSymptoms: 'fever' })).toEqual(['new-jerks-with-fever-confusion-or-stiff-neck']);
    // an unknown onset counts as new for the emergency rules: the safe side
    expect(flags({ onset: 'unsure', otherSymptoms: ['fever'] })).toEqual(['new-jerks-with-fever-confusion-or-stiff-neck']);
    expect(triage({ onset: 'unsure' }).unanswered).not.toContain('onset'); // answered, just not known
  });
});
