import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEdf } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const FIX = join(import.meta.dirname, '..', '..', 'edf', 'test', 'fixtures');
const GEN = join(FIX, 'pyedflib/test_generator.edf');
const UNEVEN = join(FIX, 'mne-python/test_uneven_samp.edf');
const dir = mkdtempSync(join(tmpdir(), 'myotrace-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (s: string) =>
  s
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));

describe('myotrace export', () => {
  it('csv: header time,A,B and one row per sample in [from, to), values in physical units', async () => {
    const r = await cli(
      'export',
      GEN,
      '--format',
      'csv',
      '--signals',
      'ramp,sine 8.5 Hz',
      '--from',
      '10',
      '--to',
      '10.5',
    );
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    expect(t[0]).toEqual(['time', 'ramp', 'sine 8.5 Hz']);
    expect(t.length - 1).toBe(100);
    const reader = await openEdfFile(GEN);
    const ramp = await reader.readSignal(1, 10, 10.5);
    const sine = await reader.readSignal(7, 10, 10.5);
    await reader.close();
    t.slice(1).forEach((row, i) => {
      expect(Number(row[0])).toBeCloseTo(10 + i / 200, 9);
      expect(Number(row[1])).toBeCloseTo(ramp[i], 3);
      expect(Number(row[2])).toBeCloseTo(sine[i], 3);
    });
  });

  it('csv refuses signals of different rates without --long (exit 2, clear message)', async () => {
    const r = await cli('export', UNEVEN, '--format', 'csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/different sample rates .*--long/);
  });

  it('csv --long: time,signal,value rows of both rates, ordered by time', async () => {
    const r = await cli('export', UNEVEN, '--format', 'csv', '--long', '--from', '0', '--to', '1');
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    expect(t[0]).toEqual(['time', 'signal', 'value']);
    const body = t.slice(1);
    // 100 Hz → 100 samples, 12.8 Hz → ceil(12.8) = 13 samples in [0, 1)
    expect(body.filter((x) => x[1] === '3Hz +5/-5 V').length).toBe(100);
    expect(body.filter((x) => x[1] === '0.2Hz Blk 1/0uV').length).toBe(13);
    const times = body.map((x) => Number(x[0]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('json: values per signal; EDF+D gap samples are null on the time grid', async () => {
    const path = join(dir, 'd.edf');
    const samples = Float64Array.from({ length: 8 }, (_, i) => i);
    writeFileSync(
      path,
      writeEdf({
        format: 'EDF+D',
        startTime: '2020-01-01T00:00:00',
        recordDurationSec: 1,
        recordOnsetsSec: [0, 3],
        signals: [
          {
            label: 'A',
            physicalDimension: 'uV',
            physicalMin: -100,
            physicalMax: 100,
            digitalMin: -100,
            digitalMax: 100,
            sampleRate: 4,
            samples,
          },
        ],
      }),
    );
    const r = await cli('export', path, '--format', 'json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.signals[0]).toMatchObject({ label: 'A', sampleRate: 4, startSec: 0 });
    expect(o.signals[0].values).toEqual([0, 1, 2, 3, null, null, null, null, null, null, null, null, 4, 5, 6, 7]);
    const csv = rows((await cli('export', path, '--format', 'csv', '--from', '0.5')).stdout);
    expect(csv.slice(1).map((x) => x.map(Number))).toEqual([
      [0.5, 2],
      [0.75, 3],
      [3, 4],
      [3.25, 5],
      [3.5, 6],
      [3.75, 7],
    ]);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('export', GEN, '--format', 'xml')).code).toBe(2);
    expect((await cli('export', GEN)).code).toBe(2);
    expect((await cli('export', GEN, '--format', 'csv', '--signals', 'nope')).code).toBe(2);
    expect((await cli('export', GEN, '--format', 'csv', '--from', '5', '--to', '1')).code).toBe(2);
    expect((await cli('export', GEN, '--format', 'csv', '--from', 'abc')).code).toBe(2);
  });

  const shared = '/work/shared/data/edf';
  const files = (() => {
    try {
      return readdirSync(shared, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(edf|bdf)$/i.test(f))
        .map((f) => join(shared, f));
    } catch {
      return [];
    }
  })();
  it.each(files.map((f) => [f]))(
    'json export of the first 2 s works on %s (or exits 1 when there is nothing to export)',
    async (file) => {
      const reader = await openEdfFile(file);
      const exportable = reader.signals.length > 0 && reader.signals.every((s) => s.sampleRate > 0);
      const lengths = exportable ? reader.signals.map((s) => reader.windowLength(s.index, 0, 2)) : [];
      await reader.close();
      const r = await cli('export', file, '--format', 'json', '--to', '2');
      expect(r.code).toBe(exportable ? 0 : 1);
      if (exportable) {
        const o = JSON.parse(r.stdout) as { signals: { sampleRate: number; values: unknown[] }[] };
        expect(o.signals.map((s) => s.values.length)).toEqual(lengths);
      }
    },
  );

  it('an unreadable file exits 1', async () => {
    const path = join(dir, 'bad.edf');
    writeFileSync(path, new Uint8Array(100));
    const r = await cli('export', path, '--format', 'json');
    expect(r.code).toBe(1);
  });
});
