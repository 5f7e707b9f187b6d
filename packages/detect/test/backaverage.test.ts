import { isMyoTraceError } from '@myotrace/errors';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { backAverage, backAverageSvg, detectBursts } from '../src/myoclonus/index.js';
import { simulateEegEmg } from '../src/simulate/eegEmg.js';

const eegOf = (sim: ReturnType<typeof simulateEegEmg>) =>
  sim.signals
    .filter((s) => s.label !== sim.options.emgLabel)
    .map((s) => ({ label: s.label, samplesUv: s.samples, sampleRateHz: s.sampleRateHz }));

describe('jerk-locked back-averaging', () => {
  it.each([1, 2, 3])(
    'finds a 5 µV potential at −20 ms in 20 µV RMS noise from 100 detected jerks (seed %i)',
    (seed) => {
      const sim = simulateEegEmg({ seed, jerkCount: 100, noiseUv: 20, potentialUv: 5, potentialLatencyMs: -20 });
      const emg = sim.signals.find((s) => s.label === 'EMG');
      if (!emg) throw new Error('no EMG');
      const bursts = detectBursts(emg.samples, emg.sampleRateHz);
      expect(bursts.bursts.length).toBe(100);
      const res = backAverage(
        eegOf(sim),
        bursts.bursts.map((b) => b.onsetSec),
        { seed },
      );
      expect(res.nUsed).toBe(100);
      expect(res.significance.significant).toBe(true);
      expect(res.significance.channel).toBe('C3');
      const c3 = res.channels[0];
      expect(Math.abs(c3.deflection.latencyMs - -20)).toBeLessThanOrEqual(5);
      // reference: the same analysis of the noiseless recording (the 70 Hz low-pass trims the peak a little)
      const clean = simulateEegEmg({
        seed,
        jerkCount: 100,
        noiseUv: 0,
        potentialUv: 5,
        potentialLatencyMs: -20,
        includeEmg: false,
      });
      const ref = backAverage(eegOf(clean), clean.truth.jerkOnsetsSec, { surrogates: 19 }).channels[0].deflection;
      expect(ref.latencyMs).toBe(-20);
      expect(ref.amplitudeUv).toBeGreaterThan(4.5);
      expect(ref.amplitudeUv).toBeLessThan(5);
      expect(Math.abs(c3.deflection.amplitudeUv - ref.amplitudeUv)).toBeLessThanOrEqual(1.5);
      expect(res.channels[1].pValue).toBeGreaterThan(0.01); // C4 has no potential
      expect(res.statement).toMatch(/not a diagnosis/);
    },
  );

  it('reports no significant potential in ≥95 of 100 seeds when none was injected', () => {
    let falsePositives = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const sim = simulateEegEmg({
        seed: 1000 + seed,
        jerkCount: 100,
        potentialUv: 0,
        includeEmg: false,
        intervalSec: [0.8, 1.0],
      });
      const res = backAverage(eegOf(sim), sim.truth.jerkOnsetsSec, { seed, surrogates: 200 });
      if (res.significance.significant) falsePositives++;
    }
    expect(falsePositives).toBeLessThanOrEqual(5);
  });

  it('averages exactly: baseline-corrected ramp, rejection and out-of-range triggers counted', () => {
    const fs = 1000;
    const n = 10 * fs;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = (i % 1000) * 0.01; // sawtooth, 0.01 µV per sample within each second
    const y = Float32Array.from(x);
    y[5200] = 900; // artefact inside the epoch around 5.3 s
    const triggers = [2.5, 3.5, 5.3, 7.5, 0.1, 9.9];
    const res = backAverage([{ label: 'A', samplesUv: y, sampleRateHz: fs }], triggers, {
      highpassHz: null,
      lowpassHz: null,
      surrogates: 19,
      minJerks: 1,
    });
    expect(res.nOutOfRange).toBe(2);
    expect(res.nRejectedArtefact).toBe(1);
    expect(res.nUsed).toBe(3);
    // within an epoch at t.5 s the ramp is continuous: value(t) = 5 + 0.01·t_ms; baseline −300..−200 ms mean
    const k0 = res.timesMs.indexOf(0);
    const baseMean = 0.01 * (500 - 250); // mean of (200..300 samples) → 2.0 + 0.01·(−250)... see below
    expect(res.timesMs[0]).toBe(-300);
    expect(res.timesMs[res.timesMs.length - 1]).toBe(300);
    // value at 0 ms minus mean over −300..−201 ms = 0.01 × (0 − (−250.5))
    expect(res.channels[0].averageUv[k0]).toBeCloseTo(0.01 * 250.5, 4);
    expect(baseMean).toBeCloseTo(2.5, 6);
  });

  it('uses −2000..+500 ms in Bereitschaftspotential mode', () => {
    const sim = simulateEegEmg({ seed: 9, jerkCount: 30, potentialUv: 0, includeEmg: false, intervalSec: [3, 3.5] });
    const res = backAverage(eegOf(sim), sim.truth.jerkOnsetsSec, { mode: 'bereitschaftspotential', surrogates: 19 });
    expect(res.timesMs[0]).toBe(-2000);
    expect(res.timesMs[res.timesMs.length - 1]).toBe(500);
    expect(res.settings.lowpassHz).toBe(10);
    expect(res.warnings.map((w) => w.code)).toContain('DETECT_BA_FEW_JERKS');
  });

  it('throws coded errors for bad windows and for no usable epoch', () => {
    const ch = [{ label: 'A', samplesUv: new Float32Array(5000), sampleRateHz: 1000 }];
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return isMyoTraceError(e) ? e.code : 'other';
      }
    };
    expect(code(() => backAverage(ch, [2], { windowMs: [100, 300] }))).toBe('DETECT_BA_BAD_WINDOW');
    expect(code(() => backAverage(ch, [0.01, 4.99]))).toBe('DETECT_BA_NO_EPOCHS');
    expect(code(() => backAverage([], [1]))).toBe('DETECT_BA_NO_CHANNELS');
  });

  it('draws a well-formed SVG with one trace per channel', () => {
    const sim = simulateEegEmg({ seed: 4, jerkCount: 60, includeEmg: false });
    const res = backAverage(eegOf(sim), sim.truth.jerkOnsetsSec, { surrogates: 39 });
    const svg = backAverageSvg(res);
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    const lines = doc.svg.polyline;
    expect(Array.isArray(lines) ? lines.length : 1).toBe(2);
    const pts = String((Array.isArray(lines) ? lines[0] : lines)['@_points']).split(' ');
    expect(pts.length).toBe(res.timesMs.length);
  });
});
