import type { BatchSettings } from './settings.js';
import type { BatchResultRow } from './store.js';

/** CSV columns of `myotrace batch export --format csv`, in order (a contract for analysis scripts). */
export const EXPORT_COLUMNS = [
  'batch_id',
  'recording_id',
  'subject',
  'cohort',
  'path',
  'state',
  'error_code',
  'standard',
  'duration_sec',
  'sleep_source',
  'tst_min',
  'wake_min',
  'left_channel',
  'right_channel',
  'unit',
  'lm_count',
  'clm_count',
  'plm_count',
  'plm_series',
  'lm_index',
  'clm_index',
  'plms_index',
  'plmw_index',
  'plms_nr_index',
  'plms_arousal_index',
  'periodicity_index',
  'warnings',
  'tool_version',
  'settings_hash',
  'content_hash',
  'scored_at',
  'settings_json',
] as const;

/** One flat record per recording: indices (per hour), counts, quality warnings and provenance. */
export function flattenResult(row: BatchResultRow, settings: BatchSettings): Record<(typeof EXPORT_COLUMNS)[number], string | number | null> {
  const r = row.result;
  const lms = r?.legMovements ?? [];
  return {
    batch_id: row.batchId,
    recording_id: row.recordingId,
    subject: row.subject,
    cohort: row.cohort,
    path: row.path,
    state: row.state,
    error_code: row.errorCode,
    standard: r?.standard ?? settings.standard,
    duration_sec: r?.recording.durationSec ?? null,
    sleep_source: r?.sleep.source ?? null,
    tst_min: r?.sleep.tstMin ?? null,
    wake_min: r?.sleep.wakeMin ?? null,
    left_channel: r?.channels.left ?? null,
    right_channel: r?.channels.right ?? null,
    unit: r?.channels.unit ?? null,
    lm_count: r ? lms.length : null,
    clm_count: r ? lms.filter((m) => m.candidate).length : null,
    plm_count: r ? lms.filter((m) => m.periodic).length : null,
    plm_series: r ? r.plmSeries.length : null,
    lm_index: r?.indices.lmIndex ?? null,
    clm_index: r?.indices.clmIndex ?? null,
    plms_index: r?.indices.plmsIndex ?? null,
    plmw_index: r?.indices.plmwIndex ?? null,
    plms_nr_index: r?.indices.plmsNrIndex ?? null,
    plms_arousal_index: r?.indices.plmsArousalIndex ?? null,
    periodicity_index: r?.indices.periodicityIndex ?? null,
    warnings: r ? r.warnings.map((w) => w.code).join(';') : null,
    tool_version: row.toolVersion ?? settings.toolVersion,
    settings_hash: row.settingsHash,
    content_hash: row.contentHash,
    scored_at: row.scoredAt,
    settings_json: JSON.stringify(settings),
  };
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6)) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultsToCsv(rows: readonly BatchResultRow[], settings: BatchSettings): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) {
    const flat = flattenResult(row, settings);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(flat[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function resultsToJson(rows: readonly BatchResultRow[], settings: BatchSettings): string {
  return `${JSON.stringify({ batchId: rows[0]?.batchId ?? null, settings, recordings: rows.map((r) => ({ ...flattenResult(r, settings), settings_json: undefined, result: r.result })) })}\n`;
}
