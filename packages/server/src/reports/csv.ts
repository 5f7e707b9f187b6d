/** CSV export (RFC 4180 quoting; formula-like cells prefixed with ' so spreadsheets do not execute them). */
import type { DiaryKind } from '../schemas/diary.js';

export const CSV_COLUMNS: Partial<Record<DiaryKind, string[]>> = {
  episodes: ['id', 'startAt', 'durationSec', 'count', 'bodySites', 'polarity', 'context', 'triggers', 'triggerOther', 'severity', 'impact', 'response', 'notes', 'recordedFor'],
  medicines: ['id', 'name', 'kbId', 'strength', 'form', 'schedule', 'startDate', 'stopDate', 'reason', 'doseChanges', 'notes'],
  doses: ['id', 'medicineId', 'scheduledAt', 'at', 'status', 'amount'],
  'side-effects': ['id', 'medicineId', 'startAt', 'description', 'severity', 'endedAt'],
  labs: ['id', 'takenOn', 'test', 'value', 'unit'],
  sleep: ['id', 'night', 'bedtime', 'latencyMin', 'awakenings', 'wakeAfterSleepOnsetMin', 'wakeTime', 'outOfBedAt', 'quality', 'partnerNoticedJerks', 'notes'],
  exercise: ['id', 'startAt', 'routineId', 'name', 'minutes', 'completed', 'notes'],
  remedies: ['id', 'takenAt', 'name', 'kbId', 'amount', 'notes'],
};

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) s = v.join(';');
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^[-+]?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
