import { describe, expect, it } from 'vitest';
import { extractMessages, formatMessage, getEntry, listEntries, localizeEntry, messageTemplates, translateMessage, triage, checkMedications, triageQuestions } from '../src/index.js';

describe('translation support', () => {
  it('extracts every user-facing string of the entries under stable keys', () => {
    const cat = extractMessages(listEntries());
    expect(cat['entry.myoclonus.name']).toBe('Myoclonus');
    expect(cat['entry.hypnic-jerks.synonyms.0']).toBe('sleep starts');
    expect(cat['entry.walking-programme.routine.steps.1']).toBe('Walk briskly, so that you breathe faster but can still talk.');
    expect(cat['entry.physiological-myoclonus.corrections.0.seedClaim']).toMatch(/80%/);
    expect(cat['entry.cortical-myoclonus.emg.analyses.1.measures']).toMatch(/back-average/);
    // every summary and detail paragraph is in the catalogue
    for (const e of listEntries()) {
      expect(cat[`entry.${e.id}.summary`]).toBe(e.summary);
      e.details.forEach((d, i) => expect(cat[`entry.${e.id}.details.${i}`]).toBe(d));
    }
  });

  it('localizes an entry from a catalogue, keeping English where a key is missing, without touching the original', () => {
    const e = getEntry('walking-programme');
    const de = localizeEntry(e, { 'entry.walking-programme.name': 'Gehen, 20–30 Minuten', 'entry.walking-programme.routine.steps.0': 'Aufwärmen: gemütlich gehen.' });
    expect(de.name).toBe('Gehen, 20–30 Minuten');
    if (de.kind !== 'exercise' || e.kind !== 'exercise') throw new Error('kind');
    expect(de.routine.steps[0]).toEqual({ instruction: 'Aufwärmen: gemütlich gehen.', durationSec: 300 });
    expect(de.routine.steps[1].instruction).toBe(e.routine.steps[1].instruction);
    expect(e.name).toBe('Walking, 20–30 minutes');
  });

  it('triage questions and alerts carry keys present in the English template catalogue', () => {
    const t = messageTemplates();
    for (const q of triageQuestions) {
      expect(t[q.label.key]).toBe(q.label.text);
      for (const o of q.options) expect(t[o.label.key]).toBe(o.label.text);
    }
    const alert = checkMedications({}, ['Klonopin']).alerts[0];
    expect(t[alert.text.key]).toBe('{medicine} is a benzodiazepine: the body gets used to it (physical dependence), and stopping suddenly or cutting the dose too fast can cause withdrawal reactions, including seizures.');
    expect(alert.text.params).toEqual({ medicine: 'clonazepam' });
  });

  it('translates a parameterised message and falls back to English', () => {
    const alert = checkMedications({}, ['Klonopin']).alerts[0];
    expect(translateMessage(alert.action, { [alert.action.key]: 'Setzen Sie {medicine} nie abrupt ab.' })).toBe('Setzen Sie clonazepam nie abrupt ab.');
    expect(translateMessage(triage({}).disclaimer, {})).toMatch(/^This is information/);
    expect(formatMessage('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}');
  });
});
