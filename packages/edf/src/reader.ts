import { type CodedWarning, MyoTraceError } from '@myotrace/errors';
import { recordChunks } from './chunks.js';
import { bdf24To32, bdf24To64, digital, edf16To32, edf16To64, edfBytesPhysical } from './decode.js';
import { detectFamily, type ParsedHeader, parseHeader, parseSignalCount } from './header.js';
import { Repairs } from './repairs.js';
import { formatStart } from './subfields.js';
import { parseTals } from './tal.js';
import type {
  ByteSource,
  EdfAnnotation,
  EdfGap,
  EdfHeader,
  EdfReader,
  EdfReadOptions,
  EdfRecordBlock,
  EdfRecordsOptions,
  EdfSegment,
  EdfSignalInfo,
} from './types.js';

/** Two record starts closer than this (seconds) are contiguous: well under EDF's 100 ns time resolution noise. */
const CONTIGUOUS_EPS = 1e-6;

/**
 * Opens an EDF, EDF+ (C/D) or BDF(+) file. Reads the header and, when there are annotation signals,
 * one pass over the records for the TALs (annotations and record start times). Signal data is read
 * on demand.
 */
export async function openEdf(source: ByteSource, opts: EdfReadOptions = {}): Promise<EdfReader> {
  if (source.size < 256) {
    throw new MyoTraceError('EDF_TOO_SHORT', `the file has ${source.size} bytes, fewer than the 256-byte EDF header`, {
      offset: 0,
      hint: 'This is not an EDF/BDF file, or it is empty.',
    });
  }
  const repairs = new Repairs(opts.strict === true);
  const fixed = await source.read(0, 256);
  detectFamily(fixed);
  const ns = parseSignalCount(fixed, source.size, repairs);
  const headerBytes = await source.read(0, 256 * (ns + 1));
  const ph = parseHeader(headerBytes, ns, source.size, repairs);
  const timing = await scanAnnotations(source, ph, repairs);
  return new Reader(source, ph, timing, repairs);
}

interface Timing {
  firstSampleOffsetSec: number;
  recordOnsetsSec: Float64Array;
  annotations: EdfAnnotation[];
  sorted: boolean;
}

async function scanAnnotations(source: ByteSource, ph: ParsedHeader, repairs: Repairs): Promise<Timing> {
  const n = ph.recordCount;
  const dur = ph.recordDurationSec;
  const keep = new Float64Array(n).fill(Number.NaN);
  const found: { onset: number; duration: number | null; text: string; order: number }[] = [];
  if (ph.annotationRaw.length > 0) {
    const ann = ph.annotationRaw.map((i) => ph.raw[i]);
    for await (const chunk of recordChunks(source, ph.headerBytes, ph.recordBytes, 0, n)) {
      for (let k = 0; k < chunk.recordCount; k++) {
        const r = chunk.firstRecord + k;
        const base = k * ph.recordBytes;
        for (let a = 0; a < ann.length; a++) {
          const start = base + ann[a].byteOffset;
          const end = start + ann[a].samplesPerRecord * ph.bytesPerSample;
          const { tals, errors } = parseTals(chunk.bytes, start, end);
          for (const e of errors) {
            repairs.add(
              'EDF_TAL_SYNTAX',
              'an annotation list (TAL) is malformed and was skipped or cut',
              ph.headerBytes + r * ph.recordBytes + (e - base),
            );
          }
          for (let t = 0; t < tals.length; t++) {
            const tal = tals[t];
            let texts = tal.texts;
            // the first TAL of the first annotation signal starts with an empty text: the record's start time
            if (a === 0 && t === 0 && texts.length > 0 && texts[0] === '') {
              keep[r] = tal.onset;
              texts = texts.slice(1);
            }
            for (const text of texts) {
              if (text !== '') found.push({ onset: tal.onset, duration: tal.duration, text, order: found.length });
            }
          }
        }
      }
    }
  }
  const firstSampleOffsetSec = n > 0 && Number.isFinite(keep[0]) ? keep[0] : 0;
  const onsets = new Float64Array(n);
  let sorted = true;
  let missing = -1;
  if (ph.continuous || ph.annotationRaw.length === 0) {
    let jump = -1;
    for (let r = 0; r < n; r++) {
      onsets[r] = r * dur;
      if (ph.annotationRaw.length > 0) {
        if (!Number.isFinite(keep[r])) {
          if (missing < 0) missing = r;
        } else if (jump < 0 && Math.abs(keep[r] - firstSampleOffsetSec - onsets[r]) > CONTIGUOUS_EPS + 1e-9 * onsets[r])
          jump = r;
      }
    }
    if (jump >= 0) {
      repairs.add(
        'EDF_TIMEKEEPING_JUMP',
        `the time-keeping annotation of record ${jump} does not follow the previous record in a continuous file; records are placed contiguously`,
        ph.headerBytes + jump * ph.recordBytes,
      );
    }
  } else {
    for (let r = 0; r < n; r++) {
      if (Number.isFinite(keep[r])) onsets[r] = keep[r] - firstSampleOffsetSec;
      else {
        if (missing < 0) missing = r;
        onsets[r] = r > 0 ? onsets[r - 1] + dur : 0;
      }
      if (r > 0 && onsets[r] < onsets[r - 1] + dur - CONTIGUOUS_EPS) sorted = false;
    }
    if (!sorted)
      repairs.add(
        'EDF_RECORDS_OUT_OF_ORDER',
        'EDF+D records overlap or are not in chronological order',
        ph.headerBytes,
      );
  }
  if (missing >= 0) {
    repairs.add(
      'EDF_TIMEKEEPING_MISSING',
      `record ${missing} has no time-keeping annotation; its start time is assumed`,
      ph.headerBytes + missing * ph.recordBytes,
    );
  }
  found.sort((x, y) => x.onset - y.onset || x.order - y.order);
  const annotations = found.map((f) => ({ onset: f.onset - firstSampleOffsetSec, duration: f.duration, text: f.text }));
  return { firstSampleOffsetSec, recordOnsetsSec: onsets, annotations, sorted };
}

function computeSegments(onsets: Float64Array, dur: number): EdfSegment[] {
  const segs: EdfSegment[] = [];
  for (let r = 0; r < onsets.length; r++) {
    const last = segs[segs.length - 1];
    if (last && Math.abs(onsets[r] - (last.startSec + last.durationSec)) <= CONTIGUOUS_EPS) {
      last.recordCount++;
      last.durationSec += dur;
    } else {
      segs.push({ startSec: onsets[r], durationSec: dur, firstRecord: r, recordCount: 1 });
    }
  }
  return segs;
}

class Reader implements EdfReader {
  readonly header: EdfHeader;
  readonly signals: EdfSignalInfo[];
  readonly annotations: EdfAnnotation[];
  readonly warnings: CodedWarning[];
  readonly recordOnsetsSec: Float64Array;
  readonly segments: EdfSegment[];
  readonly gaps: EdfGap[];
  private readonly clippedSignals = new Set<number>();
  private readonly axisCache = new Map<number, number>();
  /** True when samples sit on one regular grid (record r starts at sample r × spr). */
  private readonly regular: boolean;

  constructor(
    private readonly source: ByteSource,
    private readonly ph: ParsedHeader,
    private readonly timing: Timing,
    private readonly repairs: Repairs,
  ) {
    const dur = ph.recordDurationSec;
    this.recordOnsetsSec = timing.recordOnsetsSec;
    this.segments = dur > 0 ? computeSegments(timing.recordOnsetsSec, dur) : [];
    this.gaps = [];
    for (let i = 1; i < this.segments.length; i++) {
      const prev = this.segments[i - 1];
      const startSec = prev.startSec + prev.durationSec;
      const gap = this.segments[i].startSec - startSec;
      if (gap > 0) this.gaps.push({ startSec, durationSec: gap });
    }
    this.regular = dur === 0 || this.segments.length <= 1 || ph.continuous;
    let durationSec = ph.recordCount * dur;
    if (!this.regular && ph.recordCount > 0) {
      durationSec = 0;
      for (let r = 0; r < ph.recordCount; r++) durationSec = Math.max(durationSec, timing.recordOnsetsSec[r] + dur);
    }
    this.header = {
      format: ph.format,
      startTime: ph.start ? formatStart(ph.start, timing.firstSampleOffsetSec) : null,
      firstSampleOffsetSec: timing.firstSampleOffsetSec,
      recordCount: ph.recordCount,
      recordDurationSec: dur,
      durationSec,
      patient: ph.patient,
      recording: ph.recording,
      headerBytes: ph.headerBytes,
      recordBytes: ph.recordBytes,
      continuous: ph.continuous,
    };
    this.signals = ph.signals;
    this.annotations = timing.annotations;
    this.warnings = repairs.warnings;
  }

  /** First sample index (on the signal's time axis) of record r. */
  private recordStart(sig: EdfSignalInfo, r: number): number {
    if (this.regular) return r * sig.samplesPerRecord;
    return Math.round(this.recordOnsetsSec[r] * sig.sampleRate);
  }

  /** Samples on the signal's time axis (gaps included for EDF+D). */
  private axisLength(sig: EdfSignalInfo): number {
    if (this.regular) return sig.sampleCount;
    const cached = this.axisCache.get(sig.index);
    if (cached !== undefined) return cached;
    let end = 0;
    for (let r = 0; r < this.ph.recordCount; r++) end = Math.max(end, this.recordStart(sig, r) + sig.samplesPerRecord);
    this.axisCache.set(sig.index, end);
    return end;
  }

  windowLength(index: number, fromSec?: number, toSec?: number): number {
    const [i0, i1] = this.window(this.signal(index), fromSec, toSec);
    return i1 - i0;
  }

  sampleIndexAt(index: number, sec: number): number {
    const sig = this.signal(index);
    return Math.max(0, Math.ceil(sec * sig.sampleRate - 1e-9));
  }

  private signal(index: number): EdfSignalInfo {
    if (!Number.isInteger(index) || index < 0 || index >= this.signals.length) {
      throw new MyoTraceError(
        'EDF_BAD_SIGNAL_INDEX',
        `signal index ${index} is not between 0 and ${this.signals.length - 1}`,
        {
          hint: 'Use an index into reader.signals (ordinary signals only).',
        },
      );
    }
    return this.signals[index];
  }

  private window(sig: EdfSignalInfo, fromSec?: number, toSec?: number): [number, number] {
    const len = this.axisLength(sig);
    if (sig.sampleRate === 0) return [0, len];
    for (const v of [fromSec, toSec]) {
      if (v !== undefined && !Number.isFinite(v))
        throw new MyoTraceError('EDF_BAD_WINDOW', 'window bounds must be finite numbers of seconds');
    }
    const i0 = fromSec === undefined ? 0 : Math.min(len, this.sampleIndexAt(sig.index, fromSec));
    const i1 = toSec === undefined ? len : Math.min(len, this.sampleIndexAt(sig.index, toSec));
    return [i0, Math.max(i0, i1)];
  }

  /** Records [r0, r1) holding samples of [i0, i1) of the signal. */
  private recordRange(sig: EdfSignalInfo, i0: number, i1: number): [number, number] {
    const spr = sig.samplesPerRecord;
    const n = this.ph.recordCount;
    if (i1 <= i0 || spr === 0) return [0, 0];
    if (this.regular) return [Math.floor(i0 / spr), Math.min(n, Math.ceil(i1 / spr))];
    if (!this.timing.sorted) return [0, n];
    // binary search: first record ending after i0, first record starting at or after i1
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.recordStart(sig, mid) + spr <= i0) lo = mid + 1;
      else hi = mid;
    }
    const r0 = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.recordStart(sig, mid) < i1) lo = mid + 1;
      else hi = mid;
    }
    return [r0, lo];
  }

  async readSignal(index: number, fromSec?: number, toSec?: number): Promise<Float32Array> {
    return (await this.readSignals([index], fromSec, toSec))[0];
  }

  async readSignals(indices: number[], fromSec?: number, toSec?: number): Promise<Float32Array[]> {
    return this.readInto(indices, null, fromSec, toSec);
  }

  async readSignalsInto(
    indices: number[],
    into: Float32Array[],
    fromSec?: number,
    toSec?: number,
  ): Promise<Float32Array[]> {
    if (into.length !== indices.length)
      throw new MyoTraceError('EDF_BAD_OUTPUT', 'readSignalsInto needs one output array per signal index');
    return this.readInto(indices, into, fromSec, toSec);
  }

  private async readInto(
    indices: number[],
    into: Float32Array[] | null,
    fromSec?: number,
    toSec?: number,
  ): Promise<Float32Array[]> {
    const plan = this.plan(indices, fromSec, toSec);
    checkSize(plan);
    const outs = plan.map((p, k) => {
      const n = p.i1 - p.i0;
      let out: Float32Array;
      if (into) {
        if (into[k].length < n) {
          throw new MyoTraceError(
            'EDF_BAD_OUTPUT',
            `output array ${k} holds ${into[k].length} samples but the window has ${n}`,
          );
        }
        out = into[k].subarray(0, n);
      } else out = new Float32Array(n);
      if (!this.regular) out.fill(Number.NaN);
      return out;
    });
    const bad = new Float64Array(plan.length);
    await this.decode(plan, (p, k, bytes, int16, words, byteStart, n, outStart) => {
      const s = p.sig;
      const out = outs[k];
      if (this.ph.bdf)
        bad[k] += bdf24To32(bytes, words, byteStart, n, out, outStart, s.gain, s.offset, s.digitalMin, s.digitalMax);
      else if (int16)
        bad[k] += edf16To32(int16, byteStart >> 1, n, out, outStart, s.gain, s.offset, s.digitalMin, s.digitalMax);
      else bad[k] += edfBytesPhysical(bytes, byteStart, n, out, outStart, s.gain, s.offset, s.digitalMin, s.digitalMax);
    });
    this.noteClipped(
      plan.map((p) => p.sig),
      bad,
    );
    return outs;
  }

  async readDigital(index: number, fromSec?: number, toSec?: number): Promise<Int32Array> {
    const plan = this.plan([index], fromSec, toSec);
    checkSize(plan);
    const out = new Int32Array(plan[0].i1 - plan[0].i0);
    await this.decode(plan, (_p, _k, bytes, _int16, _words, byteStart, n, outStart) => {
      digital(bytes, byteStart, n, this.ph.bytesPerSample, out, outStart);
    });
    return out;
  }

  async *records(opts: EdfRecordsOptions = {}): AsyncIterableIterator<EdfRecordBlock> {
    const sigs = (opts.signals ?? this.signals.map((s) => s.index)).map((i) => this.signal(i));
    const from = Math.max(0, Math.min(this.ph.recordCount, opts.fromRecord ?? 0));
    const to = Math.max(from, Math.min(this.ph.recordCount, opts.toRecord ?? this.ph.recordCount));
    const blockRecords = opts.blockRecords !== undefined ? Math.max(1, Math.floor(opts.blockRecords)) : undefined;
    for await (const chunk of recordChunks(
      this.source,
      this.ph.headerBytes,
      this.ph.recordBytes,
      from,
      to,
      blockRecords,
    )) {
      const bad = new Float64Array(sigs.length);
      const data = sigs.map((s, k) => {
        const spr = s.samplesPerRecord;
        const out = new Float64Array(chunk.recordCount * spr);
        const raw = this.ph.raw[this.ph.signalRaw[s.index]];
        for (let r = 0; r < chunk.recordCount; r++) {
          const byteStart = r * this.ph.recordBytes + raw.byteOffset;
          if (this.ph.bdf)
            bad[k] += bdf24To64(
              chunk.bytes,
              byteStart,
              spr,
              out,
              r * spr,
              s.gain,
              s.offset,
              s.digitalMin,
              s.digitalMax,
            );
          else if (chunk.int16)
            bad[k] += edf16To64(
              chunk.int16,
              byteStart >> 1,
              spr,
              out,
              r * spr,
              s.gain,
              s.offset,
              s.digitalMin,
              s.digitalMax,
            );
          else
            bad[k] += edfBytesPhysical(
              chunk.bytes,
              byteStart,
              spr,
              out,
              r * spr,
              s.gain,
              s.offset,
              s.digitalMin,
              s.digitalMax,
            );
        }
        return out;
      });
      this.noteClipped(sigs, bad);
      yield {
        firstRecord: chunk.firstRecord,
        recordCount: chunk.recordCount,
        recordOnsetsSec: this.recordOnsetsSec.slice(chunk.firstRecord, chunk.firstRecord + chunk.recordCount),
        data,
      };
    }
  }

  private plan(indices: number[], fromSec?: number, toSec?: number): Plan[] {
    return indices.map((index) => {
      const sig = this.signal(index);
      const [i0, i1] = this.window(sig, fromSec, toSec);
      const [r0, r1] = this.recordRange(sig, i0, i1);
      return { sig, i0, i1, r0, r1, byteOffset: this.ph.raw[this.ph.signalRaw[index]].byteOffset };
    });
  }

  /** Reads the union of the plans' record ranges in chunks and hands each overlapping sample run to `sink`. */
  private async decode(plan: Plan[], sink: Sink): Promise<void> {
    let r0 = Number.POSITIVE_INFINITY;
    let r1 = 0;
    for (const p of plan) {
      if (p.r1 > p.r0) {
        r0 = Math.min(r0, p.r0);
        r1 = Math.max(r1, p.r1);
      }
    }
    if (r1 <= r0) return;
    const rb = this.ph.recordBytes;
    const bps = this.ph.bytesPerSample;
    for await (const chunk of recordChunks(this.source, this.ph.headerBytes, rb, r0, r1)) {
      for (let k = 0; k < plan.length; k++) {
        const p = plan[k];
        const spr = p.sig.samplesPerRecord;
        const a = Math.max(p.r0, chunk.firstRecord);
        const b = Math.min(p.r1, chunk.firstRecord + chunk.recordCount);
        for (let r = a; r < b; r++) {
          const g = this.recordStart(p.sig, r);
          const lo = Math.max(p.i0, g);
          const hi = Math.min(p.i1, g + spr);
          if (hi <= lo) continue;
          const byteStart = (r - chunk.firstRecord) * rb + p.byteOffset + (lo - g) * bps;
          sink(p, k, chunk.bytes, chunk.int16, chunk.uint32, byteStart, hi - lo, lo - p.i0);
        }
      }
    }
  }

  private noteClipped(sigs: EdfSignalInfo[], bad: Float64Array): void {
    for (let k = 0; k < sigs.length; k++) {
      if (bad[k] > 0 && !this.clippedSignals.has(sigs[k].index)) {
        this.clippedSignals.add(sigs[k].index);
        this.repairs.add(
          'EDF_SAMPLE_OUT_OF_RANGE',
          `${bad[k]} sample(s) of signal ${sigs[k].index} lie outside its digital range and were clipped`,
        );
      }
    }
  }
}

/** Largest array a window read returns (2^28 samples = 1 GiB of Float32); EDF+D gaps can make windows huge. */
const MAX_WINDOW_SAMPLES = 2 ** 28;

function checkSize(plan: Plan[]): void {
  for (const p of plan) {
    if (p.i1 - p.i0 > MAX_WINDOW_SAMPLES) {
      throw new MyoTraceError(
        'EDF_WINDOW_TOO_LARGE',
        `the requested window holds ${p.i1 - p.i0} samples of signal ${p.sig.index}, more than ${MAX_WINDOW_SAMPLES}`,
        {
          hint: 'Read a shorter window, or stream the records with reader.records().',
        },
      );
    }
  }
}

interface Plan {
  sig: EdfSignalInfo;
  i0: number;
  i1: number;
  r0: number;
  r1: number;
  byteOffset: number;
}

type Sink = (
  p: Plan,
  k: number,
  bytes: Uint8Array,
  int16: Int16Array | null,
  words: Uint32Array | null,
  byteStart: number,
  n: number,
  outStart: number,
) => void;
