import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulatePsg } from '@myotrace/detect';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'myotrace-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('myotrace simulate', () => {
  it('writes <name>.edf and <name>.truth.json equal to the library simulation', async () => {
    const r = await cli(
      'simulate',
      '-o',
      join(dir, 'a'),
      '--seed',
      '3',
      '--hours',
      '0.25',
      '--profile',
      'plmd-severe',
      '--rate',
      '200',
      '--unit',
      'mV',
    );
    expect(r.code).toBe(0);
    const name = 'psg-plmd-severe-s3-0.25h-200hz-mV';
    expect(r.stdout).toContain(`${name}.edf`);
    expect(r.stdout).toMatch(/leg movements .*PLMS/);
    const sim = simulatePsg({ seed: 3, hours: 0.25, profile: 'plmd-severe', sampleRateHz: 200, unit: 'mV' });
    expect(Buffer.from(readFileSync(join(dir, 'a', `${name}.edf`))).equals(Buffer.from(sim.edf))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'a', `${name}.truth.json`), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(sim.truth)),
    );
  });

  it('is reproducible: the same seed writes the same bytes', async () => {
    for (const sub of ['b1', 'b2']) {
      expect((await cli('simulate', '-o', join(dir, sub), '--seed', '9', '--hours', '0.1', '--rate', '200')).code).toBe(
        0,
      );
    }
    const name = 'psg-plmd-mild-s9-0.1h-200hz-uV';
    expect(readFileSync(join(dir, 'b1', `${name}.edf`)).equals(readFileSync(join(dir, 'b2', `${name}.edf`)))).toBe(
      true,
    );
  });

  it('--json lists the files written', async () => {
    const r = await cli(
      'simulate',
      '-o',
      join(dir, 'c'),
      '--hours',
      '0.1',
      '--rate',
      '200',
      '--profile',
      'apnea',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('psg');
    expect(out.files.map((f: { path: string }) => f.path.split(/[\\/]/).pop())).toEqual([
      'psg-apnea-s1-0.1h-200hz-uV.edf',
      'psg-apnea-s1-0.1h-200hz-uV.truth.json',
    ]);
    expect(out.files[0].bytes).toBe(readFileSync(out.files[0].path).length);
  });

  it('rejects bad options with exit 2 and a coded message', async () => {
    const cases: [string[], string][] = [
      [['--profile', 'nope'], '--profile must be one of'],
      [['--rate', '300'], '--rate must be 200, 256 or 500'],
      [['--unit', 'V'], '--unit must be uV or mV'],
      [['--kind', 'nope'], '--kind must be one of psg'],
      [['--seed', '1.5'], '--seed expects a whole number'],
    ];
    for (const [args, msg] of cases) {
      const r = await cli('simulate', '-o', join(dir, 'd'), '--hours', '0.1', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(msg);
    }
    const json = await cli('simulate', '-o', join(dir, 'd'), '--rate', '300', '--json');
    expect(JSON.parse(json.stdout).error.code).toBe('CLI_BAD_RATE');
  });

  it('out-of-range hours is an input error with a hint (exit 1)', async () => {
    const r = await cli('simulate', '-o', join(dir, 'e'), '--hours', '30');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DETECT_SIM_INVALID_OPTION');
  });
});
