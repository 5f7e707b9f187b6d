import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eegEmgSimulationToEdf, simulateEegEmg } from '@myotrace/detect';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'myotrace-ba-'));
  file = join(dir, 'eegemg.edf');
  writeFileSync(
    file,
    eegEmgSimulationToEdf(simulateEegEmg({ seed: 5, jerkCount: 100, potentialUv: 5, potentialLatencyMs: -20 })),
  );
});

describe('myotrace backaverage', () => {
  it('finds the injected pre-jerk potential and writes JSON and SVG', async () => {
    const svg = join(dir, 'ba.svg');
    const r = await cli(
      'backaverage',
      file,
      '--trigger',
      'EMG',
      '--eeg',
      'C3,C4',
      '--window',
      '-300:300',
      '--json',
      '--svg',
      svg,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.trigger.bursts).toBe(100);
    expect(out.nUsed).toBe(100);
    expect(out.timesMs[0]).toBe(-300);
    expect(out.timesMs[out.timesMs.length - 1]).toBe(300);
    expect(out.significance.significant).toBe(true);
    expect(out.significance.channel).toBe('C3');
    expect(Math.abs(out.channels[0].deflection.latencyMs + 20)).toBeLessThanOrEqual(5);
    expect(out.settings.windowMs).toEqual([-300, 300]);
    expect(out.settings.seed).toBe(1);
    expect(XMLValidator.validate(readFileSync(svg, 'utf8'))).toBe(true);
  });

  it('accepts --window=FROM:TO and rejects a window after the jerk (exit 2)', async () => {
    const ok = await cli(
      'backaverage',
      file,
      '--trigger',
      'EMG',
      '--eeg',
      'C3',
      '--window=-200:100',
      '--surrogates',
      '39',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/C3: largest pre-jerk deflection/);
    const bad = await cli('backaverage', file, '--trigger', 'EMG', '--eeg', 'C3', '--window', '100:300');
    expect(bad.code).toBe(2);
  });
});

describe('myotrace simulate --kind eeg-emg', () => {
  it('writes a recording whose potential `backaverage` finds, and none with --profile none', async () => {
    const out = join(dir, 'sim');
    expect((await cli('simulate', '--kind', 'eeg-emg', '--hours', '0.06', '--seed', '2', '-o', out)).code).toBe(0);
    expect(
      (await cli('simulate', '--kind', 'eeg-emg', '--profile', 'none', '--hours', '0.06', '--seed', '2', '-o', out))
        .code,
    ).toBe(0);
    const truth = JSON.parse(readFileSync(join(out, 'eeg-emg-potential-seed2.truth.json'), 'utf8'));
    expect(truth.potential).toMatchObject({ latencyMs: -20, amplitudeUv: 5, channels: ['C3'] });
    const yes = JSON.parse(
      (
        await cli(
          'backaverage',
          join(out, 'eeg-emg-potential-seed2.edf'),
          '--trigger',
          'EMG',
          '--eeg',
          'C3,C4',
          '--json',
        )
      ).stdout,
    );
    expect(yes.nUsed).toBe(truth.jerkOnsetsSec.length);
    expect(yes.significance.significant).toBe(true);
    const no = JSON.parse(
      (await cli('backaverage', join(out, 'eeg-emg-none-seed2.edf'), '--trigger', 'EMG', '--eeg', 'C3,C4', '--json'))
        .stdout,
    );
    expect(no.significance.significant).toBe(false);
  });
});
