import type { EdfPatient, EdfRecording } from './types.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `dd-MMM-yyyy` (EDF+ subfield date) → ISO `yyyy-mm-dd`, or null. Month case-insensitive (a common defect). */
export function parseEdfPlusDate(s: string): string | null {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(s);
  if (!m) return null;
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2].toUpperCase()) + 1;
  const year = Number(m[3]);
  if (month < 1 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ISO `yyyy-mm-dd` → `dd-MMM-yyyy`. */
export function formatEdfPlusDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${pad(d)}-${MONTHS[m - 1]}-${y}`;
}

function sub(s: string | undefined): string | null {
  if (s === undefined || s === '' || s === 'X') return null;
  return s.replace(/_/g, ' ');
}

/** Splits an EDF+ local patient identification: `code sex dd-MMM-yyyy name [additional...]`. */
export function parsePatient(raw: string, plus: boolean): EdfPatient {
  const empty: EdfPatient = { raw, code: null, sex: null, birthdate: null, name: null, additional: null };
  if (!plus) return empty;
  const parts = raw.split(/ +/).filter((p) => p !== '');
  if (parts.length === 0) return empty;
  const sexRaw = parts[1];
  return {
    raw,
    code: sub(parts[0]),
    sex: sexRaw === 'M' || sexRaw === 'F' ? sexRaw : null,
    birthdate: parts[2] ? parseEdfPlusDate(parts[2]) : null,
    name: sub(parts[3]),
    additional: parts.length > 4 ? parts.slice(4).join(' ').replace(/_/g, ' ') : null,
  };
}

/** Splits an EDF+ local recording identification: `Startdate dd-MMM-yyyy admincode technician equipment [additional...]`. */
export function parseRecording(raw: string, plus: boolean): EdfRecording {
  const empty: EdfRecording = {
    raw,
    startDate: null,
    admincode: null,
    technician: null,
    equipment: null,
    additional: null,
  };
  if (!plus) return empty;
  const parts = raw.split(/ +/).filter((p) => p !== '');
  if (parts[0] !== 'Startdate') return empty;
  return {
    raw,
    startDate: parts[1] ? parseEdfPlusDate(parts[1]) : null,
    admincode: sub(parts[2]),
    technician: sub(parts[3]),
    equipment: sub(parts[4]),
    additional: parts.length > 5 ? parts.slice(5).join(' ').replace(/_/g, ' ') : null,
  };
}

export interface StartDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Header start date `dd.mm.yy` and time `hh.mm.ss`. Two-digit years follow the EDF+ rule
 * (85–99 → 19yy, 00–84 → 20yy) unless the EDF+ recording id gives a four-digit year with the
 * same last two digits (after 2084, or the `01.01.70` / `Startdate 01-JAN-1970` case).
 */
export function parseStart(date: string, time: string, recordingStartDate: string | null): StartDateTime | null {
  const d = /^(\d\d)[.:\-/ ](\d\d)[.:\-/ ](\d\d)$/.exec(date);
  const t = /^(\d\d)[.:\-/ ](\d\d)[.:\-/ ](\d\d)$/.exec(time);
  if (!d || !t) return null;
  const day = Number(d[1]);
  const month = Number(d[2]);
  const yy = Number(d[3]);
  let year = yy >= 85 ? 1900 + yy : 2000 + yy;
  if (recordingStartDate) {
    const ry = Number(recordingStartDate.slice(0, 4));
    if (ry % 100 === yy) year = ry;
  }
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  const second = Number(t[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/** ISO local time with milliseconds (truncated, like Python's isoformat) of start + offsetSec. */
export function formatStart(start: StartDateTime, offsetSec: number): string {
  const baseMs = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second);
  // truncate to whole ms, with a nano-second guard against 0.394999999 style noise
  const ms = baseMs + Math.floor(offsetSec * 1000 + 1e-6);
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}T${pad(dt.getUTCHours())}:${pad(
    dt.getUTCMinutes(),
  )}:${pad(dt.getUTCSeconds())}.${pad(dt.getUTCMilliseconds(), 3)}`;
}
