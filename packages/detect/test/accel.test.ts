import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMyoTraceError } from '@myotrace/errors';
import { describe, expect, it } from 'vitest';
import {
  accelNightSummary,
  ankleLmSettings,
  detectAccelJerks,
  parseAccelCsv,
  STANDARD_GRAVITY,
} from '../src/accel/index.js';
import { applyPlmRules, wasm2016Settings } from '../src/plm/index.js';
import { accelSimulationToCsv, simulateAccel } from '../src/simulate/accel.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'accel', name), 'utf8');
const errorOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    if (isMyoTraceError(e)) return e;
    throw e;
  }
};

describe('accelerometer CSV formats', () => {
  it('generic time,x,y,z with the unit guessed from the magnitude (g)', () => {
    const r = parseAccelCsv(fixture('generic-g-guessed.csv'));
    expect(r.format).toBe('generic');
    expect(r.sourceUnit).toBe('g');
    expect(r.sampleRateHz).toBe(100);
    expect(Array.from(r.z)).toEqual([0.99, 1.01, 1.0, 0.98, 1.02]);
    expect(r.warnings.map((w) => w.code)).toContain('DETECT_ACCEL_UNIT_GUESSED');
  });
  it('generic with m/s² in the header converts to g', () => {
    const r = parseAccelCsv(fixture('generic-ms2.csv'));
    expect(r.sourceUnit).toBe('m/s2');
    expect(r.x[0]).toBeCloseTo(0.01, 12);
    expect(r.y[1]).toBeCloseTo(0.02, 12);
    expect(r.z[2]).toBeCloseTo(1, 12);
    expect(r.warnings).toHaveLength(0);
  });
  it('generic with semicolons and decimal commas', () => {
    const r = parseAccelCsv(fixture('generic-semicolon-decimal-comma.csv'));
    expect(r.sampleRateHz).toBe(50);
    expect(Array.from(r.y)).toEqual([0.01, 0.02, 0, 0.01]);
  });
  it('phyphox (with gravity), irregular timing resampled to 500 Hz', () => {
    const r = parseAccelCsv(fixture('phyphox.csv'));
    expect(r.format).toBe('phyphox');
    expect(r.gravityIncluded).toBe(true);
    expect(r.sampleRateHz).toBe(500);
    expect(r.timing.resampled).toBe(true);
    expect(r.x[0]).toBeCloseTo(0.12345678 / STANDARD_GRAVITY, 12);
    // t = 4 ms lies between 2.0 ms (x = 0.13) and 4.1 ms (x = 0.11): linear interpolation
    expect(r.x[2]).toBeCloseTo((0.13 + (2 / 2.1) * (0.11 - 0.13)) / STANDARD_GRAVITY, 12);
  });
  it('phyphox linear acceleration (gravity already removed)', () => {
    const r = parseAccelCsv(fixture('phyphox-linear.csv'));
    expect(r.gravityIncluded).toBe(false);
    expect(r.sourceUnit).toBe('m/s2');
    expect(r.x[0]).toBeCloseTo(0.01 / STANDARD_GRAVITY, 12);
  });
  it('Sensor Logger (z,y,x column order, seconds_elapsed)', () => {
    const r = parseAccelCsv(fixture('sensor-logger.csv'));
    expect(r.format).toBe('sensor-logger');
    expect(r.sampleRateHz).toBe(100);
    expect(r.x[0]).toBeCloseTo(0.2 / STANDARD_GRAVITY, 12);
    expect(r.z[1]).toBeCloseTo(9.8 / STANDARD_GRAVITY, 12);
  });
  it('Physics Toolbox Sensor Suite, numeric and clock time', () => {
    const a = parseAccelCsv(fixture('physics-toolbox.csv'));
    expect(a.format).toBe('physics-toolbox');
    expect(a.sampleRateHz).toBe(50);
    expect(Array.from(a.x)).toEqual([0.012, 0.01, 0.011, 0.013]);
    const b = parseAccelCsv(fixture('physics-toolbox-clock.csv'));
    expect(b.sampleRateHz).toBe(50);
    expect(Array.from(b.z)).toEqual([0.998, 1.001, 0.999]);
  });
  it('ActiGraph ActiLife raw CSV: rate and start from the header', () => {
    const r = parseAccelCsv(fixture('actigraph.csv'));
    expect(r.format).toBe('actigraph');
    expect(r.sampleRateHz).toBe(30);
    expect(r.startTime).toBe('3/14/2024 22:00:00');
    expect(Array.from(r.y)).toEqual([-0.023, -0.02, -0.026, -0.023]);
  });
  it('Axivity headerless date-time CSV', () => {
    const r = parseAccelCsv(fixture('axivity.csv'));
    expect(r.format).toBe('axivity');
    expect(r.sampleRateHz).toBe(100);
    expect(r.startTime).toBe('2024-03-14 22:00:00.000');
    expect(Array.from(r.x)).toEqual([0.0156, 0.0156, 0, 0.0313]);
  });
  it('gives line-numbered errors for malformed rows and unknown formats', () => {
    expect(errorOf(() => parseAccelCsv(fixture('malformed-value.csv')))).toMatchObject({
      code: 'DETECT_ACCEL_CSV_BAD_ROW',
      line: 3,
    });
    expect(errorOf(() => parseAccelCsv(fixture('malformed-short-row.csv')))).toMatchObject({
      code: 'DETECT_ACCEL_CSV_BAD_ROW',
      line: 4,
    });
    expect(errorOf(() => parseAccelCsv(fixture('malformed-time-order.csv')))).toMatchObject({
      code: 'DETECT_ACCEL_CSV_TIME_ORDER',
      line: 4,
    });
    const unknown = errorOf(() => parseAccelCsv(fixture('unknown-format.csv')));
    expect(unknown).toMatchObject({ code: 'DETECT_ACCEL_CSV_UNKNOWN_FORMAT', line: 1 });
    expect(unknown?.hint).toMatch(/phyphox/);
    expect(errorOf(() => parseAccelCsv(''))).toMatchObject({ code: 'DETECT_ACCEL_CSV_EMPTY' });
    expect(errorOf(() => parseAccelCsv('time,x,y,z\n0,0.1,0.1,0.1\n1,0.1,0.1,0.1\n'))).toMatchObject({
      code: 'DETECT_ACCEL_CSV_UNIT',
    });
  });
  it('round-trips the simulator CSV', () => {
    const sim = simulateAccel({ seed: 3, durationSec: 20, eventCount: 5 });
    const r = parseAccelCsv(accelSimulationToCsv(sim));
    expect(r.sampleRateHz).toBe(100);
    expect(r.x.length).toBe(sim.x.length);
    let maxErr = 0;
    for (let i = 0; i < sim.x.length; i++)
      maxErr = Math.max(maxErr, Math.abs(r.x[i] - sim.x[i]), Math.abs(r.z[i] - sim.z[i]));
    expect(maxErr).toBeLessThanOrEqual(5e-6);
  });
});

const overlaps = (
  e: { onsetSec: number; durationSec: number },
  t: { onsetSec: number; durationSec: number },
  slack = 0.1,
) => e.onsetSec < t.onsetSec + t.durationSec + slack && e.onsetSec + e.durationSec > t.onsetSec - slack;

describe('accelerometer jerk detection on simulated traces with realistic noise', () => {
  it.each([
    [50, 1],
    [50, 2],
    [100, 3],
    [100, 4],
    [200, 5],
  ])('at %i Hz, seed %i: recall and precision ≥ 95%%', (fs, seed) => {
    const sim = simulateAccel({ seed, sampleRateHz: fs, durationSec: 600, eventCount: 80 });
    const r = detectAccelJerks(sim);
    const truth = sim.truth.events;
    const recall = truth.filter((t) => r.events.some((e) => overlaps(e, t))).length / truth.length;
    const precision = r.events.filter((e) => truth.some((t) => overlaps(e, t))).length / r.events.length;
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    // posture changes (30/h → 5 here) are not counted as jerks
    expect(sim.truth.postureChangesSec.length).toBe(5);
    const onsetErr = truth
      .map((t) => r.events.find((e) => overlaps(e, t)))
      .filter((e) => e !== undefined)
      .map((e, k) => Math.abs((e as { onsetSec: number }).onsetSec - truth[k].onsetSec));
    expect(onsetErr.length).toBeGreaterThan(0);
    expect(r.countsPerMinute.length).toBe(10);
    expect(r.countsPerMinute.reduce((a, b) => a + b, 0)).toBe(r.events.filter((e) => e.onsetSec < 600).length);
    expect(r.ratePerHour).toBeCloseTo(r.events.length * 6, 9);
  });

  it('folds re-triggers within the refractory period into one event', () => {
    const fs = 100;
    const n = 30 * fs;
    const x = new Float64Array(n),
      y = new Float64Array(n),
      z = new Float64Array(n).fill(1);
    for (let i = 0; i < n; i++) x[i] = 0.005 * Math.sin(i * 1.3);
    const kick = (at: number) => {
      for (let k = 0; k < 10; k++) x[at + k] += 0.8 * Math.exp(-k / 3) * Math.sin(k * 1.2);
    };
    kick(1000);
    kick(1020); // 200 ms apart: one event with the default 250 ms refractory period
    kick(2000);
    expect(detectAccelJerks({ x, y, z, sampleRateHz: fs }).events).toHaveLength(2);
    expect(detectAccelJerks({ x, y, z, sampleRateHz: fs }, { refractoryMs: 0 }).events).toHaveLength(3);
  });
});

describe('ankle night summary (screening)', () => {
  it('applies the PLM series rules to detected leg movements and labels the result as screening', () => {
    const sim = simulateAccel({ seed: 7, mode: 'leg-movements', sampleRateHz: 50, durationSec: 3600, eventCount: 60 });
    const det = detectAccelJerks(sim, ankleLmSettings);
    const truth = sim.truth.events;
    const recall = truth.filter((t) => det.events.some((e) => overlaps(e, t, 0.5))).length / truth.length;
    expect(recall).toBeGreaterThanOrEqual(0.9);
    const night = accelNightSummary(sim);
    expect(night.screening).toBe(true);
    expect(night.label).toMatch(/not a diagnosis/);
    expect(night.score.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['DETECT_ACCEL_SCREENING', 'DETECT_ACCEL_NO_HYPNOGRAM']),
    );
    // reference: the same rules applied to the simulator's true leg movements
    const ref = applyPlmRules(
      { left: truth.map((t) => ({ onsetSec: t.onsetSec, durationSec: t.durationSec })), right: [], durationSec: 3600 },
      wasm2016Settings,
    );
    expect(ref.indices.plmsIndex).toBeGreaterThanOrEqual(55);
    expect(Math.abs((night.score.indices.plmsIndex as number) - (ref.indices.plmsIndex as number))).toBeLessThanOrEqual(
      10,
    );
    expect(night.score.plmSeries.length).toBeGreaterThanOrEqual(ref.plmSeries.length - 2);
  });
});
