import { MyoTraceError } from '@myotrace/errors';
import { numberField, textField, tryNumberField } from './fields.js';
import type { Repairs } from './repairs.js';
import { parsePatient, parseRecording, parseStart, type StartDateTime } from './subfields.js';
import type { EdfFormat, EdfPatient, EdfRecording, EdfSignalInfo } from './types.js';
import { normaliseUnit } from './units.js';

/** One header signal entry, annotation signals included, with its place in a data record. */
export interface RawSignal {
  label: string;
  isAnnotation: boolean;
  samplesPerRecord: number;
  /** Byte offset of this signal inside a data record. */
  byteOffset: number;
}

export interface ParsedHeader {
  format: EdfFormat;
  bdf: boolean;
  /** EDF+/BDF+ (reserved field says so). */
  plus: boolean;
  continuous: boolean;
  bytesPerSample: 2 | 3;
  ns: number;
  headerBytes: number;
  recordBytes: number;
  recordCount: number;
  recordDurationSec: number;
  start: StartDateTime | null;
  patient: EdfPatient;
  recording: EdfRecording;
  raw: RawSignal[];
  /** Ordinary signals (sampleRate, sampleCount filled). */
  signals: EdfSignalInfo[];
  /** Positions in `raw` of the ordinary signals, parallel to `signals`. */
  signalRaw: number[];
  /** Positions in `raw` of the annotation signals. */
  annotationRaw: number[];
}

const FIXED = 256;
// relative offsets (per ns) and widths of the per-signal fields
const F = {
  label: [0, 16],
  transducer: [16, 80],
  dimension: [96, 8],
  pmin: [104, 8],
  pmax: [112, 8],
  dmin: [120, 8],
  dmax: [128, 8],
  prefilter: [136, 80],
  spr: [216, 8],
} as const;

/** Reads the fixed 256-byte part: everything needed to know how many header bytes to read. */
export function parseSignalCount(fixed: Uint8Array, fileSize: number, repairs: Repairs): number {
  const ns = tryNumberField(fixed, 252, 4, repairs, 'number of signals', true);
  if (ns === null || ns <= 0) {
    throw new MyoTraceError('EDF_BAD_SIGNAL_COUNT', 'the number of signals must be a positive integer', {
      offset: 252,
      hint: 'This is not an EDF/BDF file or its header is damaged.',
    });
  }
  if (FIXED * (ns + 1) > fileSize) {
    throw new MyoTraceError(
      'EDF_TRUNCATED_HEADER',
      `the header declares ${ns} signals (${FIXED * (ns + 1)} header bytes) but the file has ${fileSize} bytes`,
      {
        offset: 252,
        hint: 'The file is truncated or not an EDF/BDF file.',
      },
    );
  }
  return ns;
}

export function detectFamily(fixed: Uint8Array): 'EDF' | 'BDF' {
  if (fixed[0] === 0xff && String.fromCharCode(...fixed.subarray(1, 8)) === 'BIOSEMI') return 'BDF';
  let s = '';
  for (let i = 0; i < 8; i++) s += fixed[i] === 0 ? ' ' : String.fromCharCode(fixed[i]);
  if (s.trim() === '0') return 'EDF';
  throw new MyoTraceError('EDF_BAD_VERSION', 'the version field is neither "0" (EDF) nor 0xFF "BIOSEMI" (BDF)', {
    offset: 0,
    hint: 'This is not an EDF, EDF+ or BDF file.',
  });
}

/**
 * Parses the whole header (256 × (ns + 1) bytes) against the file size. Every count that drives an
 * allocation or a loop is checked against the file size first, so a hostile header cannot make the
 * reader allocate more than the file or loop without end.
 */
export function parseHeader(h: Uint8Array, ns: number, fileSize: number, repairs: Repairs): ParsedHeader {
  const family = detectFamily(h);
  const bdf = family === 'BDF';
  const bytesPerSample = bdf ? 3 : 2;
  const headerBytes = FIXED * (ns + 1);

  const stated = tryNumberField(h, 184, 8, repairs, 'number of header bytes', true);
  if (stated !== headerBytes) {
    repairs.add(
      'EDF_HEADER_BYTES_MISMATCH',
      `the header-bytes field says ${stated ?? 'nothing readable'} but ${ns} signals need ${headerBytes}`,
      184,
    );
  }

  const reserved = textField(h, 192, 44, repairs, 'reserved');
  let plus = false;
  let continuous = true;
  const kind = reserved.slice(0, 5);
  if (kind === 'EDF+C' || kind === 'EDF+D' || kind === 'BDF+C' || kind === 'BDF+D') {
    plus = true;
    continuous = kind.endsWith('C');
    if ((kind[0] === 'B') !== bdf) {
      repairs.add(
        'EDF_RESERVED_FIELD',
        `the reserved field says ${kind} in a ${family} file; read as ${family}+${kind[4]}`,
        192,
      );
    }
  } else if (reserved !== '' && !(bdf && reserved.startsWith('24BIT'))) {
    repairs.add('EDF_RESERVED_FIELD', `the reserved field holds unexpected text; read as plain ${family}`, 192);
  }
  const format = (plus ? `${family}+${continuous ? 'C' : 'D'}` : family) as EdfFormat;

  const patientRaw = textField(h, 8, 80, repairs, 'patient');
  const recordingRaw = textField(h, 88, 80, repairs, 'recording');
  const patient = parsePatient(patientRaw, plus);
  const recording = parseRecording(recordingRaw, plus);
  const dateText = textField(h, 168, 8, repairs, 'start date');
  const timeText = textField(h, 176, 8, repairs, 'start time');
  const start = parseStart(dateText, timeText, recording.startDate);
  if (!start)
    repairs.add(
      'EDF_INVALID_START_DATE',
      'the start date or time is not a valid dd.mm.yy hh.mm.ss; startTime is null',
      168,
    );

  const statedRecords = tryNumberField(h, 236, 8, repairs, 'number of data records', true);
  const recordDurationSec = numberField(h, 244, 8, repairs, 'data record duration', false);
  if (recordDurationSec < 0) {
    throw new MyoTraceError('EDF_BAD_RECORD_DURATION', 'the data record duration is negative', { offset: 244 });
  }

  const at = (field: readonly [number, number], i: number): number => FIXED + ns * field[0] + i * field[1];
  const raw: RawSignal[] = [];
  let recordBytes = 0;
  const dataBytes = fileSize - headerBytes;
  for (let i = 0; i < ns; i++) {
    const label = textField(h, at(F.label, i), 16, repairs, `label of signal ${i + 1}`);
    const spr = numberField(h, at(F.spr, i), 8, repairs, `samples per record of signal ${i + 1}`, true);
    if (spr < 0 || spr * bytesPerSample > fileSize) {
      throw new MyoTraceError(
        'EDF_SAMPLES_DO_NOT_FIT',
        `signal ${i + 1} declares ${spr} samples per record, which cannot fit in the file`,
        {
          offset: at(F.spr, i),
          hint: 'The header is damaged or the file is truncated.',
        },
      );
    }
    raw.push({
      label,
      isAnnotation: label === 'EDF Annotations' || label === 'BDF Annotations',
      samplesPerRecord: spr,
      byteOffset: recordBytes,
    });
    recordBytes += spr * bytesPerSample;
  }
  if (recordBytes === 0) {
    throw new MyoTraceError('EDF_EMPTY_RECORD', 'every signal has 0 samples per record', { offset: at(F.spr, 0) });
  }
  if (recordBytes > dataBytes) {
    throw new MyoTraceError(
      'EDF_NO_RECORDS',
      `a data record needs ${recordBytes} bytes but only ${Math.max(0, dataBytes)} follow the header`,
      {
        offset: headerBytes,
        hint: 'The file holds no complete data record.',
      },
    );
  }

  const available = Math.floor(dataBytes / recordBytes);
  let recordCount: number;
  if (statedRecords === null || statedRecords < 0) {
    repairs.add(
      'EDF_RECORD_COUNT_UNKNOWN',
      `the number of data records is ${statedRecords === null ? 'unreadable' : statedRecords}; ${available} derived from the file size`,
      236,
    );
    recordCount = available;
  } else if (statedRecords > available || statedRecords === 0) {
    repairs.add(
      'EDF_RECORD_COUNT_MISMATCH',
      `the header says ${statedRecords} data records but the file holds ${available} complete records`,
      236,
    );
    recordCount = available;
  } else {
    recordCount = statedRecords;
  }
  const end = headerBytes + recordCount * recordBytes;
  if (end < fileSize) {
    const extra = fileSize - end;
    repairs.add(
      'EDF_TRAILING_BYTES',
      `${extra} byte(s) after the last complete data record are ignored${extra < recordBytes ? ' (partial record)' : ''}`,
      end,
    );
  }

  const annotationRaw: number[] = [];
  const signalRaw: number[] = [];
  for (let i = 0; i < raw.length; i++) (raw[i].isAnnotation ? annotationRaw : signalRaw).push(i);
  if (plus && annotationRaw.length === 0) {
    repairs.add(
      'EDF_PLUS_WITHOUT_ANNOTATIONS',
      `${format} file without an annotation signal; read as continuous without time keeping`,
      192,
    );
  }
  if (!plus && annotationRaw.length > 0) {
    repairs.add(
      'EDF_ANNOTATIONS_IN_PLAIN_EDF',
      `plain ${family} file with a signal labelled "${raw[annotationRaw[0]].label}"; its TALs are read as annotations`,
      at(F.label, annotationRaw[0]),
    );
  }
  if (recordDurationSec === 0 && signalRaw.length > 0 && continuous && plus) {
    repairs.add(
      'EDF_ZERO_RECORD_DURATION',
      'record duration 0 with ordinary signals; their sample rate is unknown (0)',
      244,
    );
  }

  const signals: EdfSignalInfo[] = [];
  for (const i of signalRaw) {
    const pmin = numberField(h, at(F.pmin, i), 8, repairs, `physical minimum of signal ${i + 1}`, false);
    const pmax = numberField(h, at(F.pmax, i), 8, repairs, `physical maximum of signal ${i + 1}`, false);
    const dmin = numberField(h, at(F.dmin, i), 8, repairs, `digital minimum of signal ${i + 1}`, true);
    const dmax = numberField(h, at(F.dmax, i), 8, repairs, `digital maximum of signal ${i + 1}`, true);
    let gain = 1;
    let offset = 0;
    if (dmax <= dmin || pmax === pmin) {
      repairs.add(
        'EDF_DEGENERATE_SCALING',
        `signal ${i + 1} has digital max <= min or physical max == min; digital values are returned unscaled`,
        at(F.pmin, i),
      );
    } else {
      gain = (pmax - pmin) / (dmax - dmin);
      offset = pmax / gain - dmax;
    }
    const physicalDimension = textField(h, at(F.dimension, i), 8, repairs, `physical dimension of signal ${i + 1}`);
    const spr = raw[i].samplesPerRecord;
    signals.push({
      index: signals.length,
      label: raw[i].label,
      originalLabel: raw[i].label,
      transducer: textField(h, at(F.transducer, i), 80, repairs, `transducer of signal ${i + 1}`),
      physicalDimension,
      unit: normaliseUnit(physicalDimension),
      physicalMin: pmin,
      physicalMax: pmax,
      digitalMin: dmin,
      digitalMax: dmax,
      prefilter: textField(h, at(F.prefilter, i), 80, repairs, `prefilter of signal ${i + 1}`),
      samplesPerRecord: spr,
      sampleRate: recordDurationSec > 0 ? spr / recordDurationSec : 0,
      sampleCount: spr * recordCount,
      gain,
      offset,
    });
  }
  uniqueLabels(signals, repairs);

  // reserved per-signal fields and the header's own reserved are not otherwise interpreted
  return {
    format,
    bdf,
    plus,
    continuous,
    bytesPerSample,
    ns,
    headerBytes,
    recordBytes,
    recordCount,
    recordDurationSec,
    start,
    patient,
    recording,
    raw,
    signals,
    signalRaw,
    annotationRaw,
  };
}

/** Duplicate labels become `label-0`, `label-1`, ... (MNE's rule); originalLabel keeps the stored text. */
function uniqueLabels(signals: EdfSignalInfo[], repairs: Repairs): void {
  const counts = new Map<string, number>();
  for (const s of signals) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  const seen = new Map<string, number>();
  let dup = 0;
  for (const s of signals) {
    if ((counts.get(s.originalLabel) ?? 0) > 1) {
      const k = seen.get(s.originalLabel) ?? 0;
      seen.set(s.originalLabel, k + 1);
      s.label = `${s.originalLabel}-${k}`;
      dup++;
    }
  }
  if (dup > 0)
    repairs.add('EDF_DUPLICATE_LABELS', `${dup} signals share a label with another; made unique with -0, -1, ...`);
}
