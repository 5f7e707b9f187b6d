import { type CodedWarning, MyoTraceError } from '@myotrace/errors';
import type { TimedEvent } from '../plm/types.js';
import { parseSleepCsv } from './csv.js';
import { interpretAnnotations, mergeEvents } from './events.js';
import { parseNsrrXml } from './nsrr-xml.js';
import type { RawAnnotation, SleepContext, SleepEvents } from './types.js';

export type SleepFileFormat = 'edf' | 'xml' | 'csv';

/** A hypnogram/events file, parsed but not yet aligned to a recording. */
export interface SleepFile {
  format: SleepFileFormat;
  annotations: RawAnnotation[];
  epochSec: number;
  /** EDF+ only: local start time of the file (to align with the recording's). */
  startTime: string | null;
  warnings: CodedWarning[];
}

/** Minimal view of an EDF reader that this module needs (matches `@myotrace/edf` EdfReader). */
interface AnnotationReader {
  header: { startTime: string | null };
  annotations: ReadonlyArray<{ onset: number; duration: number | null; text: string }>;
  warnings: CodedWarning[];
}

function sniff(bytes: Uint8Array, name: string): SleepFileFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.edf') || lower.endsWith('.rec') || lower.endsWith('.bdf')) return 'edf';
  if (lower.endsWith('.xml')) return 'xml';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  if (/^0 {7}/.test(head) || head.startsWith('\xffBIOSEMI')) return 'edf';
  if (head.trimStart().startsWith('<')) return 'xml';
  return 'csv';
}

/**
 * Parses a `--hypnogram`/`--events` file: an annotation-only EDF+ (Sleep-EDF style), an NSRR XML
 * or a CSV, chosen by extension and then by content. Isomorphic: takes bytes, not a path.
 */
export async function parseSleepFile(bytes: Uint8Array, name: string): Promise<SleepFile> {
  const format = sniff(bytes, name);
  if (format === 'edf') {
    // loaded lazily: only EDF hypnograms need the EDF reader
    const edf = (await import('@myotrace/edf')) as unknown as {
      openEdf(src: unknown): Promise<AnnotationReader>;
      bytesSource(b: Uint8Array): unknown;
    };
    const reader = await edf.openEdf(edf.bytesSource(bytes));
    return {
      format,
      annotations: reader.annotations.map((a) => ({ onsetSec: a.onset, durationSec: a.duration, text: a.text })),
      epochSec: 30,
      startTime: reader.header.startTime,
      warnings: [...reader.warnings],
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (format === 'xml') {
    const x = parseNsrrXml(text);
    return { format, annotations: x.annotations, epochSec: x.epochSec, startTime: null, warnings: [] };
  }
  return { format, annotations: parseSleepCsv(text), epochSec: 30, startTime: null, warnings: [] };
}

/** Seconds from `fromIso` to `toIso` (both local times without zone), or null when either is missing. */
export function secondsBetween(fromIso: string | null, toIso: string | null): number | null {
  if (!fromIso || !toIso) return null;
  const a = Date.parse(`${fromIso}Z`);
  const b = Date.parse(`${toIso}Z`);
  return Number.isFinite(a) && Number.isFinite(b) ? (b - a) / 1000 : null;
}

export interface SleepInputs {
  sleep: SleepContext;
  respiratoryEvents: TimedEvent[];
  arousals: TimedEvent[];
  warnings: CodedWarning[];
}

/**
 * Chooses where staging and events come from. Stages: the `hypnogram` file when given, else the
 * recording's own annotations, else none. Respiratory events and arousals: the `events` file when
 * given, else the union of the recording's annotations and the hypnogram file (duplicates once).
 * A separate EDF+ is shifted by the difference of the two files' start times.
 */
export function resolveSleepInputs(input: {
  recordingAnnotations: readonly RawAnnotation[];
  recordingStartTime: string | null;
  hypnogram?: SleepFile;
  events?: SleepFile;
}): SleepInputs {
  const warnings: CodedWarning[] = [];
  const own = interpretAnnotations(input.recordingAnnotations);
  warnings.push(...own.warnings);
  const fromFile = (f: SleepFile | undefined, role: string): SleepEvents | null => {
    if (!f) return null;
    let offsetSec = 0;
    if (f.format === 'edf') {
      const d = secondsBetween(input.recordingStartTime, f.startTime);
      if (d === null) {
        warnings.push({
          code: 'DETECT_SLEEP_FILE_UNALIGNED',
          message: `the ${role} file or the recording has no valid start time: its onsets are taken as seconds from the recording's first sample`,
        });
      } else offsetSec = d;
    }
    const r = interpretAnnotations(f.annotations, { epochSec: f.epochSec, offsetSec });
    warnings.push(...f.warnings.map((w) => ({ code: w.code, message: `${role} file: ${w.message}` })), ...r.warnings);
    return r;
  };
  const hyp = fromFile(input.hypnogram, 'hypnogram');
  const ev = fromFile(input.events, 'events');

  let sleep: SleepContext = { source: 'none', stages: [] };
  if (input.hypnogram) {
    if (hyp && hyp.stages.length > 0) sleep = { source: 'hypnogram', stages: hyp.stages };
    else {
      throw new MyoTraceError('DETECT_HYPNOGRAM_EMPTY', 'the hypnogram file contains no sleep-stage annotations', {
        hint: 'Stages must be labelled like "Sleep stage N2", "Sleep stage 2", "Stage 2 sleep|2" (NSRR) or given in a stage column.',
      });
    }
  } else if (own.stages.length > 0) sleep = { source: 'annotations', stages: own.stages };

  const respiratoryEvents = ev ? ev.respiratoryEvents : mergeEvents(own.respiratoryEvents, hyp?.respiratoryEvents ?? []);
  const arousals = ev ? ev.arousals : mergeEvents(own.arousals, hyp?.arousals ?? []);
  if (input.events && ev && ev.respiratoryEvents.length === 0 && ev.arousals.length === 0) {
    warnings.push({ code: 'DETECT_EVENTS_EMPTY', message: 'the events file contains no respiratory events or arousals' });
  }
  return { sleep, respiratoryEvents, arousals, warnings };
}
