import { describe, expect, it } from 'vitest';
import { bytesSource, openEdf, writeEdf } from '../src/index.js';
import { bytesOf } from './helpers.js';

// A good EDF+C file (pyEDFlib test_generator.edf): 12 signals (11 × 200 spr + 'EDF Annotations' 57 spr),
// header 3328 bytes, records of 4514 bytes, 600 records. Each test corrupts it at a named byte offset.
const GOOD = bytesOf('pyedflib/test_generator.edf');
const NS = 12;
const HEADER = 256 * (NS + 1);
const RECORD = 11 * 200 * 2 + 57 * 2;
/** Byte offset of entry i of a per-signal field at relative offset rel with width w. */
const field = (rel: number, w: number, i: number) => 256 + NS * rel + i * w;
const PMAX0 = field(112, 8, 0);
const DMAX0 = field(128, 8, 0);
const LABEL1 = field(0, 16, 1);
const LABEL_ANN = field(0, 16, 11);
const SPR0 = field(216, 8, 0);
const PMIN0 = field(104, 8, 0);
const TAL0 = HEADER + 11 * 200 * 2;

function mutate(at: number, value: string | number[], base = GOOD): Uint8Array {
  const b = base.slice();
  const bytes = typeof value === 'string' ? Array.from(value, (c) => c.charCodeAt(0)) : value;
  b.set(bytes, at);
  return b;
}

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);
const lenient = (b: Uint8Array) => openEdf(bytesSource(b));
const strict = (b: Uint8Array) => openEdf(bytesSource(b), { strict: true });

describe('the unmodified file needs no repair', () => {
  it('opens strictly with no warnings', async () => {
    const r = await strict(GOOD);
    expect(r.warnings).toEqual([]);
    expect(r.header.recordCount).toBe(600);
    expect(r.header.recordBytes).toBe(RECORD);
  });
});

interface RepairCase {
  name: string;
  bytes: () => Uint8Array;
  code: string;
  offset: number | undefined;
  check?: (r: Awaited<ReturnType<typeof lenient>>) => void | Promise<void>;
}

const repairs: RepairCase[] = [
  {
    name: 'header-bytes field wrong (byte 184)',
    bytes: () => mutate(184, '9999    '),
    code: 'EDF_HEADER_BYTES_MISMATCH',
    offset: 184,
    check: (r) => expect(r.header.headerBytes).toBe(HEADER),
  },
  {
    name: 'record count -1 (byte 236)',
    bytes: () => mutate(236, '-1      '),
    code: 'EDF_RECORD_COUNT_UNKNOWN',
    offset: 236,
    check: (r) => expect(r.header.recordCount).toBe(600),
  },
  {
    name: 'record count larger than the file holds (byte 236)',
    bytes: () => mutate(236, '700     '),
    code: 'EDF_RECORD_COUNT_MISMATCH',
    offset: 236,
    check: (r) => expect(r.header.recordCount).toBe(600),
  },
  {
    name: 'extra trailing byte',
    bytes: () => {
      const b = new Uint8Array(GOOD.length + 1);
      b.set(GOOD);
      b[GOOD.length] = 10;
      return b;
    },
    code: 'EDF_TRAILING_BYTES',
    offset: GOOD.length,
    check: (r) => expect(r.header.recordCount).toBe(600),
  },
  {
    name: 'numeric field right-justified (record duration, byte 244)',
    bytes: () => mutate(244, '       1'),
    code: 'EDF_NUMBER_RIGHT_JUSTIFIED',
    offset: 244,
    check: (r) => expect(r.header.recordDurationSec).toBe(1),
  },
  {
    name: 'numeric field NUL-padded (record count, byte 236)',
    bytes: () => mutate(236, [0x36, 0x30, 0x30, 0, 0, 0, 0, 0]),
    code: 'EDF_NUMBER_NUL_PADDED',
    offset: 236,
    check: (r) => expect(r.header.recordCount).toBe(600),
  },
  {
    name: 'comma decimal separator (physical max of signal 0)',
    bytes: () => mutate(PMAX0, '1000,5  '),
    code: 'EDF_COMMA_DECIMAL',
    offset: PMAX0,
    check: (r) => expect(r.signals[0].physicalMax).toBe(1000.5),
  },
  {
    name: 'non-ASCII header byte (Latin-1 µ in the patient field, byte 40)',
    bytes: () => mutate(40, [0xb5]),
    code: 'EDF_NON_ASCII_HEADER',
    offset: 40,
    check: (r) => expect(r.header.patient.raw).toContain('µ'),
  },
  {
    name: 'invalid start date (byte 168)',
    bytes: () => mutate(168, '32.13.11'),
    code: 'EDF_INVALID_START_DATE',
    offset: 168,
    check: (r) => expect(r.header.startTime).toBeNull(),
  },
  {
    name: 'EDF+C without an annotation signal (label renamed)',
    bytes: () => mutate(LABEL_ANN, 'Notes          '),
    code: 'EDF_PLUS_WITHOUT_ANNOTATIONS',
    offset: 192,
    check: (r) => {
      expect(r.signals.length).toBe(12);
      expect(r.annotations).toEqual([]);
    },
  },
  {
    name: 'garbage in the reserved field (byte 192)',
    bytes: () => mutate(192, 'GARBAGE!'),
    code: 'EDF_RESERVED_FIELD',
    offset: 192,
    check: (r) => expect(r.header.format).toBe('EDF'),
  },
  {
    name: 'duplicate labels (label of signal 1)',
    bytes: () => mutate(LABEL1, 'squarewave      '),
    code: 'EDF_DUPLICATE_LABELS',
    offset: undefined,
    check: (r) => {
      expect(r.signals[0].label).toBe('squarewave-0');
      expect(r.signals[1].label).toBe('squarewave-1');
      expect(r.signals[1].originalLabel).toBe('squarewave');
    },
  },
  {
    name: 'malformed TAL (first byte of record 0 annotations)',
    bytes: () => mutate(TAL0, 'X'),
    code: 'EDF_TAL_SYNTAX',
    offset: TAL0,
    check: (r) => expect(r.annotations.map((a) => a.text)).toEqual(['Recording starts', 'Recording ends']),
  },
  {
    name: 'degenerate scaling (physical min = max, signal 0)',
    bytes: () => mutate(PMIN0, '1000    '),
    code: 'EDF_DEGENERATE_SCALING',
    offset: PMIN0,
    check: async (r) => {
      expect(r.signals[0].gain).toBe(1);
      expect((await r.readDigital(0))[0]).toBe((await r.readSignal(0))[0]);
    },
  },
];

describe('lenient repairs: exact code, offset in the message, data still readable', () => {
  for (const c of repairs) {
    it(c.name, async () => {
      const r = await lenient(c.bytes());
      expect(codes(r.warnings)).toContain(c.code);
      const w = r.warnings.find((x) => x.code === c.code);
      if (c.offset !== undefined) expect(w?.message).toContain(`(byte ${c.offset})`);
      await c.check?.(r);
    });
  }

  it('truncated file: partial last record dropped, count repaired', async () => {
    const b = GOOD.slice(0, GOOD.length - 100);
    const r = await lenient(b);
    expect(codes(r.warnings)).toEqual(['EDF_RECORD_COUNT_MISMATCH', 'EDF_TRAILING_BYTES']);
    expect(r.header.recordCount).toBe(599);
    expect(r.warnings[1].message).toContain(`(byte ${HEADER + 599 * RECORD})`);
    expect((await r.readSignal(0)).length).toBe(599 * 200);
  });

  it('samples outside the digital range are kept (scaled linearly) and reported when read', async () => {
    const r = await lenient(mutate(DMAX0, '100     '));
    expect(r.warnings).toEqual([]);
    const x = await r.readSignal(0);
    expect(codes(r.warnings)).toEqual(['EDF_SAMPLE_OUT_OF_RANGE']);
    // squarewave digital ±3276 with dmin −32768, dmax 100, pmin −1000, pmax 1000
    const gain = 2000 / (100 + 32768);
    expect(x[0]).toBeCloseTo(gain * (3276 + 32768) - 1000, 3);
    await expect((await strict(mutate(DMAX0, '100     '))).readSignal(0)).rejects.toMatchObject({
      code: 'EDF_SAMPLE_OUT_OF_RANGE',
    });
  });
});

describe('strict mode turns every repair into an error with the same code and offset', () => {
  for (const c of repairs) {
    it(c.name, async () => {
      await expect(strict(c.bytes())).rejects.toMatchObject({ code: c.code, offset: c.offset });
    });
  }
});

describe('structural impossibilities are coded errors with the byte offset', () => {
  const cases: { name: string; bytes: () => Uint8Array; code: string; offset: number }[] = [
    { name: 'fewer than 256 bytes', bytes: () => GOOD.slice(0, 100), code: 'EDF_TOO_SHORT', offset: 0 },
    { name: 'unknown version (byte 0)', bytes: () => mutate(0, 'X'), code: 'EDF_BAD_VERSION', offset: 0 },
    { name: 'ns = 0 (byte 252)', bytes: () => mutate(252, '0   '), code: 'EDF_BAD_SIGNAL_COUNT', offset: 252 },
    { name: 'ns not a number (byte 252)', bytes: () => mutate(252, 'ab  '), code: 'EDF_BAD_SIGNAL_COUNT', offset: 252 },
    {
      name: 'ns larger than the file can hold (byte 252)',
      bytes: () => mutate(252, '9999').slice(0, 100_000),
      code: 'EDF_TRUNCATED_HEADER',
      offset: 252,
    },
    {
      name: 'samples per record that cannot fit (signal 0)',
      bytes: () => mutate(SPR0, '99999999'),
      code: 'EDF_SAMPLES_DO_NOT_FIT',
      offset: SPR0,
    },
    {
      name: 'negative samples per record (signal 0)',
      bytes: () => mutate(SPR0, '-5      '),
      code: 'EDF_SAMPLES_DO_NOT_FIT',
      offset: SPR0,
    },
    {
      name: 'physical minimum not a number (signal 0)',
      bytes: () => mutate(PMIN0, 'abc     '),
      code: 'EDF_BAD_NUMBER',
      offset: PMIN0,
    },
    {
      name: 'negative record duration (byte 244)',
      bytes: () => mutate(244, '-1      '),
      code: 'EDF_BAD_RECORD_DURATION',
      offset: 244,
    },
    {
      name: 'header only, no complete record',
      bytes: () => GOOD.slice(0, HEADER + 10),
      code: 'EDF_NO_RECORDS',
      offset: HEADER,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      await expect(lenient(c.bytes())).rejects.toMatchObject({ code: c.code, offset: c.offset, isMyoTraceError: true });
    });
  }
});

describe('hostile time keeping cannot force huge allocations', () => {
  it('an EDF+D record placed 10^10 s later: open works, the full read is refused, windows work', async () => {
    const file = writeEdf({
      format: 'EDF+D',
      startTime: '2020-01-01T00:00:00',
      recordDurationSec: 1,
      recordOnsetsSec: [0, 1],
      signals: [
        {
          label: 'A',
          physicalDimension: 'uV',
          physicalMin: -1,
          physicalMax: 1,
          sampleRate: 100,
          samples: new Float64Array(200),
        },
      ],
      // makes the annotation signal wide enough for the longer TAL written below
      annotations: [{ onset: 0, duration: null, text: 'x'.repeat(30) }],
    });
    // the second record's time-keeping TAL "+1" becomes "+9999999999"
    const header = 256 * 3;
    const record = (file.length - header) / 2;
    const tal = header + record + 200;
    expect(String.fromCharCode(file[tal], file[tal + 1])).toBe('+1');
    expect((await openEdf(bytesSource(file))).gaps).toEqual([]);
    const text = new TextEncoder().encode('+9999999999\x14\x14\x00');
    expect(text.length).toBeLessThanOrEqual(record - 200);
    const patched = file.slice();
    patched.set(text, tal);
    const r = await openEdf(bytesSource(patched));
    expect(r.header.durationSec).toBe(1e10);
    await expect(r.readSignal(0)).rejects.toMatchObject({ code: 'EDF_WINDOW_TOO_LARGE' });
    expect((await r.readSignal(0, 0, 1)).length).toBe(100);
  });
});
