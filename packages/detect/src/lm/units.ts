import { MyoTraceError } from '@myotrace/errors';

const FACTORS: Record<string, number> = { nV: 1e-3, uV: 1, mV: 1e3, V: 1e6 };

/** Multiplier that turns samples in `unit` into microvolts; throws for non-voltage units. */
export function microvoltFactor(unit: string | null): number {
  const u = unit === null ? null : normaliseUnit(unit);
  if (u === null || !(u in FACTORS)) {
    throw new MyoTraceError(
      'DETECT_UNSUPPORTED_UNIT',
      `Leg EMG must be in a voltage unit (nV, uV, mV, V), got ${unit === null ? 'no unit' : `"${unit}"`}.`,
      {
        hint: 'Fix the physical dimension in the EDF header (for example with EDFbrowser), or convert the file.',
      },
    );
  }
  return FACTORS[u];
}

function normaliseUnit(unit: string): string | null {
  const t = unit.trim();
  if (t === 'µV' || t === 'μV' || t.toLowerCase() === 'uv' || t.toLowerCase() === 'microvolt') return 'uV';
  if (t === 'mV' || t.toLowerCase() === 'mv' || t.toLowerCase() === 'millivolt') return 'mV';
  if (t === 'nV' || t.toLowerCase() === 'nv') return 'nV';
  if (t === 'V' || t.toLowerCase() === 'volt' || t === 'v') return 'V';
  return null;
}

/**
 * Samples in microvolts. Returns the input itself for µV (no copy), otherwise a new array;
 * the input is never modified.
 */
export function toMicrovolts(samples: Float32Array, unit: string | null): Float32Array {
  const f = microvoltFactor(unit);
  if (f === 1) return samples;
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i] * f;
  return out;
}
