// Pure helpers of the Research screen: batch progress as bar segments and text, and locale formatting of the
// per-recording rows. No React here, so the tests exercise the values directly.
import type { BatchRow, BatchSummary } from '../api/types.js';

export type BatchState = 'done' | 'failed' | 'running' | 'queued';
/** Bar order: finished work first (done, failed), then work in progress, then waiting. */
export const BATCH_STATES: readonly BatchState[] = ['done', 'failed', 'running', 'queued'];

export interface BatchProgress {
  total: number;
  counts: Record<BatchState, number>;
  /** Width of each bar segment in percent of the total (exact, not rounded; all 0 for an empty batch). */
  segments: Record<BatchState, number>;
  /** Recordings finished (done or failed) in whole percent, rounded DOWN so 100 % means all of them really finished. */
  finishedPercent: number;
  /** Something is still queued or running. */
  active: boolean;
}

export function batchProgress(s: Pick<BatchSummary, 'total' | BatchState>): BatchProgress {
  const counts: Record<BatchState, number> = { done: s.done, failed: s.failed, running: s.running, queued: s.queued };
  // The summary's total is authoritative, but never let segments exceed the bar if counts ran ahead of it.
  const total = Math.max(s.total, s.done + s.failed + s.running + s.queued);
  const pct = (n: number) => (total > 0 ? (100 * n) / total : 0);
  const segments: Record<BatchState, number> = {
    done: pct(s.done),
    failed: pct(s.failed),
    running: pct(s.running),
    queued: pct(s.queued),
  };
  const finished = s.done + s.failed;
  return {
    total,
    counts,
    segments,
    finishedPercent: total > 0 ? Math.floor((100 * finished) / total) : 0,
    active: s.queued + s.running > 0,
  };
}

/** Whether the list should keep polling: any batch with queued or running recordings. */
export function anyActive(batches: readonly Pick<BatchSummary, 'queued' | 'running'>[]): boolean {
  return batches.some((b) => b.queued + b.running > 0);
}

export const MISSING = '—';

function asNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An index per hour with exactly one decimal in the reader's locale; '—' when absent (null, not scored, NaN). */
export function formatIndex(v: unknown, locale: string): string {
  const n = asNumber(v);
  if (n === null) return MISSING;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

/** The periodicity index is a ratio in 0..1, so it gets two decimals (one would hide most of its range). */
export function formatRatio(v: unknown, locale: string): string {
  const n = asNumber(v);
  if (n === null) return MISSING;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/** Counts and minutes as whole numbers in the locale; '—' when absent. */
export function formatCount(v: unknown, locale: string): string {
  const n = asNumber(v);
  if (n === null) return MISSING;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** Recording length as h:mm:ss; '—' when absent. */
export function formatDuration(v: unknown): string {
  const n = asNumber(v);
  if (n === null || n < 0) return MISSING;
  const s = Math.round(n);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The row's warning codes (the export joins them with ';'). */
export function warningCodes(row: BatchRow): string[] {
  const w = row.warnings;
  return typeof w === 'string'
    ? w
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

/** A string cell, or null for absent/empty. */
export function text(row: BatchRow, key: string): string | null {
  const v = row[key];
  if (v === null || v === undefined || v === '') return null;
  return String(v);
}

export type RowFormat = 'index' | 'ratio' | 'count' | 'duration';
/** Numeric columns of a batch's rows table, in display order. */
export const ROW_COLUMNS: readonly { key: string; format: RowFormat }[] = [
  { key: 'duration_sec', format: 'duration' },
  { key: 'tst_min', format: 'count' },
  { key: 'lm_count', format: 'count' },
  { key: 'plm_count', format: 'count' },
  { key: 'lm_index', format: 'index' },
  { key: 'clm_index', format: 'index' },
  { key: 'plms_index', format: 'index' },
  { key: 'plmw_index', format: 'index' },
  { key: 'plms_nr_index', format: 'index' },
  { key: 'plms_arousal_index', format: 'index' },
  { key: 'periodicity_index', format: 'ratio' },
];

export function formatCell(row: BatchRow, key: string, format: RowFormat, locale: string): string {
  const v = row[key];
  switch (format) {
    case 'index':
      return formatIndex(v, locale);
    case 'ratio':
      return formatRatio(v, locale);
    case 'count':
      return formatCount(v, locale);
    case 'duration':
      return formatDuration(v);
  }
}

/** A route segment back to the batch id; a malformed escape is kept as typed (the server then answers 404). */
export function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
