import { MyoTraceError } from '@myotrace/errors';
import { formatEdfPlusDate } from './subfields.js';

export type EdfWriteFormat = 'EDF+C' | 'EDF+D' | 'BDF+C' | 'BDF+D';

export interface EdfWritePatient {
  code?: string;
  sex?: 'M' | 'F';
  /** ISO date `YYYY-MM-DD`. */
  birthdate?: string;
  name?: string;
  additional?: string;
}

export interface EdfWriteRecording {
  admincode?: string;
  technician?: string;
  equipment?: string;
  additional?: string;
}

export interface EdfWriteSignal {
  label: string;
  transducer?: string;
  physicalDimension: string;
  physicalMin: number;
  physicalMax: number;
  /** Defaults: −32768/32767 (EDF), −8388608/8388607 (BDF). */
  digitalMin?: number;
  digitalMax?: number;
  prefilter?: string;
  /** Hz; sampleRate × recordDurationSec must be a whole number of samples per record. */
  sampleRate: number;
  /** Physical values; clipped to [physicalMin, physicalMax]; the last record is padded with the value nearest 0. */
  samples: Float32Array | Float64Array;
}

export interface EdfWriteAnnotation {
  /** Seconds from the first sample (may be negative or beyond the data). */
  onset: number;
  duration: number | null;
  text: string;
}

export interface EdfWriteSpec {
  format: EdfWriteFormat;
  /** Local time of the first sample, `YYYY-MM-DDTHH:MM:SS[.fff]`; the fraction goes into the first time-keeping TAL. */
  startTime: string;
  patient?: EdfWritePatient;
  recording?: EdfWriteRecording;
  recordDurationSec: number;
  signals: EdfWriteSignal[];
  annotations?: EdfWriteAnnotation[];
  /** EDF+D: start of each record in seconds from the first sample (ascending, not overlapping; the first is 0). */
  recordOnsetsSec?: number[];
}

export interface EdfAnnotationWriteSpec {
  format?: 'EDF+C' | 'BDF+C';
  startTime: string;
  patient?: EdfWritePatient;
  recording?: EdfWriteRecording;
  annotations: EdfWriteAnnotation[];
}

const enc = new TextEncoder();

function fail(code: string, message: string, field?: string): never {
  throw new MyoTraceError(code, message, { field, hint: 'Fix the write specification.' });
}

/** Shortest decimal without exponent that reads back as the same double (bounded to 1e-12 s). */
export function decimal(x: number): string {
  let s = String(x);
  if (/e/i.test(s)) s = x.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** Formats a number into at most `width` characters, as exactly as the width allows. */
function fitNumber(x: number, width: number, field: string): string {
  let s = decimal(x);
  if (s.length <= width) return s;
  const intLen = String(Math.trunc(Math.abs(x))).length + (x < 0 ? 1 : 0);
  if (intLen > width) fail('EDF_WRITE_FIELD_TOO_LONG', `${field} (${x}) does not fit in ${width} characters`, field);
  const decimals = Math.max(0, width - intLen - 1);
  s = x.toFixed(decimals);
  if (s.length > width) s = x.toFixed(Math.max(0, decimals - 1));
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s.slice(0, width);
}

function ascii(s: string, field: string): string {
  // EDFlib transliterates accents; do the same and refuse what remains non-printable
  const t = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (!/^[\x20-\x7e]*$/.test(t))
    fail('EDF_WRITE_NOT_ASCII', `${field} must be printable ASCII (EDF headers cannot hold other characters)`, field);
  return t;
}

function put(h: Uint8Array, offset: number, width: number, value: string, field: string): void {
  const s = ascii(value, field);
  if (s.length > width) fail('EDF_WRITE_FIELD_TOO_LONG', `${field} is longer than ${width} characters`, field);
  for (let i = 0; i < width; i++) h[offset + i] = i < s.length ? s.charCodeAt(i) : 0x20;
}

function subfield(v: string | undefined): string {
  if (v === undefined || v.trim() === '') return 'X';
  return v.trim().replace(/ /g, '_');
}

interface Start {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  frac: number;
}

function parseStartTime(t: string): Start {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(t);
  if (!m) fail('EDF_WRITE_BAD_START', 'startTime must be a local ISO time YYYY-MM-DDTHH:MM:SS[.fff]', 'startTime');
  const st = { y: +m[1], mo: +m[2], d: +m[3], h: +m[4], mi: +m[5], s: +m[6], frac: m[7] ? Number(`0${m[7]}`) : 0 };
  const check = new Date(Date.UTC(st.y, st.mo - 1, st.d, st.h, st.mi, st.s));
  if (check.getUTCMonth() !== st.mo - 1 || check.getUTCDate() !== st.d || st.h > 23 || st.mi > 59 || st.s > 59) {
    fail('EDF_WRITE_BAD_START', 'startTime is not a valid date and time', 'startTime');
  }
  return st;
}

const p2 = (n: number) => String(n).padStart(2, '0');

function patientField(p: EdfWritePatient | undefined): string {
  const bd = p?.birthdate ? formatEdfPlusDate(p.birthdate) : 'X';
  return [subfield(p?.code), p?.sex ?? 'X', bd, subfield(p?.name), ...(p?.additional ? [p.additional] : [])].join(' ');
}

function recordingField(st: Start, r: EdfWriteRecording | undefined): string {
  const date = formatEdfPlusDate(`${st.y}-${p2(st.mo)}-${p2(st.d)}`);
  return [
    'Startdate',
    date,
    subfield(r?.admincode),
    subfield(r?.technician),
    subfield(r?.equipment),
    ...(r?.additional ? [r.additional] : []),
  ].join(' ');
}

/** Builds one TAL: `+onset[\x15duration]\x14text\x14\x00` (text omitted for a time-keeping TAL). */
function tal(onsetSec: number, duration: number | null, text: string | null): Uint8Array {
  const o = onsetSec < 0 ? `-${decimal(-onsetSec)}` : `+${decimal(onsetSec)}`;
  const d = duration === null ? '' : `\x15${decimal(duration)}`;
  return enc.encode(text === null ? `${o}\x14\x14\x00` : `${o}${d}\x14${text}\x14\x00`);
}

/** Onset relative to the header's whole-second start, rounded to 1 ns to avoid 0.1 + 0.2 noise. */
function headerRelative(sec: number, frac: number): number {
  return frac === 0 ? sec : Math.round((sec + frac) * 1e9) / 1e9;
}

function checkText(text: string, i: number): void {
  // bytes 0–31 are forbidden in TAL text except TAB, LF and CR (EDF+ §2.2.2)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control bytes is the point
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text)) {
    fail(
      'EDF_WRITE_BAD_TEXT',
      `annotation ${i} contains a control character that EDF+ forbids`,
      `annotations[${i}].text`,
    );
  }
}

/**
 * Distributes annotation TALs over records: each TAL goes into the record that covers its onset unless
 * that would make records far larger than the average, in which case it spills into the following
 * records. Capacity grows until everything fits, so no annotation is ever dropped.
 */
function placeAnnotations(
  annotations: EdfWriteAnnotation[],
  onsets: number[],
  dur: number,
  frac: number,
): { perRecord: Uint8Array[][]; keeping: Uint8Array[]; capacity: number } {
  const n = onsets.length;
  const keeping = onsets.map((o) => tal(headerRelative(o, frac), null, null));
  const order = annotations.map((a, i) => ({ a, i })).sort((x, y) => x.a.onset - y.a.onset || x.i - y.i);
  const tals = order.map(({ a, i }) => {
    if (!Number.isFinite(a.onset))
      fail('EDF_WRITE_BAD_ANNOTATION', `annotation ${i} has no finite onset`, `annotations[${i}].onset`);
    if (a.duration !== null && !(Number.isFinite(a.duration) && a.duration >= 0)) {
      fail(
        'EDF_WRITE_BAD_ANNOTATION',
        `annotation ${i} has a negative or non-finite duration`,
        `annotations[${i}].duration`,
      );
    }
    checkText(a.text, i);
    return tal(headerRelative(a.onset, frac), a.duration, a.text);
  });
  const target = order.map(({ a }) => {
    // last record starting at or before the onset (records are ascending)
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (onsets[mid] <= a.onset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  });
  void dur;
  const maxKeep = Math.max(...keeping.map((k) => k.length));
  const desired = new Float64Array(n);
  let total = 0;
  let maxSingle = 0;
  tals.forEach((t, j) => {
    desired[target[j]] += t.length;
    total += t.length;
    maxSingle = Math.max(maxSingle, t.length);
  });
  let maxDesired = 0;
  for (let k = 0; k < n; k++) maxDesired = Math.max(maxDesired, desired[k]);
  let capacity = maxKeep + Math.max(maxSingle, Math.min(maxDesired, 2 * Math.ceil(total / n) + maxSingle));
  for (;;) {
    const perRecord: Uint8Array[][] = Array.from({ length: n }, () => []);
    const used = keeping.map((k) => k.length);
    let ptr = 0;
    let ok = true;
    for (let j = 0; j < tals.length; j++) {
      ptr = Math.max(ptr, target[j]);
      while (ptr < n && used[ptr] + tals[j].length > capacity) ptr++;
      if (ptr >= n) {
        ok = false;
        break;
      }
      perRecord[ptr].push(tals[j]);
      used[ptr] += tals[j].length;
    }
    if (ok) return { perRecord, keeping, capacity };
    capacity *= 2;
  }
}

/**
 * Writes an EDF+C, EDF+D, BDF+C or BDF+D file. Physical samples are quantised with the header's
 * scaling; annotations are written as TALs in one `EDF Annotations` signal sized to hold them all.
 */
export function writeEdf(spec: EdfWriteSpec): Uint8Array {
  const chunks = [...encodeEdf(spec)];
  let size = 0;
  for (const c of chunks) size += c.byteLength;
  const out = new Uint8Array(size);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.byteLength;
  }
  return out;
}

interface SignalPlan {
  spr: number;
  dmin: number;
  dmax: number;
  /** digital = round(phys × scale + shift), then clipped. */
  scale: number;
  shift: number;
  pad: number;
  samples: Float32Array | Float64Array;
}

/**
 * The writer as a generator of byte chunks (header, then blocks of records), so large files can be
 * streamed to disk without one contiguous buffer for the whole file.
 */
export function* encodeEdf(spec: EdfWriteSpec): Generator<Uint8Array> {
  const formats: EdfWriteFormat[] = ['EDF+C', 'EDF+D', 'BDF+C', 'BDF+D'];
  if (!formats.includes(spec.format))
    fail('EDF_WRITE_BAD_FORMAT', `format must be one of ${formats.join(', ')}`, 'format');
  const bdf = spec.format.startsWith('BDF');
  const bps = bdf ? 3 : 2;
  const limit = bdf ? 8388607 : 32767;
  const st = parseStartTime(spec.startTime);
  const dur = spec.recordDurationSec;
  const durText = fitNumber(dur, 8, 'recordDurationSec');
  if (!(Number.isFinite(dur) && dur > 0) || Number(durText) !== dur) {
    fail(
      'EDF_WRITE_BAD_DURATION',
      'recordDurationSec must be a positive number written exactly in 8 characters',
      'recordDurationSec',
    );
  }

  const plans: SignalPlan[] = spec.signals.map((s, i) => {
    const f = `signals[${i}]`;
    const sprExact = s.sampleRate * dur;
    const spr = Math.round(sprExact);
    if (!(spr >= 1) || Math.abs(spr - sprExact) > 1e-6 * Math.max(1, sprExact)) {
      fail(
        'EDF_WRITE_BAD_RATE',
        `${f}: sampleRate ${s.sampleRate} Hz × record duration ${dur} s is not a whole number of samples`,
        `${f}.sampleRate`,
      );
    }
    const dmin = s.digitalMin ?? -limit - 1;
    const dmax = s.digitalMax ?? limit;
    if (!Number.isInteger(dmin) || !Number.isInteger(dmax) || dmin < -limit - 1 || dmax > limit || dmax <= dmin) {
      fail(
        'EDF_WRITE_BAD_SCALING',
        `${f}: digital range must be integers within the ${bdf ? 24 : 16}-bit range with max > min`,
        `${f}.digitalMin`,
      );
    }
    // scale with the numbers as they will read back from the 8-character fields
    const pmin = Number(fitNumber(s.physicalMin, 8, `${f}.physicalMin`));
    const pmax = Number(fitNumber(s.physicalMax, 8, `${f}.physicalMax`));
    if (!(Number.isFinite(pmin) && Number.isFinite(pmax)) || pmin === pmax) {
      fail('EDF_WRITE_BAD_SCALING', `${f}: physicalMin and physicalMax must be finite and differ`, `${f}.physicalMin`);
    }
    const scale = (dmax - dmin) / (pmax - pmin);
    const shift = dmin - pmin * scale;
    const zero = Math.min(dmax, Math.max(dmin, Math.round(shift)));
    return { spr, dmin, dmax, scale, shift, pad: zero, samples: s.samples };
  });

  let onsets: number[];
  if (spec.recordOnsetsSec) {
    if (!spec.format.endsWith('D'))
      fail('EDF_WRITE_BAD_RECORDS', 'recordOnsetsSec is only for EDF+D/BDF+D', 'recordOnsetsSec');
    onsets = spec.recordOnsetsSec;
    if (onsets.length === 0) fail('EDF_WRITE_BAD_RECORDS', 'recordOnsetsSec is empty', 'recordOnsetsSec');
    onsets.forEach((o, k) => {
      if (!Number.isFinite(o) || (k === 0 && o !== 0) || (k > 0 && o < onsets[k - 1] + dur - 1e-9)) {
        fail(
          'EDF_WRITE_BAD_RECORDS',
          `recordOnsetsSec[${k}] must be finite, ascending, not overlapping the previous record, and the first must be 0`,
          'recordOnsetsSec',
        );
      }
    });
  } else {
    let n = 1;
    for (const p of plans) n = Math.max(n, Math.ceil(p.samples.length / p.spr));
    onsets = Array.from({ length: n }, (_, k) => k * dur);
  }
  const nrec = onsets.length;
  plans.forEach((p, i) => {
    if (p.samples.length > nrec * p.spr)
      fail(
        'EDF_WRITE_BAD_RECORDS',
        `signals[${i}] has more samples than ${nrec} records hold`,
        `signals[${i}].samples`,
      );
  });

  const { perRecord, keeping, capacity } = placeAnnotations(spec.annotations ?? [], onsets, dur, st.frac);
  const annSpr = Math.ceil(capacity / bps);
  const ns = plans.length + 1;
  const header = buildHeader(spec.format, st, spec.patient, spec.recording, nrec, durText, ns);
  const at = (rel: number, i: number, w: number) => 256 + ns * rel + i * w;
  spec.signals.forEach((s, i) => {
    const p = plans[i];
    const f = `signals[${i}]`;
    put(header, at(0, i, 16), 16, s.label, `${f}.label`);
    put(header, at(16, i, 80), 80, s.transducer ?? '', `${f}.transducer`);
    put(header, at(96, i, 8), 8, s.physicalDimension, `${f}.physicalDimension`);
    put(header, at(104, i, 8), 8, fitNumber(s.physicalMin, 8, `${f}.physicalMin`), `${f}.physicalMin`);
    put(header, at(112, i, 8), 8, fitNumber(s.physicalMax, 8, `${f}.physicalMax`), `${f}.physicalMax`);
    put(header, at(120, i, 8), 8, String(p.dmin), `${f}.digitalMin`);
    put(header, at(128, i, 8), 8, String(p.dmax), `${f}.digitalMax`);
    put(header, at(136, i, 80), 80, s.prefilter ?? '', `${f}.prefilter`);
    put(header, at(216, i, 8), 8, String(p.spr), `${f}.samplesPerRecord`);
    put(header, at(224, i, 32), 32, '', `${f}.reserved`);
  });
  const a = plans.length;
  put(header, at(0, a, 16), 16, bdf ? 'BDF Annotations' : 'EDF Annotations', 'annotation label');
  put(header, at(16, a, 80), 80, '', 'annotation transducer');
  put(header, at(96, a, 8), 8, '', 'annotation dimension');
  put(header, at(104, a, 8), 8, '-1', 'annotation pmin');
  put(header, at(112, a, 8), 8, '1', 'annotation pmax');
  put(header, at(120, a, 8), 8, String(-limit - 1), 'annotation dmin');
  put(header, at(128, a, 8), 8, String(limit), 'annotation dmax');
  put(header, at(136, a, 80), 80, '', 'annotation prefilter');
  put(header, at(216, a, 8), 8, String(annSpr), 'annotation samples per record');
  put(header, at(224, a, 32), 32, '', 'annotation reserved');
  yield header;

  let recordBytes = annSpr * bps;
  for (const p of plans) recordBytes += p.spr * bps;
  const perBlock = Math.max(1, Math.floor((4 * 1024 * 1024) / recordBytes));
  for (let r0 = 0; r0 < nrec; r0 += perBlock) {
    const count = Math.min(perBlock, nrec - r0);
    const block = new Uint8Array(count * recordBytes);
    for (let k = 0; k < count; k++) {
      const r = r0 + k;
      let pos = k * recordBytes;
      for (const p of plans) {
        encodeSamples(p, r * p.spr, block, pos, bps);
        pos += p.spr * bps;
      }
      block.set(keeping[r], pos);
      let q = pos + keeping[r].length;
      for (const t of perRecord[r]) {
        block.set(t, q);
        q += t.length;
      }
      // rest of the annotation bytes stay 0x00 (unused)
    }
    yield block;
  }
}

function encodeSamples(p: SignalPlan, from: number, out: Uint8Array, pos: number, bps: number): void {
  const { samples, scale, shift, dmin, dmax, pad, spr } = p;
  const n = samples.length;
  for (let j = 0; j < spr; j++, pos += bps) {
    const i = from + j;
    let d: number;
    if (i < n) {
      const v = samples[i];
      d = Number.isNaN(v) ? pad : Math.round(v * scale + shift);
      if (d < dmin) d = dmin;
      else if (d > dmax) d = dmax;
    } else d = pad;
    out[pos] = d & 0xff;
    out[pos + 1] = (d >> 8) & 0xff;
    if (bps === 3) out[pos + 2] = (d >> 16) & 0xff;
  }
}

function buildHeader(
  format: EdfWriteFormat,
  st: Start,
  patient: EdfWritePatient | undefined,
  recording: EdfWriteRecording | undefined,
  nrec: number,
  durText: string,
  ns: number,
): Uint8Array {
  const h = new Uint8Array(256 * (ns + 1));
  const bdf = format.startsWith('BDF');
  if (bdf) {
    h[0] = 0xff;
    put(h, 1, 7, 'BIOSEMI', 'version');
  } else put(h, 0, 8, '0', 'version');
  put(h, 8, 80, patientField(patient), 'patient');
  put(h, 88, 80, recordingField(st, recording), 'recording');
  put(h, 168, 8, `${p2(st.d)}.${p2(st.mo)}.${p2(st.y % 100)}`, 'start date');
  put(h, 176, 8, `${p2(st.h)}.${p2(st.mi)}.${p2(st.s)}`, 'start time');
  put(h, 184, 8, String(256 * (ns + 1)), 'header bytes');
  put(h, 192, 44, format, 'reserved');
  put(h, 236, 8, String(nrec), 'number of records');
  put(h, 244, 8, durText, 'record duration');
  put(h, 252, 4, String(ns), 'number of signals');
  return h;
}

/**
 * Writes an annotation-only EDF+ (or BDF+) file, as Sleep-EDF hypnograms are: one annotation signal,
 * record duration 0, every annotation in one record (split over more records only beyond 8 MB).
 */
export function writeAnnotationEdf(spec: EdfAnnotationWriteSpec): Uint8Array {
  const format = spec.format ?? 'EDF+C';
  if (format !== 'EDF+C' && format !== 'BDF+C') fail('EDF_WRITE_BAD_FORMAT', 'format must be EDF+C or BDF+C', 'format');
  const bdf = format === 'BDF+C';
  const bps = bdf ? 3 : 2;
  const st = parseStartTime(spec.startTime);
  const tals = spec.annotations
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.onset - y.a.onset || x.i - y.i)
    .map(({ a, i }) => {
      if (!Number.isFinite(a.onset))
        fail('EDF_WRITE_BAD_ANNOTATION', `annotation ${i} has no finite onset`, `annotations[${i}].onset`);
      if (a.duration !== null && !(Number.isFinite(a.duration) && a.duration >= 0)) {
        fail(
          'EDF_WRITE_BAD_ANNOTATION',
          `annotation ${i} has a negative or non-finite duration`,
          `annotations[${i}].duration`,
        );
      }
      checkText(a.text, i);
      return tal(headerRelative(a.onset, st.frac), a.duration, a.text);
    });
  const keep = tal(headerRelative(0, st.frac), null, null);
  const maxRecord = 8 * 1024 * 1024;
  const records: Uint8Array[][] = [[]];
  let used = keep.length;
  for (const t of tals) {
    if (used + t.length > maxRecord && records[records.length - 1].length > 0) {
      records.push([]);
      used = keep.length;
    }
    records[records.length - 1].push(t);
    used += t.length;
  }
  let capacity = 0;
  for (const r of records)
    capacity = Math.max(
      capacity,
      r.reduce((s, t) => s + t.length, keep.length),
    );
  const spr = Math.max(1, Math.ceil(capacity / bps));
  const h = buildHeader(format, st, spec.patient, spec.recording, records.length, '0', 1);
  put(h, 256, 16, bdf ? 'BDF Annotations' : 'EDF Annotations', 'annotation label');
  put(h, 256 + 16, 80, '', 'annotation transducer');
  put(h, 256 + 96, 8, '', 'annotation dimension');
  put(h, 256 + 104, 8, '-1', 'annotation pmin');
  put(h, 256 + 112, 8, '1', 'annotation pmax');
  put(h, 256 + 120, 8, String(bdf ? -8388608 : -32768), 'annotation dmin');
  put(h, 256 + 128, 8, String(bdf ? 8388607 : 32767), 'annotation dmax');
  put(h, 256 + 136, 80, '', 'annotation prefilter');
  put(h, 256 + 216, 8, String(spr), 'annotation samples per record');
  put(h, 256 + 224, 32, '', 'annotation reserved');
  const recordBytes = spr * bps;
  const out = new Uint8Array(h.length + records.length * recordBytes);
  out.set(h, 0);
  records.forEach((r, k) => {
    let q = h.length + k * recordBytes;
    out.set(keep, q);
    q += keep.length;
    for (const t of r) {
      out.set(t, q);
      q += t.length;
    }
  });
  return out;
}
