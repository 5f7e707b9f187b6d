import { bytesSource, openEdf } from '@myotrace/edf';
import { describe, expect, it } from 'vitest';
import { detectLegMovements, toMicrovolts } from '../src/lm/index.js';
import { createSimRng, inverseNormalCdf, psgTruth, simulatePsg, simulatePsgNight } from '../src/simulate/index.js';
import { classifyAnnotation, interpretAnnotations, normaliseStages } from '../src/sleep/index.js';

describe('seeded random numbers', () => {
  it('are reproducible per seed and differ between seeds and forks', () => {
    const a = createSimRng(42);
    const b = createSimRng(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createSimRng(43).next()).not.toBe(seqA[0]);
    expect(createSimRng(42).fork('x').next()).not.toBe(createSimRng(42).fork('y').next());
  });

  it('inverse normal CDF matches published quantiles', () => {
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('fillGauss has zero mean and unit variance', () => {
    const x = new Float64Array(200_000);
    createSimRng(1).fillGauss(x);
    let m = 0;
    for (const v of x) m += v;
    m /= x.length;
    let v2 = 0;
    for (const v of x) v2 += (v - m) ** 2;
    expect(Math.abs(m)).toBeLessThan(0.01);
    expect(Math.sqrt(v2 / x.length)).toBeCloseTo(1, 2);
  });
});

describe('simulatePsg', () => {
  const opts = { seed: 4, hours: 0.5, profile: 'plmd-severe', sampleRateHz: 200 } as const;

  it('is deterministic per seed', () => {
    const a = simulatePsg(opts);
    const b = simulatePsg(opts);
    expect(Buffer.from(a.edf).equals(Buffer.from(b.edf))).toBe(true);
    expect(b.truth).toEqual(a.truth);
    const c = simulatePsg({ ...opts, seed: 5 });
    expect(Buffer.from(c.edf).equals(Buffer.from(a.edf))).toBe(false);
  });

  it('rejects bad options with DETECT_SIM_INVALID_OPTION', () => {
    for (const bad of [{ seed: -1 }, { hours: 0 }, { profile: 'nope' }, { unit: 'V' }, { sampleRateHz: 100 }]) {
      expect(() => simulatePsgNight(bad as never)).toThrow(
        expect.objectContaining({ code: 'DETECT_SIM_INVALID_OPTION' }),
      );
    }
  });

  it('ground truth is the placed events put through the rules, one scored LM per placed movement', () => {
    const { truth, night } = simulatePsg({ ...opts, hours: 1 });
    const placed = night.plan.movements;
    expect(placed.length).toBeGreaterThan(20);
    expect(truth.legMovements).toHaveLength(placed.length);
    truth.legMovements.forEach((lm, i) => {
      const m = placed[i];
      expect(lm.onset).toBeCloseTo(m.onsetSec, 5);
      expect(lm.duration).toBeCloseTo(m.endSec - m.onsetSec, 5);
      expect(lm.side).toBe(m.bursts.length === 2 ? 'bilateral' : m.bursts[0].leg);
      // only movements over 10 s are not candidates
      expect(lm.candidate).toBe(m.origin !== 'long');
      if (lm.periodic) expect(lm.candidate).toBe(true);
    });
    // the truth stays clear of rule boundaries a detector's timing error could cross
    for (let i = 1; i < placed.length; i++) {
      const imi = placed[i].onsetSec - placed[i - 1].onsetSec;
      for (const b of [5, 10, 90]) expect(Math.abs(imi - b)).toBeGreaterThan(0.8);
      expect(placed[i].onsetSec - placed[i - 1].endSec).toBeGreaterThanOrEqual(2);
    }
    for (const m of placed) for (const b of m.bursts) expect(b.durationSec < 9.5 || b.durationSec > 10.5).toBe(true);
    // indices agree with the scored list and the hypnogram
    const sleepEpochs = night.hypnogram.filter((s) => s !== 'W').length;
    expect(truth.sleep.tstMin).toBeCloseTo(sleepEpochs / 2, 6);
    const periodicInSleep = truth.legMovements.filter((l) => l.periodic && l.stage !== 'W').length;
    expect(truth.indices.plmsIndex).toBeCloseTo(periodicInSleep / (truth.sleep.tstMin / 60), 6);
    expect(truth.plmSeries.reduce((s, p) => s + p.count, 0)).toBe(truth.legMovements.filter((l) => l.periodic).length);
    for (const s of truth.plmSeries) expect(s.count).toBeGreaterThanOrEqual(4);
    expect(truth.indices.plmsIndex).toBeGreaterThan(15);
    expect(truth.channels).toEqual({ left: 'LAT', right: 'RAT', unit: 'uV' });
  });

  it('writes an EDF+C that reads back: channels, samples within the 0.1 µV resolution, annotations', async () => {
    const { edf, night } = simulatePsg({ ...opts, profile: 'apnea' });
    const r = await openEdf(bytesSource(edf));
    expect(r.header.format).toBe('EDF+C');
    expect(r.signals.map((s) => s.label)).toEqual(['LAT', 'RAT', 'ECG', 'C4-M1', 'Flow']);
    expect(r.signals[0].sampleRate).toBe(200);
    expect(r.header.durationSec).toBe(night.durationSec);
    const lat = await r.readSignal(0);
    let maxErr = 0;
    for (let i = 0; i < lat.length; i++) maxErr = Math.max(maxErr, Math.abs(lat[i] - night.left[i]));
    expect(maxErr).toBeLessThanOrEqual(0.051);
    const ann = interpretAnnotations(
      r.annotations.map((a) => ({ onsetSec: a.onset, durationSec: a.duration, text: a.text })),
    );
    expect(ann.stages).toEqual(normaliseStages(night.stages));
    expect(ann.respiratoryEvents.length).toBe(night.respiratoryEvents.length);
    expect(ann.respiratoryEvents.length).toBeGreaterThan(5);
    expect(ann.arousals.length).toBe(night.arousals.length);
    for (const a of r.annotations) expect(classifyAnnotation(a.text).kind).not.toBe('other');
  });

  it('an mV file carries the same samples as the µV file and scores the same', async () => {
    const uv = simulatePsg({ ...opts, hours: 0.25, unit: 'uV' });
    const mv = simulatePsg({ ...opts, hours: 0.25, unit: 'mV' });
    const ru = await openEdf(bytesSource(uv.edf));
    const rm = await openEdf(bytesSource(mv.edf));
    expect(rm.signals[0].physicalDimension).toBe('mV');
    const a = toMicrovolts(await ru.readSignal(0), ru.signals[0].physicalDimension);
    const b = toMicrovolts(await rm.readSignal(0), rm.signals[0].physicalDimension);
    let maxErr = 0;
    for (let i = 0; i < a.length; i++) maxErr = Math.max(maxErr, Math.abs(a[i] - b[i]));
    expect(maxErr).toBeLessThan(1e-3);
    const da = detectLegMovements(a, 200).events.map((e) => [e.onsetSec, e.durationSec]);
    expect(da.length).toBeGreaterThan(5);
    expect(detectLegMovements(b, 200).events.map((e) => [e.onsetSec, e.durationSec])).toEqual(da);
    expect(mv.truth.legMovements).toEqual(uv.truth.legMovements);
  });

  it('gives AASM ground truth from the same placed events', () => {
    const night = simulatePsgNight({ ...opts, profile: 'apnea', hours: 1 });
    const wasm = psgTruth(night, 'wasm2016');
    const aasm = psgTruth(night, 'aasm');
    expect(aasm.standard).toBe('aasm');
    // AASM does not score LMs around respiratory events; WASM flags them instead
    expect(wasm.legMovements.some((l) => l.respiratory)).toBe(true);
    expect(aasm.legMovements.length).toBeLessThan(wasm.legMovements.length);
  });
});
