import type { EdfUnit } from './types.js';

const table: Record<string, EdfUnit> = {
  nv: 'nV',
  uv: 'uV',
  mv: 'mV',
  v: 'V',
  kv: 'kV',
  degc: 'degC',
  'deg c': 'degC',
  c: 'degC',
  celsius: 'degC',
  degf: 'degF',
  f: 'degF',
  '%': '%',
  percent: '%',
  bpm: 'bpm',
  '1/min': 'bpm',
  'beats/min': 'bpm',
  hz: 'Hz',
  mmhg: 'mmHg',
  cmh2o: 'cmH2O',
  mbar: 'mbar',
  pa: 'Pa',
  g: 'g',
  'm/s^2': 'm/s^2',
  'm/s2': 'm/s^2',
  'm/s²': 'm/s^2',
  ohm: 'ohm',
  ohms: 'ohm',
  kohm: 'kohm',
  'l/min': 'L/min',
  lpm: 'L/min',
  ml: 'mL',
  s: 's',
  sec: 's',
  ms: 'ms',
  db: 'dB',
  lux: 'lux',
  lx: 'lux',
};

/**
 * Normalises a physical dimension: `uV`, `µV` (micro sign or Greek mu, whether the header was
 * Latin-1 or UTF-8), `mV`, `V`, degrees, ... Returns the trimmed original when not recognised,
 * and null for a blank field.
 */
export function normaliseUnit(dim: string): EdfUnit | string | null {
  const s = dim.trim();
  if (s === '') return null;
  const key = s
    // UTF-8 bytes of µ/μ decoded as Latin-1
    .replace(/\u00c2\u00b5|\u00ce\u00bc/g, 'u')
    .replace(/[\u00b5\u03bc]/g, 'u')
    .replace(/\u00b0|\u00c2\u00b0/g, 'deg')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (key === 'deg') return 'degC';
  return table[key] ?? table[key.replace(/ /g, '')] ?? s;
}
