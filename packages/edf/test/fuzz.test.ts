import { isMyoTraceError } from '@myotrace/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bdf24To32 } from '../src/decode.js';
import { bytesSource, openEdf, parseTals, writeEdf } from '../src/index.js';

/** Opens and reads everything; the only acceptable failure is a MyoTraceError. */
async function exercise(bytes: Uint8Array, strict: boolean): Promise<'ok' | 'error'> {
  try {
    const r = await openEdf(bytesSource(bytes), { strict });
    expect(Number.isFinite(r.header.durationSec)).toBe(true);
    expect(r.header.recordCount * r.header.recordBytes + r.header.headerBytes).toBeLessThanOrEqual(bytes.length);
    for (const a of r.annotations) expect(Number.isFinite(a.onset)).toBe(true);
    if (r.signals.length > 0) {
      const data = await r.readSignals(r.signals.map((s) => s.index));
      data.forEach((d, i) => {
        expect(d.length).toBeGreaterThanOrEqual(r.header.continuous ? r.signals[i].sampleCount : 0);
      });
      await r.readSignal(0, 0.25, 1.75);
      for await (const b of r.records({ blockRecords: 3 })) expect(b.data.length).toBe(r.signals.length);
    }
    return 'ok';
  } catch (err) {
    if (!isMyoTraceError(err)) throw err;
    expect(err.code).toMatch(/^EDF_[A-Z_]+$/);
    return 'error';
  }
}

// a small valid EDF+D file to mutate: 2 signals, 4 records with a gap, annotations
const seedFile = writeEdf({
  format: 'EDF+D',
  startTime: '2020-01-01T00:00:00.5',
  recordDurationSec: 0.5,
  recordOnsetsSec: [0, 0.5, 3, 3.5],
  signals: [
    {
      label: 'A',
      physicalDimension: 'uV',
      physicalMin: -100,
      physicalMax: 100,
      sampleRate: 8,
      samples: new Float64Array(16).map((_, i) => i),
    },
    {
      label: 'B',
      physicalDimension: 'mV',
      physicalMin: 0,
      physicalMax: 1,
      digitalMin: 0,
      digitalMax: 255,
      sampleRate: 2,
      samples: new Float64Array(4).fill(0.5),
    },
  ],
  annotations: [
    { onset: 0.25, duration: 1, text: 'x\ny' },
    { onset: 3.1, duration: null, text: 'z' },
  ],
});

describe('fuzzing (bounded): any input gives a reader or a MyoTraceError, nothing else', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1200 }), fc.boolean(), async (b, strict) => {
        await exercise(b, strict);
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  it('random byte overwrites of a valid EDF+D file (header and records)', async () => {
    const edit = fc.record({
      at: fc.nat({ max: seedFile.length - 1 }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    });
    const seen = { ok: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), async (edits, strict) => {
        const b = seedFile.slice();
        for (const e of edits) b.set(e.bytes.subarray(0, b.length - e.at), e.at);
        seen[await exercise(b, strict)]++;
      }),
      { numRuns: 800, seed: 2 },
    );
    // both outcomes must actually occur, or the property would be vacuous
    expect(seen.ok).toBeGreaterThan(50);
    expect(seen.error).toBeGreaterThan(50);
  });

  it('hostile numeric header fields (ns, spr, record count, duration, digital range)', async () => {
    const ns = 3;
    const num = fc.oneof(
      fc.integer({ min: -99999999, max: 99999999 }).map(String),
      fc.double({ noNaN: false }).map((x) => String(x).slice(0, 8)),
      fc.constantFrom('', ' ', '-1', '0', '1e308', '99999999', ' 12', '1,5', '\u0000', '+', '.'),
    );
    const fields: [number, number][] = [
      [236, 8],
      [244, 8],
      [252, 4],
      [184, 8],
    ];
    for (let i = 0; i < ns; i++)
      fields.push(
        [256 + ns * 216 + i * 8, 8],
        [256 + ns * 120 + i * 8, 8],
        [256 + ns * 128 + i * 8, 8],
        [256 + ns * 104 + i * 8, 8],
      );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...fields), num), { minLength: 1, maxLength: 4 }),
        async (edits) => {
          const b = seedFile.slice();
          for (const [[at, w], text] of edits)
            for (let k = 0; k < w; k++) b[at + k] = k < text.length ? text.charCodeAt(k) & 0xff : 0x20;
          await exercise(b, false);
        },
      ),
      { numRuns: 800, seed: 3 },
    );
  });

  it('TAL parser: arbitrary bytes never throw; parsed onsets are finite', () => {
    const talBytes = fc.array(
      fc.oneof(
        fc.constantFrom(0, 0x14, 0x15, 0x2b, 0x2d, 0x2e, 0x30, 0x31, 0x39, 0x41, 0x0a),
        fc.integer({ min: 0, max: 255 }),
      ),
      { maxLength: 300 },
    );
    fc.assert(
      fc.property(talBytes, (arr) => {
        const { tals, errors } = parseTals(Uint8Array.from(arr));
        for (const t of tals) {
          expect(Number.isFinite(t.onset)).toBe(true);
          if (t.duration !== null) expect(t.duration).toBeGreaterThanOrEqual(0);
        }
        for (const e of errors) expect(e).toBeLessThan(arr.length);
      }),
      { numRuns: 2000, seed: 4 },
    );
  });

  it('BDF word-wise fast path decodes exactly like the byte-wise loop, at every alignment', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 256, maxLength: 256 }),
        fc.nat({ max: 40 }),
        fc.nat({ max: 70 }),
        (bytes, start, n) => {
          const words = new Uint32Array(bytes.buffer, bytes.byteOffset, 64);
          const a = new Float32Array(n);
          const b = new Float32Array(n);
          const badA = bdf24To32(bytes, null, start, n, a, 0, 0.25, 7, -4000000, 4000000);
          const badB = bdf24To32(bytes, words, start, n, b, 0, 0.25, 7, -4000000, 4000000);
          expect(badB).toBe(badA);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 1000, seed: 5 },
    );
  });
});
