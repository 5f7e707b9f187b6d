// The windowed adapter must decode exactly what the edf reader decodes from the whole file.
import { blobSource, bytesSource, openEdf, writeEdf } from '@myotrace/edf';
import { describe, expect, it } from 'vitest';
import { openWindow, readLayout, readWindow, windowable } from '../src/viewer/windowed.js';
import { simulateNight } from './fixtures/night.js';

describe('windowed EDF reads', () => {
  const { bytes } = simulateNight({ seed: 5, minutes: 10, periodicCount: 8, imiSec: 20, isolated: 2 });
  const blob = new Blob([bytes as BlobPart]);

  it('reads the layout from the header', async () => {
    const l = await readLayout(blob);
    const full = await openEdf(bytesSource(bytes));
    expect(l.recordCount).toBe(full.header.recordCount);
    expect(l.recordDurationSec).toBe(1);
    expect(l.discontinuous).toBe(false);
    expect(l.headerBytes + l.recordCount * l.recordBytes).toBe(bytes.length);
    expect(windowable(l)).toBe(true);
  });

  it('returns the same samples as the full reader for unaligned windows', async () => {
    const l = await readLayout(blob);
    const full = await openEdf(blobSource(blob));
    for (const [a, b] of [[0, 30], [100.5, 160.25], [599.2, 600], [37.003, 37.5]]) {
      const got = await readWindow(blob, l, [0, 1, 2], a, b);
      const want = await full.readSignals([0, 1, 2], a, b);
      expect(got.map((x) => x.length)).toEqual(want.map((x) => x.length));
      for (let k = 0; k < 3; k++) expect(Array.from(got[k])).toEqual(Array.from(want[k]));
    }
  });

  it('collects every annotation once when windows are stitched', async () => {
    const l = await readLayout(blob);
    const full = await openEdf(blobSource(blob));
    const got: { onset: number; duration: number | null; text: string }[] = [];
    for (let t = 0; t < 600; t += 64) {
      const { reader, offsetSec } = await openWindow(blob, l, t, Math.min(600, t + 64));
      for (const a of reader.annotations) got.push({ onset: a.onset + offsetSec, duration: a.duration, text: a.text });
    }
    expect(got).toEqual(full.annotations.map((a) => ({ onset: a.onset, duration: a.duration, text: a.text })));
    expect(got.length).toBe(1 + (600 - 120) / 30);
  });

  it('declines discontinuous files (record times come from the TALs)', async () => {
    const sig = { label: 'X', physicalDimension: 'uV', physicalMin: -100, physicalMax: 100, sampleRate: 10, samples: new Float32Array(30) };
    const d = writeEdf({ format: 'EDF+D', startTime: '2026-01-01T00:00:00', recordDurationSec: 1, signals: [sig], recordOnsetsSec: [0, 1, 5] });
    const l = await readLayout(new Blob([d as BlobPart]));
    expect(l.discontinuous).toBe(true);
    expect(windowable(l)).toBe(false);
  });
});
