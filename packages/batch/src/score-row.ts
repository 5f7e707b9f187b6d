import { basename } from 'node:path';
import { findLegChannels, parseSleepFile, type ScoreResult, scoreRecording } from '@myotrace/detect';
import { isMyoTraceError } from '@myotrace/errors';
import type { ManifestRow } from './manifest.js';
import type { BatchSettings } from './settings.js';
import { openHeader, openRecording, readSidecar } from './source.js';

/** A night scored by a worker: what is written to the results table. */
export interface ScoredRecording {
  id: string;
  contentHash: string;
  result: ScoreResult;
  /** Wall time of reading + scoring (not part of the result's identity). */
  elapsedMs: number;
}

/** Why a recording could not be scored; `code` is the MyoTraceError code (stable). */
export interface RecordingFailure {
  id: string;
  code: string;
  message: string;
}

/**
 * Scores one manifest row with the batch's settings, exactly as `myotrace score` would with the
 * same options (same pipeline, same tool version), so batch results equal single-file results.
 */
export async function scoreRow(row: ManifestRow, settings: BatchSettings): Promise<ScoredRecording> {
  const started = performance.now();
  const hypnogram = row.hypnogram ? await parseSleepFile(await readSidecar(row.hypnogram), basename(row.hypnogram)) : undefined;
  const events = row.events ? await parseSleepFile(await readSidecar(row.events), basename(row.events)) : undefined;
  const rec = await openRecording(row.path);
  try {
    const result = await scoreRecording(rec.reader, {
      standard: settings.standard,
      rules: settings.rules,
      child: settings.child,
      hypnogram,
      events,
      file: basename(row.path),
      tool: { name: 'myotrace', version: settings.toolVersion },
    });
    return { id: row.id, contentHash: rec.contentHash, result, elapsedMs: performance.now() - started };
  } finally {
    await rec.close();
  }
}

/**
 * Up-front check of one row: the file opens as EDF/BDF and has leg channels. Cheap (header only),
 * so a whole cohort is checked before any night is scored.
 */
export async function validateRow(row: ManifestRow): Promise<RecordingFailure | null> {
  try {
    const rec = await openHeader(row.path);
    try {
      findLegChannels(rec.reader.signals, {});
    } finally {
      await rec.close();
    }
    return null;
  } catch (err) {
    return failureOf(row.id, err);
  }
}

export function failureOf(id: string, err: unknown): RecordingFailure {
  if (isMyoTraceError(err)) return { id, code: err.code, message: err.message };
  const code = (err as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return { id, code: `FILE_${code}`, message: `cannot read the recording (${code})` };
  }
  return { id, code: 'BATCH_INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** Errors that retrying cannot fix (the file itself is bad): straight to the dead-letter state. */
export function isPermanent(err: unknown): boolean {
  if (isMyoTraceError(err)) return !err.code.startsWith('BATCH_HTTP');
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES';
}

