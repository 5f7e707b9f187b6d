import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMedications, entryIds, medicineCatalogue, profileConditions, triage, triageQuestions, type PatientProfile, type TriageAnswers } from '../src/index.js';

const urgencyRank = { emergency: 0, urgent: 1, soon: 2, routine: 3, 'self-care': 4 } as const;

/** Any valid set of answers: each question unanswered or answered with valid options (multi without "none" clashes). */
const answersArb: fc.Arbitrary<TriageAnswers> = fc.record(
  Object.fromEntries(
    triageQuestions.map((q) => {
      if (q.kind === 'text-list') return [q.id, fc.option(fc.subarray([...medicineCatalogue.map((m) => m.synonyms[0] ?? m.name), 'Zzzyxol']), { nil: undefined })];
      const values = q.options.map((o) => o.value);
      if (q.kind === 'single') return [q.id, fc.option(fc.constantFrom(...values), { nil: undefined })];
      const nonExclusive = values.filter((v) => v !== q.exclusive);
      const arb = q.exclusive ? fc.oneof(fc.constant([q.exclusive]), fc.subarray(nonExclusive)) : fc.subarray(values);
      return [q.id, fc.option(arb, { nil: undefined })];
    }),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<TriageAnswers>;

describe('triage invariants over random valid answers', () => {
  it('never throws; urgency equals the most urgent red flag; links resolve; someone to see; emergency first', () => {
    const ids = new Set(entryIds());
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = triage(answers);
        const worst = r.redFlags.reduce((acc, f) => Math.min(acc, urgencyRank[f.urgency]), 99);
        if (r.redFlags.length > 0) expect(urgencyRank[r.urgency]).toBe(worst);
        else expect(['routine', 'self-care']).toContain(r.urgency);
        for (const l of r.links) expect(ids.has(l)).toBe(true);
        expect(r.specialists.length).toBeGreaterThan(0);
        if (r.urgency === 'emergency') expect(r.specialists[0].entryId).toBe('emergency-care');
        if (r.urgency === 'self-care') expect(r.tests).toEqual([]);
        for (const t of r.compatibleTypes) expect(t.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

const profileArb: fc.Arbitrary<PatientProfile> = fc.record(
  {
    sex: fc.constantFrom('female', 'male', 'other', 'unknown'),
    ageYears: fc.integer({ min: 0, max: 100 }),
    childbearingPotential: fc.boolean(),
    pregnant: fc.boolean(),
    planningConception: fc.boolean(),
    conditions: fc.subarray([...profileConditions]),
    labs: fc.record({ ferritinUgL: fc.integer({ min: 0, max: 400 }), tsatPercent: fc.integer({ min: 0, max: 100 }), egfrMlMin: fc.integer({ min: 5, max: 130 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

describe('medication check invariants over random profiles and lists', () => {
  it('never throws; alerts sorted by severity; only recognised medicines in alerts; never advises stopping', () => {
    const names = medicineCatalogue.flatMap((m) => [m.name, ...m.synonyms.slice(0, 2)]);
    const rank = { high: 0, moderate: 1, info: 2 } as const;
    fc.assert(
      fc.property(profileArb, fc.subarray([...names, 'Zzzyxol', 'aspirin'], { maxLength: 8 }), (profile, meds) => {
        const r = checkMedications(profile, meds);
        const recognised = new Set(r.recognised.map((m) => m.medicineId));
        for (let i = 1; i < r.alerts.length; i++) expect(rank[r.alerts[i - 1].severity]).toBeLessThanOrEqual(rank[r.alerts[i].severity]);
        for (const a of r.alerts) {
          for (const id of a.medicineIds) expect(recognised.has(id)).toBe(true);
          expect(a.action.text).not.toMatch(/\bstop taking\b|^stop\b/i);
          expect(a.sources.length).toBeGreaterThan(0);
        }
        expect(r.recognised.length + r.unrecognised.length).toBe(meds.length);
        expect(new Set(r.alerts.map((a) => a.id)).size).toBe(r.alerts.length);
      }),
      { numRuns: 300 },
    );
  });
});
