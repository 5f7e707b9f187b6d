import { MyoTraceError } from '@myotrace/errors';
import { packSos } from '../filter/validate.js';
import type { FilterType, SosFilterDesign } from '../types.js';

const TYPE_WORDS: Record<FilterType, string> = {
  lowpass: 'low-pass',
  highpass: 'high-pass',
  bandpass: 'band-pass',
  bandstop: 'band-stop',
};

const hz = (v: number): string => `${Number(v.toPrecision(6))}`;

/**
 * One-line description of a design for reports and logs, e.g.
 * "Butterworth band-pass 10–100 Hz, order 4, zero-phase (fs 500 Hz)".
 */
export function describeFilter(design: SosFilterDesign, opts: { zeroPhase?: boolean } = {}): string {
  const d = assertSosFilterDesign(design);
  const edges = Array.isArray(d.cutoffHz) ? `${hz(d.cutoffHz[0])}–${hz(d.cutoffHz[1])} Hz` : `${hz(d.cutoffHz)} Hz`;
  const phase = opts.zeroPhase ? ', zero-phase' : '';
  if (d.kind === 'notch') return `notch ${edges}, Q ${hz(d.q ?? Number.NaN)}${phase} (fs ${hz(d.sampleRateHz)} Hz)`;
  return `Butterworth ${TYPE_WORDS[d.type]} ${edges}, order ${d.order}${phase} (fs ${hz(d.sampleRateHz)} Hz)`;
}

/**
 * Check that a value (e.g. parsed from JSON settings) is a usable SosFilterDesign and return it
 * typed. Throws DSP_INVALID_DESIGN naming the first problem.
 */
export function assertSosFilterDesign(value: unknown): SosFilterDesign {
  const fail = (what: string, field: string): never => {
    throw new MyoTraceError('DSP_INVALID_DESIGN', `Filter design ${what}.`, {
      field,
      hint: 'Create designs with butter() or notch() and store them unchanged.',
    });
  };
  if (typeof value !== 'object' || value === null) return fail('must be an object', 'design');
  const d = value as Record<string, unknown>;
  if (d.kind !== 'butterworth' && d.kind !== 'notch') fail("kind must be 'butterworth' or 'notch'", 'kind');
  if (!(typeof d.type === 'string' && d.type in TYPE_WORDS))
    fail('type must be lowpass, highpass, bandpass or bandstop', 'type');
  if (!(typeof d.order === 'number' && Number.isInteger(d.order) && d.order >= 1))
    fail('order must be a positive integer', 'order');
  if (!(typeof d.sampleRateHz === 'number' && Number.isFinite(d.sampleRateHz) && d.sampleRateHz > 0)) {
    fail('sampleRateHz must be a positive number', 'sampleRateHz');
  }
  const c = d.cutoffHz;
  const okEdge = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;
  if (!(okEdge(c) || (Array.isArray(c) && c.length === 2 && okEdge(c[0]) && okEdge(c[1])))) {
    fail('cutoffHz must be a positive number or a pair of them', 'cutoffHz');
  }
  if (d.kind === 'notch' && !(typeof d.q === 'number' && d.q > 0)) fail('of kind notch needs a positive q', 'q');
  packSos(d as unknown as SosFilterDesign); // validates the sections themselves
  return d as unknown as SosFilterDesign;
}
