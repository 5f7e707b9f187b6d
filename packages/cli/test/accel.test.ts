import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccelSimulation, accelSimulationToCsv, simulateAccel } from '@myotrace/detect';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const fixtures = join(__dirname, '..', '..', 'detect', 'test', 'fixtures', 'accel');
let dir: string;
let jerkFile: string;
let jerkSim: AccelSimulation;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'myotrace-accel-'));
  jerkSim = simulateAccel({ seed: 8, durationSec: 300, eventCount: 40 });
  jerkFile = join(dir, 'jerks.csv');
  writeFileSync(jerkFile, accelSimulationToCsv(jerkSim));
});

describe('myotrace accel', () => {
  it('counts simulated jerks from a generic CSV (JSON)', async () => {
    const r = await cli('accel', jerkFile, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('generic');
    expect(out.sourceUnit).toBe('g');
    expect(out.sampleRateHz).toBe(100);
    // every true jerk found within 50 ms; a posture change may add one more event
    expect(out.jerks.count).toBeGreaterThanOrEqual(40);
    expect(out.jerks.count).toBeLessThanOrEqual(42);
    for (const t of jerkSim.truth.events) {
      expect(out.jerks.events.some((e: { onsetSec: number }) => Math.abs(e.onsetSec - t.onsetSec) <= 0.05)).toBe(true);
    }
    expect(out.jerks.countsPerMinute.reduce((a: number, b: number) => a + b, 0)).toBe(out.jerks.count);
    expect(out.settings.jerks.refractoryMs).toBe(250);
    expect(out.night).toBeNull();
  });

  it('reads a phyphox export in m/s² and prints text', async () => {
    const g = 9.80665;
    const rows = ['"Time (s)","Acceleration x (m/s^2)","Acceleration y (m/s^2)","Acceleration z (m/s^2)"'];
    for (let i = 0; i < jerkSim.x.length; i++)
      rows.push(
        `${(i / 100).toFixed(4)},${(jerkSim.x[i] * g).toFixed(5)},${(jerkSim.y[i] * g).toFixed(5)},${(jerkSim.z[i] * g).toFixed(5)}`,
      );
    const f = join(dir, 'phyphox.csv');
    writeFileSync(f, `${rows.join('\n')}\n`);
    const r = await cli('accel', f);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/phyphox CSV, 100 Hz, 300\.0 s/);
    expect(r.stdout).toMatch(/jerks: 4[012] /);
  });

  it('gives the line of a malformed row (exit 1)', async () => {
    const r = await cli('accel', join(fixtures, 'malformed-value.csv'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'DETECT_ACCEL_CSV_BAD_ROW', line: 3 });
    const t = await cli('accel', join(fixtures, 'malformed-time-order.csv'));
    expect(t.stderr).toMatch(/DETECT_ACCEL_CSV_TIME_ORDER.*\(line 4\)/);
  });

  it('--night gives a screening PLM summary for an ankle sensor', async () => {
    const sim = simulateAccel({ seed: 9, mode: 'leg-movements', sampleRateHz: 25, durationSec: 1800, eventCount: 30 });
    const f = join(dir, 'ankle.csv');
    writeFileSync(f, accelSimulationToCsv(sim));
    const r = await cli('accel', f, '--night', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.night.screening).toBe(true);
    expect(out.night.label).toMatch(/not a diagnosis/);
    expect(out.night.standard).toBe('wasm2016');
    expect(out.night.legMovements.length).toBeGreaterThanOrEqual(28);
    expect(out.night.indices.plmsIndex).toBeGreaterThan(40); // 30 LMs in series in half an hour ≈ 60/h
  });
});

describe('myotrace simulate --kind accel', () => {
  it('writes a CSV whose jerks `accel` counts', async () => {
    const out = join(dir, 'sim');
    const s = await cli('simulate', '--kind', 'accel', '--hours', '0.05', '--rate', '100', '--seed', '4', '-o', out);
    expect(s.code).toBe(0);
    const truth = JSON.parse(readFileSync(join(out, 'accel-jerks-seed4.truth.json'), 'utf8'));
    expect(truth.events.length).toBe(24); // 180 s / 7.5
    const r = JSON.parse((await cli('accel', join(out, 'accel-jerks-seed4.csv'), '--json')).stdout);
    const found = truth.events.filter((t: { onsetSec: number }) =>
      r.jerks.events.some((e: { onsetSec: number }) => Math.abs(e.onsetSec - t.onsetSec) <= 0.05),
    ).length;
    expect(found).toBe(truth.events.length);
    expect(r.jerks.count).toBeLessThanOrEqual(truth.events.length + 1);
  });
});
