import { describe, expect, it } from 'vitest';
import { normaliseUnit, parseTals } from '../src/index.js';
import { formatStart, parsePatient, parseRecording, parseStart } from '../src/subfields.js';

const enc = new TextEncoder();
const latin1 = (s: string) => Array.from(s, (c) => String.fromCharCode(c.charCodeAt(0))).join('');

describe('unit normalisation keeps the original string and recognises common spellings', () => {
  it.each([
    ['uV', 'uV'],
    ['µV', 'uV'],
    ['\u03bcV', 'uV'],
    ['Âµ'.concat('V'), 'uV'],
    ['UV', 'uV'],
    ['mV', 'mV'],
    ['V', 'V'],
    ['nV', 'nV'],
    ['degC', 'degC'],
    ['°C', 'degC'],
    ['%', '%'],
    ['bpm', 'bpm'],
    ['', null],
    ['   ', null],
    ['Ohm', 'ohm'],
    ['arb', 'arb'],
  ])('%j → %j', (dim, unit) => expect(normaliseUnit(dim)).toBe(unit));
  it('UTF-8 bytes of µ read as Latin-1 still give uV', () => {
    const bytes = enc.encode('µV');
    expect(normaliseUnit(latin1(String.fromCharCode(...bytes)))).toBe('uV');
  });
});

describe('start date: the EDF+ 1985–2084 rule', () => {
  it.each([
    ['01.02.85', 1985],
    ['31.12.99', 1999],
    ['01.01.00', 2000],
    ['01.01.84', 2084],
  ])('%s → year %i', (d, y) => expect(parseStart(d, '00.00.00', null)?.year).toBe(y));
  it('a four-digit year in the recording id with the same last two digits wins (after 2084, or 1970)', () => {
    expect(parseStart('01.01.70', '00.00.00', '1970-01-01')?.year).toBe(1970);
    expect(parseStart('05.06.85', '00.00.00', '2085-06-05')?.year).toBe(2085);
    expect(parseStart('05.06.85', '00.00.00', '2001-06-05')?.year).toBe(1985);
  });
  it('rejects impossible dates and times', () => {
    for (const [d, t] of [
      ['29.02.23', '00.00.00'],
      ['32.01.20', '00.00.00'],
      ['01.13.20', '00.00.00'],
      ['01.01.20', '24.00.00'],
      ['1.1.20', '00.00.00'],
      ['01.01.20', '00.60.00'],
    ]) {
      expect(parseStart(d, t, null)).toBeNull();
    }
    expect(parseStart('29.02.24', '23.59.59', null)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
    });
  });
  it('formats the first-sample time with truncated milliseconds, carrying into the next day', () => {
    const st = { year: 2020, month: 12, day: 31, hour: 23, minute: 59, second: 59 };
    expect(formatStart(st, 0.394531)).toBe('2020-12-31T23:59:59.394');
    expect(formatStart(st, 1.5)).toBe('2021-01-01T00:00:00.500');
  });
});

describe('EDF+ identification subfields', () => {
  it('patient: X is unknown, _ is a space, extra subfields kept', () => {
    expect(parsePatient('MCH-0234567 F 02-MAY-1951 Haagse_Harry extra info', true)).toEqual({
      raw: 'MCH-0234567 F 02-MAY-1951 Haagse_Harry extra info',
      code: 'MCH-0234567',
      sex: 'F',
      birthdate: '1951-05-02',
      name: 'Haagse Harry',
      additional: 'extra info',
    });
    expect(parsePatient('X X X X', true)).toMatchObject({ code: null, sex: null, birthdate: null, name: null });
    expect(parsePatient('free text here', false)).toMatchObject({ raw: 'free text here', code: null });
  });
  it('recording: needs Startdate', () => {
    expect(parseRecording('Startdate 02-MAR-2002 PSG-1234/2002 NN Telemetry03', true)).toMatchObject({
      startDate: '2002-03-02',
      admincode: 'PSG-1234/2002',
      technician: 'NN',
      equipment: 'Telemetry03',
      additional: null,
    });
    expect(parseRecording('Something else', true).startDate).toBeNull();
  });
});

describe('TAL grammar (EDF+ §2.2.2 examples)', () => {
  const tal = (s: string) => parseTals(enc.encode(s));
  it('two annotations in one TAL', () => {
    expect(tal('+180\x14Lights off\x14Close door\x14\x00').tals).toEqual([
      { onset: 180, duration: null, texts: ['Lights off', 'Close door'] },
    ]);
  });
  it('onset with duration', () => {
    expect(tal('+1800.2\x1525.5\x14Apnea\x14\x00').tals).toEqual([{ onset: 1800.2, duration: 25.5, texts: ['Apnea'] }]);
  });
  it('time-keeping TAL, negative onset, several TALs, zero padding, UTF-8 with line feed', () => {
    const r = tal('+567\x14\x14\x00-0.5\x14a\nb\x14\x00+3\x14仰卧\x14\x00\x00\x00\x00');
    expect(r.tals).toEqual([
      { onset: 567, duration: null, texts: [''] },
      { onset: -0.5, duration: null, texts: ['a\nb'] },
      { onset: 3, duration: null, texts: ['仰卧'] },
    ]);
    expect(r.errors).toEqual([]);
  });
  it('a malformed TAL is reported and skipped, the next one still parsed', () => {
    const r = tal('180\x14no sign\x14\x00+1\x14ok\x14\x00');
    expect(r.errors).toEqual([0]);
    expect(r.tals).toEqual([{ onset: 1, duration: null, texts: ['ok'] }]);
  });
});
