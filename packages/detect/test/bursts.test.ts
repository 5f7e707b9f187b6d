import { isMyoTraceError } from '@myotrace/errors';
import { describe, expect, it } from 'vitest';
import {
  classifyDuration,
  detectBursts,
  medianConfidenceInterval,
  summariseDurations,
} from '../src/myoclonus/index.js';
import { type SimBurstKind, simulateEmg } from '../src/simulate/emg.js';

const expectedClass: Record<SimBurstKind, string> = {
  cortical: 'cortical',
  subcortical: 'subcortical-or-spinal',
  functional: 'voluntary-like',
};

describe('EMG burst detection on simulated recordings with exact ground truth', () => {
  const kinds: SimBurstKind[] = ['cortical', 'subcortical', 'functional'];
  const rows: { kind: SimBurstKind; fs: number; seed: number }[] = [];
  for (const kind of kinds)
    for (const fs of [1000, 2000]) for (const seed of [11, 12, 13]) rows.push({ kind, fs, seed });
  let classRight = 0;
  it.each(rows)(
    '$kind bursts at $fs Hz, seed $seed: ≥95% found, onset ±5 ms, duration ±10 ms',
    ({ kind, fs, seed }) => {
      const sim = simulateEmg({ seed, burstKind: kind, sampleRateHz: fs, durationSec: 60, burstCount: 30 });
      const res = detectBursts(sim.signals[0].samples, fs, {}, 'EMG1');
      const truth = sim.truth.bursts;
      let found = 0;
      let onsetOk = 0;
      let durationOk = 0;
      for (const t of truth) {
        const m = res.bursts.find((b) => b.onsetSec < t.onsetSec + t.durationMs / 1000 && b.offsetSec > t.onsetSec);
        if (!m) continue;
        found++;
        if (Math.abs(m.onsetSec - t.onsetSec) * 1000 <= 5) onsetOk++;
        if (Math.abs(m.durationMs - t.durationMs) <= 10) durationOk++;
      }
      expect(found / truth.length).toBeGreaterThanOrEqual(0.95);
      expect(onsetOk / found).toBeGreaterThanOrEqual(0.95);
      expect(durationOk / found).toBeGreaterThanOrEqual(0.95);
      // no extra bursts in the background
      expect(res.bursts.length - found).toBeLessThanOrEqual(Math.ceil(0.05 * truth.length));
      if (res.durations.compatibleWith === expectedClass[kind]) classRight++;
      expect(res.ratePerMin).toBeCloseTo(res.bursts.length, 6); // 60 s recording
    },
  );
  it('puts the median duration in the right class for ≥95% of the recordings', () => {
    expect(classRight / rows.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('hand-built burst', () => {
  it('finds a 30 ms 100 Hz tone burst at 1.000 s on a quiet background', () => {
    const fs = 2000;
    const x = new Float32Array(4 * fs);
    // small deterministic "noise" so the baseline is not zero
    for (let i = 0; i < x.length; i++) x[i] = 2 * Math.sin(i * 1.7) + 1.5 * Math.sin(i * 2.9);
    for (let i = 2000; i < 2060; i++) x[i] += 100 * Math.sin((2 * Math.PI * 100 * (i - 2000)) / fs + Math.PI / 2);
    const res = detectBursts(x, fs);
    expect(res.bursts).toHaveLength(1);
    const b = res.bursts[0];
    expect(Math.abs(b.onsetSec - 1.0) * 1000).toBeLessThanOrEqual(3);
    expect(Math.abs(b.durationMs - 30)).toBeLessThanOrEqual(6);
    // a 100 µV sinusoid: peak of the rectified signal close to 100 µV, area ≈ 30 ms × 100 × 2/π
    expect(b.peakUv).toBeGreaterThan(85);
    expect(b.peakUv).toBeLessThan(115);
    expect(b.areaUvMs).toBeGreaterThan(0.8 * 30 * 100 * (2 / Math.PI));
    expect(b.areaUvMs).toBeLessThan(1.2 * 30 * 100 * (2 / Math.PI));
    expect(b.compatibleWith).toBe('cortical');
  });

  it('finds nothing in background noise alone and nothing on a flat channel', () => {
    const sim = simulateEmg({ seed: 5, burstCount: 0, durationSec: 30 });
    expect(detectBursts(sim.signals[0].samples, 2000).bursts).toHaveLength(0);
    expect(detectBursts(new Float32Array(20000), 2000).bursts).toHaveLength(0);
  });

  it('merges bursts closer than the minimum separation', () => {
    const fs = 2000;
    const x = new Float32Array(3 * fs);
    for (let i = 0; i < x.length; i++) x[i] = 2 * Math.sin(i * 1.7);
    const tone = (a: number, b: number) => {
      for (let i = a; i < b; i++) x[i] += 100 * Math.sin((2 * Math.PI * 120 * i) / fs);
    };
    tone(2000, 2040); // 1.000–1.020 s
    tone(2060, 2100); // gap of 10 ms → merged
    tone(4000, 4040); // 2.000 s
    tone(4140, 4180); // gap of 50 ms → separate
    expect(detectBursts(x, fs).bursts).toHaveLength(3);
    expect(detectBursts(x, fs, { minSeparationMs: 5 }).bursts).toHaveLength(4);
  });
});

describe('sample-rate rules', () => {
  it('refuses EMG below 200 Hz with a coded error', () => {
    try {
      detectBursts(new Float32Array(1000), 100);
      expect.unreachable();
    } catch (e) {
      expect(isMyoTraceError(e) && e.code).toBe('DETECT_EMG_RATE_TOO_LOW');
    }
  });
  it('warns below 1 kHz', () => {
    const sim = simulateEmg({ seed: 2, sampleRateHz: 500, durationSec: 20, burstCount: 5, burstKind: 'subcortical' });
    const res = detectBursts(sim.signals[0].samples, 500);
    expect(res.warnings.map((w) => w.code)).toContain('DETECT_EMG_RATE_LOW');
    expect(res.bursts.length).toBe(5);
  });
});

describe('duration classes and the median CI', () => {
  it('applies the cited cut-offs inclusively', () => {
    expect(classifyDuration(10)).toBe('cortical');
    expect(classifyDuration(50)).toBe('cortical');
    expect(classifyDuration(50.5)).toBe('cortical-subcortical');
    expect(classifyDuration(100)).toBe('cortical-subcortical');
    expect(classifyDuration(100.5)).toBe('subcortical-or-spinal');
    expect(classifyDuration(300)).toBe('subcortical-or-spinal');
    expect(classifyDuration(301)).toBe('voluntary-like');
  });
  it('gives the textbook order-statistic interval (x(2), x(9)) for n = 10, coverage 97.85%', () => {
    const v = [31, 25, 40, 22, 28, 35, 30, 27, 33, 29];
    const ci = medianConfidenceInterval(v);
    // sorted: 22 25 27 28 29 30 31 33 35 40
    expect(ci).not.toBeNull();
    expect(ci?.lower).toBe(25);
    expect(ci?.upper).toBe(35);
    expect(ci?.coverage).toBeCloseTo(1 - 2 * (11 / 1024), 10);
    expect(medianConfidenceInterval([1, 2, 3, 4, 5])).toBeNull(); // P(B ≤ 0) = 1/32 > 0.025
    // n = 6: P(B ≤ 0) = 1/64 ≤ 0.025 → (x(1), x(6))
    expect(medianConfidenceInterval([6, 1, 5, 2, 4, 3])).toMatchObject({ lower: 1, upper: 6 });
  });
  it('words the summary as "compatible with" and flags fewer than 10 bursts', () => {
    const few = summariseDurations([20, 25, 30]);
    expect(few.statement).toMatch(/compatible with cortical/);
    expect(few.statement).toMatch(/not a diagnosis/);
    expect(few.reliable).toBe(false);
    const many = summariseDurations([140, 150, 160, 170, 150, 155, 145, 165, 150, 152]);
    expect(many.compatibleWith).toBe('subcortical-or-spinal');
    expect(many.medianMs).toBe(151);
    expect(many.reliable).toBe(true);
    expect(many.ciWithinOneClass).toBe(true);
    expect(many.fractionAtMost45Ms).toBe(0);
  });
});

describe('bursts over tonic activity with silent periods', () => {
  it('does not take the tonic EMG around a silent period for a burst', () => {
    for (const seed of [1, 2]) {
      const sim = simulateEmg({
        seed,
        sampleRateHz: 2000,
        durationSec: 150,
        burstCount: 37,
        burstKind: 'cortical',
        tonicUv: 30,
        burstUv: [250, 400],
        silentCount: 18,
      });
      const res = detectBursts(sim.signals[0].samples, 2000);
      const matched = res.bursts.filter((b) =>
        sim.truth.bursts.some((t) => b.onsetSec < t.onsetSec + t.durationMs / 1000 && b.offsetSec > t.onsetSec),
      );
      expect(matched.length).toBe(sim.truth.bursts.length);
      expect(res.bursts.length).toBe(sim.truth.bursts.length);
    }
  });
});
