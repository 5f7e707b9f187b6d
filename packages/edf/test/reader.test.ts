import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource, openEdf } from '../src/index.js';
import { openEdfFile } from '../src/node/index.js';
import { dataPath } from './helpers.js';

const GEN = dataPath('pyedflib/test_generator_datarec_generator_2.bdf') as string;

describe('sources and read paths agree', () => {
  it('bytes, Blob and Node file sources give identical readers and samples', async () => {
    const bytes = new Uint8Array(readFileSync(GEN));
    const a = await openEdf(bytesSource(bytes));
    const b = await openEdf(blobSource(new Blob([bytes])));
    const c = await openEdfFile(GEN);
    try {
      expect(b.header).toEqual(a.header);
      expect(c.signals).toEqual(a.signals);
      for (const s of a.signals) {
        const x = await a.readSignal(s.index, 3.3, 17.9);
        expect(await b.readSignal(s.index, 3.3, 17.9)).toEqual(x);
        expect(await c.readSignal(s.index, 3.3, 17.9)).toEqual(x);
      }
    } finally {
      await c.close();
    }
  });

  it('windows, readSignalsInto and records() are consistent with the full read', async () => {
    const r = await openEdf(bytesSource(new Uint8Array(readFileSync(GEN))));
    const idx = r.signals.map((s) => s.index);
    const full = await r.readSignals(idx);
    // 487.5 Hz signal, window [7.01, 12.5): first sample ceil(7.01 × 487.5) = 3418
    const i = 3;
    const w = await r.readSignal(i, 7.01, 12.5);
    expect(r.sampleIndexAt(i, 7.01)).toBe(3418);
    expect(r.windowLength(i, 7.01, 12.5)).toBe(w.length);
    expect(w).toEqual(full[i].subarray(3418, 3418 + w.length));
    const bufs = idx.map(() => new Float32Array(20_000).fill(-1));
    const into = await r.readSignalsInto(idx, bufs, 7.01, 12.5);
    into.forEach((v, k) => {
      expect(v).toEqual(full[k].subarray(r.sampleIndexAt(k, 7.01), r.sampleIndexAt(k, 7.01) + v.length));
    });
    expect(into[0].buffer).toBe(bufs[0].buffer);
    const parts: number[] = [];
    for await (const b of r.records({ signals: [i], blockRecords: 4 })) {
      expect(b.recordCount).toBeLessThanOrEqual(4);
      parts.push(...b.data[0]);
    }
    expect(Float32Array.from(parts)).toEqual(full[i]);
    await expect(r.readSignal(99)).rejects.toMatchObject({ code: 'EDF_BAD_SIGNAL_INDEX' });
  });
});
