import { describe, expect, it } from 'vitest';
import {
  analyseMuscles,
  assessFragmentaryMyoclonus,
  burstRhythm,
  comparePair,
  detectBursts,
} from '../src/myoclonus/index.js';
import { simulateEmg } from '../src/simulate/emg.js';
import { createSimRng } from '../src/simulate/random.js';
import type { StageSegment } from '../src/sleep/index.js';

describe('several muscles', () => {
  it('orders channels by onset and recovers the propagation velocity from given distances', () => {
    // latencies 0, 8, 20 ms at 0, 10, 25 cm: exactly 12.5 m/s
    const sim = simulateEmg({
      seed: 31,
      labels: ['SCM', 'DELT', 'BIC'],
      latenciesMs: [0, 8, 20],
      burstKind: 'cortical',
      burstCount: 30,
      durationSec: 60,
    });
    const channels = sim.signals.map((s) => ({
      label: s.label,
      bursts: detectBursts(s.samples, s.sampleRateHz).bursts,
    }));
    const res = analyseMuscles(channels, { distancesCm: { SCM: 0, DELT: 10, BIC: 25 } });
    expect(res.order).toEqual(['SCM', 'DELT', 'BIC']);
    expect(res.events.length).toBe(30);
    const lat = Object.fromEntries(res.channels.map((c) => [c.label, c.medianLatencyMs]));
    expect(Math.abs((lat.DELT as number) - 8)).toBeLessThanOrEqual(2);
    expect(Math.abs((lat.BIC as number) - 20)).toBeLessThanOrEqual(2);
    expect(res.channels[0].firstCount).toBe(30);
    expect(res.propagation).not.toBeNull();
    expect(Math.abs((res.propagation?.velocityMPerS as number) - 12.5)).toBeLessThanOrEqual(1.5);
    expect(res.propagation?.r2).toBeGreaterThan(0.98);
  });

  it('tells synchronous agonist–antagonist bursting from alternating bursting', () => {
    for (const pattern of ['synchronous', 'alternating'] as const) {
      const sim = simulateEmg({
        seed: 32,
        labels: ['FLEX', 'EXT'],
        rhythmHz: 4,
        burstCount: 80,
        burstKind: 'cortical',
        pattern,
        durationSec: 25,
      });
      const [a, b] = sim.signals.map((s) => ({
        label: s.label,
        bursts: detectBursts(s.samples, s.sampleRateHz).bursts,
      }));
      const pair = comparePair(a, b);
      expect(pair.pattern).toBe(pattern);
      if (pattern === 'alternating') expect(Math.abs((pair.medianPhase as number) - 0.5)).toBeLessThan(0.1);
    }
  });

  it('hand-made pair: overlap fraction and phase', () => {
    const mk = (t0: number) =>
      Array.from({ length: 10 }, (_, k) => ({ onsetSec: t0 + k, offsetSec: t0 + k + 0.1, durationMs: 100 }));
    const r = comparePair({ label: 'A', bursts: mk(0) }, { label: 'B', bursts: mk(0.25) });
    expect(r.overlapFraction).toBe(0);
    expect(r.medianPhase).toBeCloseTo(0.25, 9);
    expect(r.pattern).toBe('mixed');
    expect(comparePair({ label: 'A', bursts: mk(0) }, { label: 'B', bursts: mk(0.05) }).overlapFraction).toBe(1);
  });
});

describe('rhythmicity of burst onsets', () => {
  it('finds a 3 Hz rhythm and calls it compatible with rhythmic myoclonus', () => {
    const onsets = Array.from({ length: 60 }, (_, k) => k / 3 + 0.005 * Math.sin(k));
    const r = burstRhythm(onsets);
    expect(Math.abs((r.peakHz as number) - 3)).toBeLessThanOrEqual(0.05);
    expect(r.rhythmic).toBe(true);
    expect(r.intervalCv).toBeLessThan(0.05);
    // exact periodic onsets: P(f0) = N
    const exact = burstRhythm(
      Array.from({ length: 40 }, (_, k) => k * 0.5),
      { stepHz: 0.5 },
    );
    const at2 = exact.spectrum.find((p) => Math.abs(p.hz - 2) < 1e-9);
    expect(at2?.power).toBeCloseTo(40, 6);
  });
  it('does not call Poisson bursting rhythmic (≥ 18 of 20 seeds)', () => {
    let rhythmic = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createSimRng(seed);
      const onsets: number[] = [];
      let t = 0;
      for (let k = 0; k < 100; k++) {
        t += rng.exponential(0.5);
        onsets.push(t);
      }
      if (burstRhythm(onsets).rhythmic) rhythmic++;
    }
    expect(rhythmic).toBeLessThanOrEqual(2);
  });
});

describe('excessive fragmentary myoclonus', () => {
  const stages = (spec: [string, number][]): StageSegment[] => {
    const out: StageSegment[] = [];
    let t = 0;
    for (const [stage, minutes] of spec) {
      for (let k = 0; k < minutes * 2; k++) {
        out.push({ onsetSec: t, durationSec: 30, stage: stage as StageSegment['stage'] });
        t += 30;
      }
    }
    return out;
  };
  const burstsEvery = (fromMin: number, toMin: number, perMin: number, durationMs: number) => {
    const out: { onsetSec: number; durationMs: number }[] = [];
    for (let m = fromMin; m < toMin; m++)
      for (let k = 0; k < perMin; k++) out.push({ onsetSec: m * 60 + 5 + k * (50 / perMin), durationMs });
    return out;
  };
  it('meets the criteria with 20 NREM minutes of ≥ 5 short bursts per minute', () => {
    const hyp = stages([
      ['W', 10],
      ['N2', 25],
      ['R', 10],
      ['N3', 5],
    ]);
    const r = assessFragmentaryMyoclonus(burstsEvery(10, 30, 5, 100), hyp, 50 * 60);
    expect(r.nremMinutes).toBe(30);
    expect(r.qualifyingMinutes).toBe(20);
    expect(r.longestRunMinutes).toBe(20);
    expect(r.meetsCriteria).toBe(true);
  });
  it('does not count REM or wake minutes, slow rates, or bursts longer than 150 ms', () => {
    const hyp = stages([
      ['W', 10],
      ['N2', 25],
      ['R', 25],
    ]);
    const bursts = [
      ...burstsEvery(10, 29, 5, 100), // 19 NREM minutes
      ...burstsEvery(35, 60, 8, 100), // REM
      ...burstsEvery(0, 10, 8, 100), // wake
    ];
    expect(assessFragmentaryMyoclonus(bursts, hyp, 60 * 60).meetsCriteria).toBe(false);
    expect(assessFragmentaryMyoclonus(burstsEvery(10, 35, 4, 100), hyp, 60 * 60).qualifyingMinutes).toBe(0);
    expect(assessFragmentaryMyoclonus(burstsEvery(10, 35, 6, 200), hyp, 60 * 60).qualifyingMinutes).toBe(0);
    expect(assessFragmentaryMyoclonus(burstsEvery(10, 35, 6, 150), hyp, 60 * 60).qualifyingMinutes).toBe(25);
  });
});
