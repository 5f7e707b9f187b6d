import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEdf } from '@myotrace/edf';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const FIX = join(import.meta.dirname, '..', '..', 'edf', 'test', 'fixtures');
const SHARED = '/work/shared/data/edf';
const dir = mkdtempSync(join(tmpdir(), 'myotrace-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOP_KEYS = [
  'format',
  'startTime',
  'durationSec',
  'recordCount',
  'recordDurationSec',
  'patient',
  'recording',
  'signals',
  'annotations',
  'warnings',
];
const SIGNAL_KEYS = [
  'label',
  'transducer',
  'physicalDimension',
  'physicalMin',
  'physicalMax',
  'digitalMin',
  'digitalMax',
  'prefilter',
  'samplesPerRecord',
  'sampleRate',
  'sampleCount',
];

function filesIn(root: string): string[] {
  const out: string[] = [];
  try {
    for (const d of readdirSync(root, { withFileTypes: true })) {
      if (d.isDirectory()) out.push(...filesIn(join(root, d.name)));
      else if (/\.(edf|bdf)$/i.test(d.name)) out.push(join(root, d.name));
    }
  } catch {
    /* collection absent */
  }
  return out;
}

function checkContract(o: Record<string, unknown>): void {
  expect(Object.keys(o)).toEqual(TOP_KEYS);
  expect(['EDF', 'EDF+C', 'EDF+D', 'BDF', 'BDF+C', 'BDF+D']).toContain(o.format);
  if (o.startTime !== null) expect(o.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
  for (const s of o.signals as Record<string, unknown>[]) expect(Object.keys(s)).toEqual(SIGNAL_KEYS);
  for (const a of o.annotations as Record<string, unknown>[])
    expect(Object.keys(a)).toEqual(['onset', 'duration', 'text']);
  for (const w of o.warnings as Record<string, unknown>[]) expect(Object.keys(w)).toEqual(['code', 'message']);
}

describe('myotrace inspect --json (contract)', () => {
  it('test_generator.edf: exact values', async () => {
    const r = await cli('inspect', join(FIX, 'pyedflib/test_generator.edf'), '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    checkContract(o);
    expect(o).toMatchObject({
      format: 'EDF+C',
      startTime: '2011-04-04T12:57:02.000',
      durationSec: 600,
      recordCount: 600,
      recordDurationSec: 1,
      warnings: [],
    });
    expect(o.patient).toMatchObject({ code: 'abcxyz99', name: 'Hans Muller' });
    expect(o.signals[0]).toEqual({
      label: 'squarewave',
      transducer: 'trans1',
      physicalDimension: 'uV',
      physicalMin: -1000,
      physicalMax: 1000,
      digitalMin: -32768,
      digitalMax: 32767,
      prefilter: 'pre1',
      samplesPerRecord: 200,
      sampleRate: 200,
      sampleCount: 120000,
    });
    expect(o.annotations).toEqual([
      { onset: 0, duration: null, text: 'Recording starts' },
      { onset: 600, duration: null, text: 'Recording ends' },
    ]);
  });

  const all = [...filesIn(SHARED), ...filesIn(FIX)];
  it.each(all.map((f) => [f]))('meets the contract on %s', async (file) => {
    const r = await cli('inspect', file, '--json');
    expect(r.code).toBe(0);
    checkContract(JSON.parse(r.stdout));
  });

  it('meets the contract on EDF+D and BDF+D files written by the writer', async () => {
    for (const format of ['EDF+D', 'BDF+D'] as const) {
      const path = join(dir, `w.${format.slice(0, 3).toLowerCase()}`);
      writeFileSync(
        path,
        writeEdf({
          format,
          startTime: '2020-01-01T00:00:00',
          recordDurationSec: 1,
          recordOnsetsSec: [0, 5],
          signals: [
            {
              label: 'A',
              physicalDimension: 'uV',
              physicalMin: -1,
              physicalMax: 1,
              sampleRate: 4,
              samples: new Float64Array(8),
            },
          ],
          annotations: [{ onset: 5.5, duration: 1, text: 'after\ngap' }],
        }),
      );
      const r = await cli('inspect', path, '--json');
      expect(r.code).toBe(0);
      const o = JSON.parse(r.stdout);
      checkContract(o);
      expect(o).toMatchObject({
        format,
        durationSec: 6,
        recordCount: 2,
        annotations: [{ onset: 5.5, duration: 1, text: 'after\ngap' }],
      });
    }
  });

  it('an unreadable file: error JSON with code, message and offset; exit 1', async () => {
    const path = join(dir, 'not.edf');
    writeFileSync(path, 'hello, this is not an EDF file'.padEnd(300, '.'));
    const r = await cli('inspect', path, '--json');
    expect(r.code).toBe(1);
    const o = JSON.parse(r.stdout);
    expect(o.error).toMatchObject({ code: 'EDF_BAD_VERSION', offset: 0 });
    expect(typeof o.error.message).toBe('string');
  });

  it('--strict refuses a file that needs a repair (exit 1, the repair code)', async () => {
    const r = await cli('inspect', join(FIX, 'mne-python/test.bdf'), '--json', '--strict');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'EDF_NUMBER_RIGHT_JUSTIFIED', offset: 236 });
    expect((await cli('inspect', join(FIX, 'pyedflib/test_generator.edf'), '--strict')).code).toBe(0);
  });

  it('--strict also checks samples against the digital range', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIX, 'pyedflib/test_generator.edf')));
    // digital maximum of signal 0 (ns = 12) lowered to 100: the squarewave's samples (±3276) exceed it
    bytes.set(new TextEncoder().encode('100     '), 256 + 12 * 128);
    const path = join(dir, 'range.edf');
    writeFileSync(path, bytes);
    expect((await cli('inspect', path, '--json')).code).toBe(0);
    const r = await cli('inspect', path, '--json', '--strict');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('EDF_SAMPLE_OUT_OF_RANGE');
  });

  it('a missing file exits 1; a missing argument exits 2', async () => {
    expect((await cli('inspect', join(dir, 'nope.edf'), '--json')).code).toBe(1);
    expect((await cli('inspect')).code).toBe(2);
  });

  it('human output is a table with signals, annotations and warnings', async () => {
    const r = await cli('inspect', join(FIX, 'mne-python/duplicate_channel_labels.edf'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/format\s+EDF\+C/);
    expect(r.stdout).toMatch(/#\s+label\s+unit\s+rate Hz/);
    expect(r.stdout).toMatch(/EEG F1-Ref-1/);
    expect(r.stdout).toMatch(/warning EDF_DUPLICATE_LABELS/);
  });
});
