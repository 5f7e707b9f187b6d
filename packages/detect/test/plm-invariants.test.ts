import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPlmRules, type PlmSettings, plmSettings, runPlmRules } from '../src/plm/index.js';
import { lessThan } from '../src/plm/time.js';

// Random nights of LMs on two legs (times on a 10 ms grid) with random respiratory events and arousals.
const lmArb = fc.record({ onsetSec: fc.integer({ min: 0, max: 200_000 }).map((t) => t / 100), durationSec: fc.integer({ min: 20, max: 2500 }).map((d) => d / 100) });
const evArb = fc.record({ onsetSec: fc.integer({ min: 0, max: 200_000 }).map((t) => t / 100), durationSec: fc.integer({ min: 0, max: 6000 }).map((d) => d / 100) });
const nightArb = fc.record({
  left: fc.array(lmArb, { maxLength: 60 }),
  right: fc.array(lmArb, { maxLength: 60 }),
  resp: fc.array(evArb, { maxLength: 5 }),
  arousals: fc.array(evArb, { maxLength: 5 }),
});
const variants: PlmSettings[] = [
  plmSettings('wasm2016'),
  plmSettings('wasm2016', { series: { shortImiStartsSeries: false, maxImiInclusive: false } }),
  plmSettings('aasm'),
];

describe('rule invariants on random nights', () => {
  for (const s of variants) {
    const name = `${s.standard}${s.series.shortImiStartsSeries ? '' : ' (SOMAS variant)'}`;
    it(`${name}: series members are CLMs, in order, with IMIs inside the limits, at least minCount long`, () => {
      fc.assert(
        fc.property(nightArb, (n) => {
          const r = runPlmRules({ left: n.left, right: n.right, durationSec: 2100, respiratoryEvents: n.resp, arousals: n.arousals }, s);
          for (const run of [...r.series, ...r.nrSeries]) {
            expect(run.length).toBeGreaterThanOrEqual(s.series.minCount);
            for (let k = 0; k < run.length; k++) {
              const m = r.movements[run[k]];
              expect(m.candidate).toBe(true);
              if (k === 0) continue;
              const imi = m.onsetSec - r.movements[run[k - 1]].onsetSec;
              expect(lessThan(imi, s.series.minImiSec)).toBe(false);
              expect(imi <= s.series.maxImiSec + 1e-6).toBe(true);
            }
          }
          // a series never spans a non-CLM when non-CLMs break series
          if (s.series.nonCandidateBreaks) {
            for (const run of r.series) {
              for (let i = run[0]; i <= run[run.length - 1]; i++) expect(r.movements[i].candidate).toBe(true);
            }
          }
          for (const m of r.movements) {
            if (m.periodicNr) expect(m.respiratory).toBe(false);
            expect(m.endSec - m.onsetSec).toBeGreaterThanOrEqual(s.minLmSec - 1e-6);
          }
          // movements are disjoint in time order by onset
          for (let i = 1; i < r.movements.length; i++) expect(r.movements[i].onsetSec).toBeGreaterThanOrEqual(r.movements[i - 1].onsetSec);
        }),
        { numRuns: 150 },
      );
    });
    it(`${name}: swapping the legs changes only the sides`, () => {
      fc.assert(
        fc.property(nightArb, (n) => {
          const a = applyPlmRules({ left: n.left, right: n.right, durationSec: 2100, respiratoryEvents: n.resp, arousals: n.arousals }, s);
          const b = applyPlmRules({ left: n.right, right: n.left, durationSec: 2100, respiratoryEvents: n.resp, arousals: n.arousals }, s);
          const flip = { left: 'right', right: 'left', bilateral: 'bilateral' } as const;
          expect(b.legMovements.map((m) => ({ ...m, side: flip[m.side] }))).toEqual(a.legMovements);
          expect(b.indices).toEqual(a.indices);
        }),
        { numRuns: 100 },
      );
    });
  }
  it('indices agree with counts over the listed movements (no hypnogram: 35 min of sleep)', () => {
    fc.assert(
      fc.property(nightArb, (n) => {
        const r = applyPlmRules({ left: n.left, right: n.right, durationSec: 2100, respiratoryEvents: n.resp, arousals: n.arousals }, plmSettings('wasm2016'));
        const h = 2100 / 3600;
        const lms = r.legMovements;
        expect(r.indices.lmIndex).toBeCloseTo(lms.length / h, 9);
        expect(r.indices.clmIndex).toBeCloseTo(lms.filter((m) => m.candidate).length / h, 9);
        expect(r.indices.plmsIndex).toBeCloseTo(lms.filter((m) => m.periodic).length / h, 9);
        expect(r.indices.plmsArousalIndex).toBeCloseTo(lms.filter((m) => m.periodic && m.arousal).length / h, 9);
        expect(r.plmSeries.reduce((t, x) => t + x.count, 0)).toBe(lms.filter((m) => m.periodic).length);
      }),
      { numRuns: 150 },
    );
  });
  it('WASM: an extra respiratory event never changes PLMS and never unflags an LM', () => {
    fc.assert(
      fc.property(nightArb, evArb, (n, extra) => {
        const s = plmSettings('wasm2016');
        const a = applyPlmRules({ left: n.left, right: n.right, durationSec: 2100, respiratoryEvents: n.resp }, s);
        const b = applyPlmRules({ left: n.left, right: n.right, durationSec: 2100, respiratoryEvents: [...n.resp, extra] }, s);
        // WASM keeps respiratory CLMs in PLMS: respiratory events cannot change the PLMS index
        expect(b.indices.plmsIndex).toBe(a.indices.plmsIndex);
        expect(b.legMovements.filter((m) => m.respiratory).length).toBeGreaterThanOrEqual(a.legMovements.filter((m) => m.respiratory).length);
      }),
      { numRuns: 100 },
    );
  });
});
