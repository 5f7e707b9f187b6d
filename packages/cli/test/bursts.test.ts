import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmgSimulation, emgSimulationToEdf, simulateEmg } from '@myotrace/detect';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

let dir: string;
let file: string;
let sim: EmgSimulation;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'myotrace-bursts-'));
  sim = simulateEmg({
    seed: 41,
    labels: ['DELT', 'BIC'],
    latenciesMs: [0, 10],
    burstKind: 'cortical',
    burstCount: 30,
    durationSec: 40,
    sampleRateHz: 1000,
  });
  file = join(dir, 'emg.edf');
  writeFileSync(file, emgSimulationToEdf(sim));
});

describe('myotrace bursts', () => {
  it('reports bursts per channel as JSON: times in s from the first sample, durations in ms, settings', async () => {
    const svg = join(dir, 'hist.svg');
    const r = await cli(
      'bursts',
      file,
      '--channels',
      'DELT,BIC',
      '--distances',
      'DELT=0,BIC=15',
      '--json',
      '--svg',
      svg,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.channels.map((c: { label: string }) => c.label)).toEqual(['DELT', 'BIC']);
    for (const ch of out.channels as {
      label: string;
      bursts: { onsetSec: number; durationMs: number }[];
      durations: { compatibleWith: string; n: number };
    }[]) {
      const truth = sim.truth.bursts.filter((b) => b.channel === ch.label);
      expect(ch.bursts.length).toBe(truth.length);
      truth.forEach((t, k) => {
        expect(Math.abs(ch.bursts[k].onsetSec - t.onsetSec) * 1000).toBeLessThanOrEqual(5);
        expect(Math.abs(ch.bursts[k].durationMs - t.durationMs)).toBeLessThanOrEqual(10);
      });
      expect(ch.durations.compatibleWith).toBe('cortical');
    }
    expect(out.multiMuscle.order).toEqual(['DELT', 'BIC']);
    // 15 cm over 10 ms: 15 m/s
    expect(Math.abs(out.multiMuscle.propagation.velocityMPerS - 15)).toBeLessThanOrEqual(3);
    expect(out.settings.bursts.highpassHz).toBe(20);
    expect(out.settings.silentPeriods.minDurationMs).toBe(50);
    expect(out.notice).toMatch(/not a diagnosis/);
    expect(XMLValidator.validate(readFileSync(svg, 'utf8'))).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const r = await cli('bursts', file, '--channels', 'DELT');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/DELT\s+1000 Hz\s+30 bursts/);
    expect(r.stdout).toMatch(/compatible with cortical myoclonus/);
  });

  it('names the labels when a channel is missing (exit 2)', async () => {
    const r = await cli('bursts', file, '--channels', 'TIB');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TIB.*DELT, BIC/);
  });

  it('refuses EMG sampled below 200 Hz with a coded error (exit 1)', async () => {
    const low = simulateEmg({ seed: 2, sampleRateHz: 200, durationSec: 10, burstCount: 2, burstKind: 'subcortical' });
    const slow = join(dir, 'slow.edf');
    // resample by decimation to 100 Hz for the file
    const s = low.signals[0];
    const dec = new Float32Array(Math.floor(s.samples.length / 2)).map((_, i) => s.samples[2 * i]);
    writeFileSync(slow, emgSimulationToEdf({ ...low, signals: [{ ...s, sampleRateHz: 100, samples: dec }] }));
    const r = await cli('bursts', slow, '--channels', 'EMG1', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('DETECT_EMG_RATE_TOO_LOW');
  });
});

describe('myotrace simulate --kind emg', () => {
  it('writes EDF + truth that `bursts` reads back within the tolerances', async () => {
    const out = join(dir, 'sim');
    const s = await cli(
      'simulate',
      '--kind',
      'emg',
      '--profile',
      'subcortical',
      '--hours',
      '0.02',
      '--seed',
      '3',
      '-o',
      out,
      '--json',
    );
    expect(s.code).toBe(0);
    const written = JSON.parse(s.stdout);
    expect(written.name).toBe('emg-subcortical-seed3');
    const truth = JSON.parse(readFileSync(join(out, 'emg-subcortical-seed3.truth.json'), 'utf8'));
    const r = await cli('bursts', join(out, 'emg-subcortical-seed3.edf'), '--channels', 'EMG1,EMG2', '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    const emg1 = res.channels[0];
    const t1 = truth.bursts.filter((b: { channel: string }) => b.channel === 'EMG1');
    expect(t1.length).toBe(14); // 72 s / 5
    expect(emg1.bursts.length).toBe(t1.length);
    t1.forEach((t: { onsetSec: number; durationMs: number }, k: number) => {
      expect(Math.abs(emg1.bursts[k].onsetSec - t.onsetSec) * 1000).toBeLessThanOrEqual(5);
      expect(Math.abs(emg1.bursts[k].durationMs - t.durationMs)).toBeLessThanOrEqual(10);
    });
    expect(emg1.durations.compatibleWith).toBe('subcortical-or-spinal');
    expect(emg1.silentPeriods.length).toBeGreaterThanOrEqual(Math.floor((0.9 * truth.silentPeriods.length) / 2));
    expect((await cli('simulate', '--kind', 'emg', '--hours', '8', '-o', out)).code).toBe(2);
  });
});
