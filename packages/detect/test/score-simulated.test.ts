import { bytesSource, openEdf } from '@myotrace/edf';
import { describe, expect, it } from 'vitest';
import { compareScores } from '../src/evaluate/index.js';
import { scoreRecording } from '../src/score.js';
import { psgTruth, simulatePsg } from '../src/simulate/index.js';

// End to end on simulated nights: EDF bytes → scoreRecording → compared with the simulator's ground
// truth (placed events through the rules, never through the detector). One hour each at 200 Hz keeps
// the suite within its CPU budget; the benchmark runs the full-length nights.
const nights = [
  { profile: 'plmd-severe', seed: 11 },
  { profile: 'apnea', seed: 12 },
] as const;

describe('scoreRecording on simulated nights', () => {
  for (const { profile, seed } of nights) {
    it(`${profile} (seed ${seed}): LM F1 >= 0.95, PLM F1 >= 0.9, index errors <= 1.5/h under both standards`, async () => {
      const sim = simulatePsg({ seed, hours: 1, profile, sampleRateHz: 200 });
      for (const standard of ['wasm2016', 'aasm'] as const) {
        const truth = standard === 'wasm2016' ? sim.truth : psgTruth(sim.night, 'aasm', `${sim.name}.edf`);
        const scored = await scoreRecording(await openEdf(bytesSource(sim.edf)), { standard });
        const c = compareScores(truth, scored, { toleranceSec: 0.5 });
        expect(c.lm.ref, 'the night must contain LMs for the test to mean anything').toBeGreaterThan(10);
        expect(c.lm.f1, `${standard} LM F1`).toBeGreaterThanOrEqual(0.95);
        expect(c.periodic.f1, `${standard} PLM F1`).toBeGreaterThanOrEqual(0.9);
        for (const k of ['lmIndex', 'clmIndex', 'plmsIndex', 'plmsNrIndex'] as const) {
          expect(Math.abs(c.indices[k].error ?? 0), `${standard} ${k}`).toBeLessThanOrEqual(1.5);
        }
        expect(scored.sleep).toEqual(truth.sleep);
      }
    });
  }
});
