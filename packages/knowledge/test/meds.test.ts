import { describe, expect, it } from 'vitest';
import { checkMedications, compareRates, matchMedicine, medicationRules, messageTemplates, type JerkDiary, type MedicineInput, type PatientProfile } from '../src/index.js';

const ruleIds = (profile: PatientProfile, meds: MedicineInput[], diary?: JerkDiary) => checkMedications(profile, meds, diary).alerts.map((a) => a.ruleId);

/** Each rule with a case that fires and a negative case that differs in the one fact that matters. */
const cases: ReadonlyArray<{ rule: string; severity: string; yes: [PatientProfile, MedicineInput[]]; no: [PatientProfile, MedicineInput[]] }> = [
  { rule: 'valproate-pregnancy', severity: 'high', yes: [{ sex: 'female', pregnant: true }, ['Epilim Chrono 500 mg']], no: [{ sex: 'female', pregnant: false, childbearingPotential: false }, ['Epilim']] },
  { rule: 'valproate-pregnancy-prevention', severity: 'high', yes: [{ sex: 'female', ageYears: 24 }, ['Depakote']], no: [{ sex: 'female', ageYears: 70 }, ['Depakote']] },
  { rule: 'valproate-pregnancy-question', severity: 'info', yes: [{}, ['Depakote']], no: [{ sex: 'male' }, ['Depakote']] },
  { rule: 'topiramate-pregnancy-prevention', severity: 'high', yes: [{ sex: 'female', ageYears: 32 }, ['Topamax 50 mg']], no: [{ sex: 'female', ageYears: 32, childbearingPotential: false }, ['Topamax 50 mg']] },
  { rule: 'valproate-male-precautions', severity: 'moderate', yes: [{ sex: 'male', ageYears: 30 }, ['valproic acid']], no: [{ sex: 'male', ageYears: 30 }, ['levetiracetam']] },
  { rule: 'valproate-mitochondrial', severity: 'high', yes: [{ conditions: ['polg'] }, ['sodium valproate']], no: [{ conditions: ['epilepsy'] }, ['sodium valproate']] },
  { rule: 'lamotrigine-myoclonic-epilepsy', severity: 'moderate', yes: [{ conditions: ['juvenile-myoclonic-epilepsy'] }, ['Lamictal']], no: [{ conditions: ['epilepsy'] }, ['Lamictal']] },
  { rule: 'sodium-channel-blocker-aggravation', severity: 'moderate', yes: [{ conditions: ['cortical-myoclonus'] }, ['Tegretol']], no: [{ conditions: ['epilepsy'] }, ['Tegretol']] },
  { rule: 'alpha2delta-myoclonus', severity: 'info', yes: [{}, ['Neurontin']], no: [{}, ['Keppra']] },
  { rule: 'benzodiazepine-dependence', severity: 'moderate', yes: [{}, ['Klonopin']], no: [{}, ['Keppra']] },
  { rule: 'benzodiazepine-opioid', severity: 'high', yes: [{}, ['Rivotril', 'OxyContin']], no: [{}, ['Rivotril', 'Keppra']] },
  { rule: 'dopamine-agonist-augmentation', severity: 'moderate', yes: [{ conditions: ['restless-legs-syndrome'] }, ['Requip']], no: [{ conditions: ['parkinsons-disease'] }, ['Requip']] },
  { rule: 'iron-thresholds', severity: 'moderate', yes: [{ conditions: ['plmd'], labs: { ferritinUgL: 60, tsatPercent: 25 } }, []], no: [{ conditions: ['plmd'], labs: { ferritinUgL: 150, tsatPercent: 30 } }, []] },
];

describe('medication safety rules', () => {
  it('has a positive and a negative case for every rule', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(medicationRules.map((r) => r.id).sort());
  });

  it.each(cases)('$rule fires with severity $severity, with text, action and sources; not in its negative case', ({ rule, severity, yes, no }) => {
    const alerts = checkMedications(yes[0], yes[1]).alerts.filter((a) => a.ruleId === rule);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].severity).toBe(severity);
    expect(alerts[0].text.text.length).toBeGreaterThan(30);
    expect(alerts[0].action.text.length).toBeGreaterThan(20);
    expect(alerts[0].sources.length).toBeGreaterThan(0);
    expect(messageTemplates()[alerts[0].text.key]).toBeDefined();
    expect(ruleIds(no[0], no[1])).not.toContain(rule);
  });

  it('never tells anyone to stop a medicine; benzodiazepine advice says never stop abruptly', () => {
    const r = checkMedications({ sex: 'female', ageYears: 30, conditions: ['juvenile-myoclonic-epilepsy', 'restless-legs-syndrome'] }, ['Depakote', 'Lamictal', 'Klonopin', 'tramadol', 'Lyrica', 'Mirapex', 'Tegretol']);
    for (const a of r.alerts) expect(a.action.text).not.toMatch(/^stop\b|\bstop taking\b/i);
    const benzo = r.alerts.find((a) => a.ruleId === 'benzodiazepine-dependence');
    expect(benzo?.action.text).toMatch(/^Never stop clonazepam abruptly/);
    expect(r.alerts[0].severity).toBe('high'); // sorted, most severe first
  });

  it('valproate: childbearing potential assumed for females 10–55 or of unknown age, unless stated', () => {
    expect(ruleIds({ sex: 'female' }, ['Depakote'])).toContain('valproate-pregnancy-prevention');
    expect(ruleIds({ sex: 'female', ageYears: 9 }, ['Depakote'])).not.toContain('valproate-pregnancy-prevention');
    expect(ruleIds({ sex: 'female', ageYears: 40, childbearingPotential: false }, ['Depakote'])).not.toContain('valproate-pregnancy-prevention');
    expect(ruleIds({ sex: 'other', childbearingPotential: true }, ['Depakote'])).toContain('valproate-pregnancy-prevention');
    // pregnant: the pregnancy alert replaces the prevention-programme alert
    expect(ruleIds({ sex: 'female', pregnant: true }, ['Depakote'])).toEqual(['valproate-pregnancy']);
  });

  it('valproate for men is high severity when planning conception', () => {
    const a = checkMedications({ sex: 'male', planningConception: true }, ['Epilim']).alerts.find((x) => x.ruleId === 'valproate-male-precautions');
    expect(a?.severity).toBe('high');
    expect(a?.sources.map((s) => s.id)).toEqual(['mhraValproateMen2024', 'emaValproateMen2024']);
  });

  it('lamotrigine in Dravet syndrome is high severity', () => {
    const a = checkMedications({ conditions: ['dravet-syndrome'] }, ['lamotrigine']).alerts[0];
    expect(a.ruleId).toBe('lamotrigine-myoclonic-epilepsy');
    expect(a.severity).toBe('high');
  });

  it('carbamazepine, oxcarbazepine and phenytoin each raise their own alert, oxcarbazepine citing Gelisse 2004', () => {
    const r = checkMedications({ conditions: ['juvenile-myoclonic-epilepsy'] }, ['Tegretol', 'Trileptal', 'Dilantin']);
    const agg = r.alerts.filter((a) => a.ruleId === 'sodium-channel-blocker-aggravation');
    expect(agg.map((a) => a.medicineIds[0])).toEqual(['carbamazepine', 'oxcarbazepine', 'phenytoin']);
    expect(agg[1].sources.map((s) => s.id)).toEqual(['gelisse2004']);
    expect(agg[0].text.text).toBe('carbamazepine can aggravate myoclonic seizures and cortical myoclonus.');
  });

  it('alpha-2-delta ligands: moderate with reduced kidney function or myoclonic conditions; RLS wording names the conflict', () => {
    const renal = checkMedications({ labs: { egfrMlMin: 40 } }, ['pregabalin']).alerts[0];
    expect(renal.severity).toBe('moderate');
    expect(renal.data).toEqual({ egfrMlMin: 40 });
    expect(checkMedications({ labs: { egfrMlMin: 90 } }, ['pregabalin']).alerts[0].severity).toBe('info');
    expect(checkMedications({ conditions: ['myoclonus'] }, ['gabapentin']).alerts[0].severity).toBe('moderate');
    const rls = checkMedications({ conditions: ['restless-legs-syndrome'] }, ['Horizant']).alerts[0];
    expect(rls.medicineIds).toEqual(['gabapentin-enacarbil']);
    expect(rls.text.text).toMatch(/first-line treatment for restless legs/);
  });

  it('benzodiazepine plus opioid names both medicines', () => {
    const a = checkMedications({}, ['clonazepam 0.5mg', 'Tramadol 50 mg']).alerts.find((x) => x.ruleId === 'benzodiazepine-opioid');
    expect(a?.medicineIds).toEqual(['clonazepam', 'tramadol']);
    expect(a?.text.text).toBe('Taking clonazepam together with tramadol (an opioid) can cause profound sedation, slowed breathing, coma and death.');
    expect(ruleIds({}, ['OxyContin'])).toEqual([]); // an opioid alone raises nothing here
  });

  it('dopamine agonists: one augmentation alert per agonist (ropinirole, pramipexole, rotigotine)', () => {
    const r = checkMedications({ conditions: ['plmd'] }, ['ropinirole', 'Mirapexin', 'Neupro patch 2 mg']);
    expect(r.alerts.map((a) => a.medicineIds[0])).toEqual(['ropinirole', 'pramipexole', 'rotigotine']);
  });

  it('iron thresholds: boundaries at ferritin 75 and 100 µg/L and TSAT 20 and 45 %', () => {
    const ids = (labs: PatientProfile['labs']) => checkMedications({ conditions: ['restless-legs-syndrome'], labs }, []).alerts.map((a) => a.id);
    expect(ids({ ferritinUgL: 75 })).toEqual(['iron-thresholds:low']);
    expect(ids({ ferritinUgL: 75.1, tsatPercent: 25 })).toEqual(['iron-thresholds:iv-only']);
    expect(ids({ ferritinUgL: 100, tsatPercent: 25 })).toEqual(['iron-thresholds:iv-only']);
    expect(ids({ ferritinUgL: 101, tsatPercent: 25 })).toEqual([]);
    expect(ids({ ferritinUgL: 150, tsatPercent: 19.9 })).toEqual(['iron-thresholds:low']);
    expect(ids({ ferritinUgL: 150, tsatPercent: 20 })).toEqual([]);
    expect(ids({ ferritinUgL: 90, tsatPercent: 45 })).toEqual(['iron-thresholds:tsat-high']);
    expect(ids({ ferritinUgL: 50, morningFasting: false })).toEqual(['iron-thresholds:low', 'iron-thresholds:not-fasting']);
    const low = checkMedications({ conditions: ['plmd'], labs: { ferritinUgL: 40, tsatPercent: 18, drawnOn: '2026-10-01' } }, []).alerts[0];
    expect(low.text.text).toBe('Iron stores are below the level recommended for restless legs or PLMD (ferritin 40 µg/L, transferrin saturation 18%; treatment is suggested at ferritin ≤ 75 µg/L or saturation < 20%).');
    expect(low.data).toEqual({ ferritinUgL: 40, tsatPercent: 18, drawnOn: '2026-10-01' });
    // the thresholds are RLS/PLMD thresholds: without those conditions, no alert
    expect(checkMedications({ labs: { ferritinUgL: 40 } }, []).alerts).toEqual([]);
  });
});

describe('medicine names', () => {
  it.each([
    ['Depakote ER 500mg', 'valproate'],
    ['Epilim', 'valproate'],
    ['valproic acid', 'valproate'],
    ['Keppra 1000 mg', 'levetiracetam'],
    ['Rivotril', 'clonazepam'],
    ['KLONOPIN', 'clonazepam'],
    ['Lyrica', 'pregabalin'],
    ['Neurontin 300 mg', 'gabapentin'],
    ['gabapentin enacarbil', 'gabapentin-enacarbil'],
    ['Lamictal', 'lamotrigine'],
    ['Tegretol Retard', 'carbamazepine'],
    ['Requip XL', 'ropinirole'],
    ['pramipexole', 'pramipexole'],
    ['rotigotine', 'rotigotine'],
    ['Sinemet', 'levodopa'],
  ])('%s → %s', (name, id) => {
    expect(matchMedicine(name)?.id).toBe(id);
  });
  it('does not guess near spellings or partial words', () => {
    expect(matchMedicine('Keppre')).toBeNull();
    expect(matchMedicine('valpro')).toBeNull();
    expect(matchMedicine('')).toBeNull();
    expect(matchMedicine('500 mg')).toBeNull();
  });
  it('lists unknown medicines as unrecognised with a note, and raises no alert for them', () => {
    const r = checkMedications({ sex: 'female', ageYears: 30 }, ['Zzzyxol 10 mg', 'Keppra']);
    expect(r.unrecognised).toEqual(['Zzzyxol 10 mg']);
    expect(r.recognised).toEqual([{ input: 'Keppra', medicineId: 'levetiracetam', name: 'levetiracetam' }]);
    expect(r.alerts).toEqual([]);
    expect(r.notes[0].text).toMatch(/"Zzzyxol 10 mg" is not in the medicine catalogue/);
  });
});

/** A diary of `before` jerks/day for 14 days up to 2026-03-14, then `after` jerks/day for `afterDays` days. */
function diary(before: number, after: number, afterDays = 14, skip: string[] = []): JerkDiary {
  const days: JerkDiary['days'] = [];
  for (let i = 1; i <= 14; i++) days.push({ date: `2026-03-${String(i).padStart(2, '0')}`, jerks: before });
  for (let i = 0; i < afterDays; i++) days.push({ date: `2026-03-${String(15 + i).padStart(2, '0')}`, jerks: after });
  return { days: days.filter((d) => !skip.includes(d.date)) };
}

describe('diary: jerk frequency after a medicine change', () => {
  it('alerts with the before/after numbers when jerks rise after a start', () => {
    const r = checkMedications({}, [{ name: 'Lyrica', startedOn: '2026-03-15' }], diary(2, 5));
    const a = r.alerts.find((x) => x.ruleId === 'diary-rise-after-change');
    expect(a?.text.text).toBe('Jerks rose from 2 to 5 a day on average in the 14 diary days after pregabalin was started on 2026-03-15 (compared with 14 diary days before).');
    expect(a?.action.text).toMatch(/^Discuss this with your prescriber/);
    expect(a?.data).toMatchObject({ beforePerDay: 2, afterPerDay: 5, daysBefore: 14, daysAfter: 14, change: 'started', windowDays: 14, minRatio: 1.5 });
    expect(a?.medicineIds).toEqual(['pregabalin']);
  });

  it('alerts after a dose increase, with means over the days actually recorded', () => {
    // before: 14 days at 3; after: days 15–21 at 6, but 16 and 17 missing → 5 days recorded, mean 6
    const d = diary(3, 6, 7, ['2026-03-16', '2026-03-17']);
    const r = checkMedications({}, [{ name: 'Keppra', startedOn: '2025-01-01', doseIncreasedOn: ['2026-03-15'] }], d);
    const a = r.alerts.find((x) => x.ruleId === 'diary-rise-after-change');
    expect(a?.data).toMatchObject({ changeDate: '2026-03-15', change: 'increased', beforePerDay: 3, afterPerDay: 6, daysBefore: 14, daysAfter: 5 });
  });

  it('uses only the 14 days either side of the change', () => {
    const d: JerkDiary = { days: [
      { date: '2026-02-01', jerks: 100 }, // outside the window: ignored
      ...diary(1, 4).days,
      { date: '2026-04-20', jerks: 0 }, // outside the window: ignored
    ] };
    const cmp = compareRates(d, '2026-03-15');
    expect(cmp).toEqual({ changeDate: '2026-03-15', beforePerDay: 1, afterPerDay: 4, daysBefore: 14, daysAfter: 14, rise: true });
  });

  it('does not alert for a small rise, a rise below 1 jerk a day, or a fall', () => {
    const med = [{ name: 'Keppra', startedOn: '2026-03-15' }];
    expect(ruleIds({}, med, diary(4, 5))).toEqual([]); // ratio 1.25 < 1.5
    // 0 → 0.5 a day (alternating 0 and 1): ratio infinite but the rise is under 1 jerk a day
    const half = diary(0, 0);
    half.days = half.days.map((d, i) => (i >= 14 && i % 2 === 0 ? { ...d, jerks: 1 } : d));
    expect(compareRates(half, '2026-03-15')).toMatchObject({ beforePerDay: 0, afterPerDay: 0.5, rise: false });
    expect(ruleIds({}, med, half)).toEqual([]);
    expect(ruleIds({}, med, diary(2, 1))).toEqual([]);
  });

  it('handles a zero baseline: 0 → 1 a day alerts, 0 → 0 does not', () => {
    const med = [{ name: 'Keppra', startedOn: '2026-03-15' }];
    expect(ruleIds({}, med, diary(0, 1))).toEqual(['diary-rise-after-change']);
    expect(ruleIds({}, med, diary(0, 0))).toEqual([]);
  });

  it('needs at least 3 diary days on each side', () => {
    const med = [{ name: 'Keppra', startedOn: '2026-03-15' }];
    expect(ruleIds({}, med, diary(1, 5, 2))).toEqual([]);
    expect(ruleIds({}, med, diary(1, 5, 3))).toEqual(['diary-rise-after-change']);
  });

  it('still checks the timing of an unrecognised medicine, naming it as typed', () => {
    const r = checkMedications({}, [{ name: 'Zzzyxol', startedOn: '2026-03-15' }], diary(1, 4));
    expect(r.unrecognised).toEqual(['Zzzyxol']);
    expect(r.alerts[0].text.text).toMatch(/after Zzzyxol was started/);
    expect(r.alerts[0].medicineIds).toEqual([]);
  });
});

describe('input validation', () => {
  it('rejects malformed profiles, medicines and diaries with coded errors', () => {
    expect(() => checkMedications({ conditions: ['flu'] }, [])).toThrowError(expect.objectContaining({ code: 'KB_BAD_PROFILE', field: 'conditions.0' }));
    expect(() => checkMedications({ sex: 'f' }, [])).toThrowError(expect.objectContaining({ code: 'KB_BAD_PROFILE' }));
    expect(() => checkMedications({ labs: { ferritin: 20 } }, [])).toThrowError(expect.objectContaining({ code: 'KB_BAD_PROFILE' }));
    expect(() => checkMedications({}, [{ name: 'Keppra', startedOn: '15/03/2026' }])).toThrowError(expect.objectContaining({ code: 'KB_BAD_MEDICINE' }));
    expect(() => checkMedications({}, 'Keppra')).toThrowError(expect.objectContaining({ code: 'KB_BAD_MEDICINE' }));
    expect(() => checkMedications({}, [], { days: [{ date: '2026-03-01', jerks: -1 }] })).toThrowError(expect.objectContaining({ code: 'KB_BAD_DIARY' }));
    expect(() => checkMedications({}, [], { days: [{ date: '2026-03-01', jerks: 0.5 }] })).toThrowError(expect.objectContaining({ code: 'KB_BAD_DIARY' }));
    expect(() => checkMedications({}, [], { days: [{ date: '2026-03-01', jerks: 1 }, { date: '2026-03-01', jerks: 2 }] })).toThrowError(expect.objectContaining({ code: 'KB_BAD_DIARY' }));
  });
  it('accepts an empty profile and list', () => {
    const r = checkMedications({}, []);
    expect(r.alerts).toEqual([]);
    expect(r.disclaimer.text).toMatch(/never start, stop or change/);
  });
});
