import type { CodedWarning } from '@myotrace/errors';

export type EdfFormat = 'EDF' | 'EDF+C' | 'EDF+D' | 'BDF' | 'BDF+C' | 'BDF+D';

/** Random access to the bytes of a file, wherever they live (memory, Blob, Node file handle). */
export interface ByteSource {
  readonly size: number;
  /** Resolves with exactly `length` bytes, or fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: fill `target` from `offset` and resolve with the number of bytes read. Lets the reader
   * reuse one chunk buffer for whole-file passes instead of touching fresh memory on every read.
   */
  readInto?(offset: number, target: Uint8Array): Promise<number>;
}

/** EDF+ local patient identification subfields (EDF+ §2.1.3.3). `X` (unknown) becomes null; `_` becomes a space. */
export interface EdfPatient {
  /** The 80-character field as stored (trimmed). */
  raw: string;
  code: string | null;
  sex: 'M' | 'F' | null;
  /** ISO date `YYYY-MM-DD`, or null. */
  birthdate: string | null;
  name: string | null;
  additional: string | null;
}

/** EDF+ local recording identification subfields (EDF+ §2.1.3.4). */
export interface EdfRecording {
  raw: string;
  /** ISO date from the `Startdate dd-MMM-yyyy` subfield, or null. */
  startDate: string | null;
  admincode: string | null;
  technician: string | null;
  equipment: string | null;
  additional: string | null;
}

export interface EdfHeader {
  format: EdfFormat;
  /** Local time of the first sample, `YYYY-MM-DDTHH:MM:SS.mmm` (no zone), or null when the header date is invalid. */
  startTime: string | null;
  /**
   * Seconds from the header's whole-second start time to the first sample: the onset of the first
   * time-keeping TAL (0 for plain EDF). Add it to an annotation onset to get the onset relative to the header time.
   */
  firstSampleOffsetSec: number;
  /** Complete data records that are read (after repairs). */
  recordCount: number;
  recordDurationSec: number;
  /** For EDF+D: from the first sample to the end of the last record; otherwise recordCount × recordDurationSec. */
  durationSec: number;
  /** Parsed EDF+ subfields, or for plain EDF the raw strings only (subfields null). */
  patient: EdfPatient;
  recording: EdfRecording;
  /** Bytes in the header (256 × (ns + 1)), as computed, not as stated. */
  headerBytes: number;
  /** Bytes per data record. */
  recordBytes: number;
  /** Whether the records are (declared) contiguous; false for EDF+D/BDF+D. */
  continuous: boolean;
}

export type EdfUnit =
  | 'nV'
  | 'uV'
  | 'mV'
  | 'V'
  | 'kV'
  | 'degC'
  | 'degF'
  | '%'
  | 'bpm'
  | 'Hz'
  | 'mmHg'
  | 'cmH2O'
  | 'mbar'
  | 'Pa'
  | 'g'
  | 'm/s^2'
  | 'ohm'
  | 'kohm'
  | 'L/min'
  | 'mL'
  | 's'
  | 'ms'
  | 'dB'
  | 'lux'
  | 'count';

export interface EdfSignalInfo {
  /** Index among the ordinary signals (what readSignal takes). */
  index: number;
  /** Unique label (duplicates made unique with `-0`, `-1`, ... as MNE does). */
  label: string;
  /** The label as stored in the header (trimmed). */
  originalLabel: string;
  transducer: string;
  /** The physical dimension string as stored (trimmed). */
  physicalDimension: string;
  /** Normalised unit, the trimmed original string when not recognised, or null when blank. */
  unit: EdfUnit | string | null;
  physicalMin: number;
  physicalMax: number;
  digitalMin: number;
  digitalMax: number;
  prefilter: string;
  samplesPerRecord: number;
  /** Samples per second = samplesPerRecord / recordDurationSec (0 when the record duration is 0). */
  sampleRate: number;
  /** Samples stored in the file for this signal (recordCount × samplesPerRecord). */
  sampleCount: number;
  /** physical = gain × (digital + offset), EDFlib's order of operations. */
  gain: number;
  offset: number;
}

export interface EdfAnnotation {
  /** Seconds from the first sample. */
  onset: number;
  /** Seconds, or null when the TAL has no duration. */
  duration: number | null;
  text: string;
}

/** A contiguous run of records (EDF+D); a continuous file has exactly one. */
export interface EdfSegment {
  /** Seconds from the first sample. */
  startSec: number;
  durationSec: number;
  firstRecord: number;
  recordCount: number;
}

export interface EdfGap {
  startSec: number;
  durationSec: number;
}

/** A block of consecutive records decoded to physical values, from `reader.records()`. */
export interface EdfRecordBlock {
  firstRecord: number;
  recordCount: number;
  /** Seconds from the first sample at which each record starts. */
  recordOnsetsSec: Float64Array;
  /** One array per requested signal, recordCount × samplesPerRecord values, in request order. */
  data: Float64Array[];
}

export interface EdfReadOptions {
  strict?: boolean;
}

export interface EdfRecordsOptions {
  /** Ordinary-signal indices; all when omitted. */
  signals?: number[];
  fromRecord?: number;
  /** Exclusive. */
  toRecord?: number;
  /** Records per block (default: as many as fit in about 4 MB). */
  blockRecords?: number;
}

export interface EdfReader {
  header: EdfHeader;
  signals: EdfSignalInfo[];
  annotations: EdfAnnotation[];
  /** Repairs and notes; grows when reads find samples outside the digital range. */
  warnings: CodedWarning[];
  /** Start of each record in seconds from the first sample (real times for EDF+D). */
  recordOnsetsSec: Float64Array;
  segments: EdfSegment[];
  gaps: EdfGap[];
  /**
   * Physical values of one signal over [fromSec, toSec) (seconds from the first sample; defaults: whole file).
   * In EDF+D files samples are placed at their real times and gap samples are NaN.
   */
  readSignal(index: number, fromSec?: number, toSec?: number): Promise<Float32Array>;
  readSignals(indices: number[], fromSec?: number, toSec?: number): Promise<Float32Array[]>;
  /**
   * Like readSignals, but decodes into caller-owned arrays (each at least as long as its window) and
   * returns views of the filled parts. Reusing buffers avoids the cost of touching fresh memory,
   * which dominates whole-file reads on virtual machines.
   */
  readSignalsInto(indices: number[], into: Float32Array[], fromSec?: number, toSec?: number): Promise<Float32Array[]>;
  /** Number of samples readSignal would return for this window (EDF+D gaps included). */
  windowLength(index: number, fromSec?: number, toSec?: number): number;
  /** Digital (stored) values over the same window rules; gap samples are 0 (EDF+D). */
  readDigital(index: number, fromSec?: number, toSec?: number): Promise<Int32Array>;
  /** Streams blocks of records (bounded memory) decoded to physical values. */
  records(opts?: EdfRecordsOptions): AsyncIterableIterator<EdfRecordBlock>;
  /** Index of the first sample at or after `sec` on the signal's time axis used by readSignal. */
  sampleIndexAt(index: number, sec: number): number;
}
