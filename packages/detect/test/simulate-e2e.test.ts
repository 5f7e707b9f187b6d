import { bytesSource, openEdf } from '@myotrace/edf';
import { describe, expect, it } from 'vitest';
import { compareScores } from '../src/evaluate/index.js';
import { detectLegMovements, findLegChannels, toMicrovolts } from '../src/lm/index.js';
import { applyPlmRules } from '../src/plm/apply.js';
import { plmSettings } from '../src/plm/settings.js';
import { simulatePsg } from '../src/simulate/index.js';
import { interpretAnnotations } from '../src/sleep/index.js';

// Detector + rules from EDF bytes on short simulated nights of the harder kinds (hum, strong ECG,
// pops, mV units; much wake with long movements), compared with the ground truth. The
// full-length nights are in bench/score.bench.ts.
const nights = [
  { profile: 'noisy', seed: 21, sampleRateHz: 500, unit: 'mV' },
  { profile: 'rls-wake', seed: 22, sampleRateHz: 256, unit: 'uV' },
  { profile: 'plmd-mild', seed: 26, sampleRateHz: 200, unit: 'uV' },
] as const;

describe('detector on simulated nights (EDF bytes → LMs → WASM rules)', () => {
  for (const n of nights) {
    it(`${n.profile} at ${n.sampleRateHz} Hz in ${n.unit}: LM F1 >= 0.95, PLM F1 >= 0.9, index errors <= 1.5/h`, async () => {
      const sim = simulatePsg({ ...n, hours: 1 });
      const reader = await openEdf(bytesSource(sim.edf));
      const ch = findLegChannels(reader.signals);
      const legs = [ch.left, ch.right].map((c) => {
        if (!c) throw new Error('leg channel missing');
        return c;
      });
      const [left, right] = await Promise.all(
        legs.map(async (c) => {
          const info = reader.signals[c.index];
          return detectLegMovements(
            toMicrovolts(await reader.readSignal(c.index), info.physicalDimension),
            info.sampleRate,
          ).events;
        }),
      );
      const ann = interpretAnnotations(
        reader.annotations.map((a) => ({ onsetSec: a.onset, durationSec: a.duration, text: a.text })),
      );
      const scored = applyPlmRules(
        {
          left,
          right,
          durationSec: reader.header.durationSec,
          sleep: { source: 'annotations', stages: ann.stages },
          respiratoryEvents: ann.respiratoryEvents,
          arousals: ann.arousals,
        },
        plmSettings('wasm2016'),
      );
      const c = compareScores(sim.truth, scored, { toleranceSec: 0.5 });
      expect(c.lm.ref).toBeGreaterThan(15);
      expect(c.lm.f1).toBeGreaterThanOrEqual(0.95);
      expect(c.periodic.f1).toBeGreaterThanOrEqual(0.9);
      expect(c.lm.meanAbsOnsetErrorSec ?? 1).toBeLessThan(0.15);
      for (const k of ['lmIndex', 'clmIndex', 'plmsIndex', 'plmwIndex', 'plmsNrIndex', 'plmsArousalIndex'] as const) {
        expect(Math.abs(c.indices[k].error ?? 0), k).toBeLessThanOrEqual(1.5);
      }
    });
  }
});
