import { MyoTraceError } from '@myotrace/errors';
import { parseStageWord } from './labels.js';
import type { RawAnnotation } from './types.js';

const ONSET = ['onset', 'start', 'onset_sec', 'start_sec', 'onsetsec', 'startsec', 'time', 'time_sec'];
const DURATION = ['duration', 'dur', 'duration_sec', 'durationsec', 'length'];
const EPOCH = ['epoch', 'epoch_no', 'epoch_number', 'epochno'];
const STAGE = ['stage', 'sleep_stage', 'sleepstage', 'hypnogram', 'score'];
const LABEL = ['label', 'event', 'type', 'description', 'annotation', 'text', 'name'];

const hint =
  'Give a header row with `onset,duration,stage` (seconds, stage W/N1/N2/N3/R or R&K 1-4), `epoch,stage` (30 s epochs from 1), or `onset,duration,label` for events; or one stage per line.';

/**
 * Reads a CSV (comma, semicolon or tab) of sleep epochs and/or events into raw annotations.
 * Stage rows become `Sleep stage X` texts, label rows keep their text, so every source goes through
 * the same label rules. Times are seconds from the recording's first sample.
 */
export function parseSleepCsv(text: string, opts: { epochSec?: number } = {}): RawAnnotation[] {
  const epochSec = opts.epochSec ?? 30;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: { line: number; cells: string[] }[] = [];
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const delim = first.includes('\t') ? '\t' : first.includes(';') && !first.includes(',') ? ';' : ',';
  lines.forEach((l, i) => {
    if (l.trim() === '' || l.trimStart().startsWith('#')) return;
    rows.push({ line: i + 1, cells: l.split(delim).map((c) => c.trim().replace(/^"(.*)"$/, '$1')) });
  });
  if (rows.length === 0) throw new MyoTraceError('DETECT_CSV_BAD', 'the CSV file is empty', { hint });

  const header = rows[0].cells.map((c) => c.toLowerCase().replace(/\s*\((s|sec|seconds)\)$/, '').replace(/\s+/g, '_'));
  const col = (names: string[]): number => header.findIndex((h) => names.includes(h));
  const iOnset = col(ONSET);
  const iDur = col(DURATION);
  const iEpoch = col(EPOCH);
  const iStage = col(STAGE);
  const iLabel = col(LABEL);
  const out: RawAnnotation[] = [];

  if (iOnset < 0 && iEpoch < 0 && iStage < 0 && iLabel < 0) {
    // no header: one stage per line, consecutive epochs
    rows.forEach((r, k) => {
      const stage = parseStageWord(r.cells[0]);
      if (stage === undefined) {
        throw new MyoTraceError('DETECT_CSV_BAD', `unrecognised sleep stage "${r.cells[0].slice(0, 20)}"`, { line: r.line, hint });
      }
      out.push({ onsetSec: k * epochSec, durationSec: epochSec, text: `Sleep stage ${stage ?? '?'}` });
    });
    return out;
  }
  if (iStage < 0 && iLabel < 0) {
    throw new MyoTraceError('DETECT_CSV_BAD', 'the CSV header has neither a stage nor a label column', { line: rows[0].line, hint });
  }
  if (iOnset < 0 && iEpoch < 0) {
    throw new MyoTraceError('DETECT_CSV_BAD', 'the CSV header has neither an onset nor an epoch column', { line: rows[0].line, hint });
  }
  const epochs = iEpoch >= 0 && iOnset < 0 ? rows.slice(1).map((r) => Number(r.cells[iEpoch])) : [];
  const epochBase = epochs.length > 0 && Math.min(...epochs) === 0 ? 0 : 1;

  for (const r of rows.slice(1)) {
    const num = (i: number, what: string): number => {
      const v = Number(r.cells[i]);
      if (r.cells[i] === undefined || r.cells[i] === '' || !Number.isFinite(v)) {
        throw new MyoTraceError('DETECT_CSV_BAD', `${what} is not a number`, { line: r.line, hint });
      }
      return v;
    };
    const onsetSec = iOnset >= 0 ? num(iOnset, 'onset') : (num(iEpoch, 'epoch') - epochBase) * epochSec;
    const durationSec = iDur >= 0 && r.cells[iDur] !== '' && r.cells[iDur] !== undefined ? num(iDur, 'duration') : null;
    const stageCell = iStage >= 0 ? r.cells[iStage] ?? '' : '';
    if (stageCell !== '') {
      const stage = parseStageWord(stageCell.replace(/^sleep stage\s*/i, ''));
      if (stage === undefined) {
        throw new MyoTraceError('DETECT_CSV_BAD', `unrecognised sleep stage "${stageCell.slice(0, 20)}"`, { line: r.line, hint });
      }
      out.push({ onsetSec, durationSec: durationSec ?? epochSec, text: `Sleep stage ${stage ?? '?'}` });
    } else if (iLabel >= 0 && (r.cells[iLabel] ?? '') !== '') {
      out.push({ onsetSec, durationSec, text: r.cells[iLabel] });
    }
  }
  return out;
}
