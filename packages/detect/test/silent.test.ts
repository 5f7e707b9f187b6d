import { describe, expect, it } from 'vitest';
import { classifySilentPeriod, detectSilentPeriods } from '../src/myoclonus/index.js';
import { simulateEmg } from '../src/simulate/emg.js';

describe('silent periods (negative myoclonus) on simulated tonic EMG', () => {
  const rows: { fs: number; seed: number }[] = [];
  for (const fs of [1000, 2000]) for (const seed of [21, 22, 23]) rows.push({ fs, seed });
  it.each(rows)('at $fs Hz, seed $seed: ≥95% found with onset ±5 ms and duration ±10 ms', ({ fs, seed }) => {
    const sim = simulateEmg({
      seed,
      sampleRateHz: fs,
      durationSec: 90,
      burstCount: 10,
      silentCount: 30,
      tonicUv: 30,
      silentMs: [55, 480],
    });
    const res = detectSilentPeriods(sim.signals[0].samples, fs);
    const truth = sim.truth.silentPeriods;
    let found = 0;
    let onsetOk = 0;
    let durationOk = 0;
    let classOk = 0;
    for (const t of truth) {
      const m = res.silentPeriods.find(
        (p) => p.onsetSec < t.onsetSec + t.durationMs / 1000 && p.offsetSec > t.onsetSec,
      );
      if (!m) continue;
      found++;
      if (Math.abs(m.onsetSec - t.onsetSec) * 1000 <= 5) onsetOk++;
      if (Math.abs(m.durationMs - t.durationMs) <= 10) durationOk++;
      if (m.durationClass === classifySilentPeriod(t.durationMs)) classOk++;
    }
    expect(found / truth.length).toBeGreaterThanOrEqual(0.95);
    expect(onsetOk / found).toBeGreaterThanOrEqual(0.95);
    expect(durationOk / found).toBeGreaterThanOrEqual(0.95);
    expect(classOk / found).toBeGreaterThanOrEqual(0.85); // class edges are 70 and 100 ms; ±10 ms can cross them
    expect(res.silentPeriods.length - found).toBeLessThanOrEqual(1);
    expect(res.counts.short + res.counts.intermediate + res.counts.long).toBe(res.silentPeriods.length);
  });

  it('reports nothing (and says why) when the muscle is relaxed', () => {
    const sim = simulateEmg({ seed: 4, durationSec: 30, burstCount: 10, tonicUv: 0 });
    const res = detectSilentPeriods(sim.signals[0].samples, 2000);
    expect(res.silentPeriods).toHaveLength(0);
    expect(res.warnings.map((w) => w.code)).toContain('DETECT_NO_TONIC');
  });

  it('ignores pauses outside 50–500 ms and uses the published duration classes', () => {
    const fs = 2000;
    const x = new Float32Array(10 * fs);
    for (let i = 0; i < x.length; i++) x[i] = 40 * Math.sin(i * 1.3) * Math.sin(i * 0.37) + 30 * Math.sin(i * 2.1);
    const quiet = (fromSec: number, ms: number) => {
      for (let i = Math.round(fromSec * fs); i < Math.round((fromSec + ms / 1000) * fs); i++) x[i] = 0.5 * Math.sin(i);
    };
    quiet(2, 30); // too short
    quiet(4, 200); // long class
    quiet(6, 800); // too long
    quiet(8, 60); // short class
    const res = detectSilentPeriods(x, fs);
    expect(res.silentPeriods.map((p) => p.durationClass)).toEqual(['long', 'short']);
    expect(Math.abs(res.silentPeriods[0].onsetSec - 4) * 1000).toBeLessThanOrEqual(5);
    expect(Math.abs(res.silentPeriods[0].durationMs - 200)).toBeLessThanOrEqual(10);
    expect(classifySilentPeriod(69.9)).toBe('short');
    expect(classifySilentPeriod(70)).toBe('intermediate');
    expect(classifySilentPeriod(100)).toBe('intermediate');
    expect(classifySilentPeriod(101)).toBe('long');
  });
});
