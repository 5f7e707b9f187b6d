/**
 * Accelerometer CSV import: a generic `time,x,y,z` layout (g or m/s²) and the exports of common
 * apps and devices, recognised by their headers. Irregular phone sampling is resampled to a
 * uniform rate by linear interpolation. Bad rows raise a MyoTraceError carrying the 1-based line.
 *
 * Supported layouts (see docs/myoclonus.md for examples):
 *  - generic: header `time,x,y,z` (also `t`, `timestamp`, `ax`, `acc_x`, ...); unit from the header
 *    (`x_g`, `x (m/s^2)`), the `unit` option, or the median magnitude (≈1 g vs ≈9.81 m/s²)
 *  - phyphox: `Time (s)`, `Acceleration x (m/s^2)`, ... or `Linear Acceleration x (m/s^2)`
 *  - Sensor Logger: `time,seconds_elapsed,z,y,x` (m/s²)
 *  - Physics Toolbox Sensor Suite: `time,gFx,gFy,gFz[,TgF]` (g; time in s or hh:mm:ss:SSS)
 *  - ActiGraph ActiLife raw CSV: the 10-line "Data File Created By ActiGraph" header, then
 *    `Accelerometer X,Accelerometer Y,Accelerometer Z` (optionally a `Timestamp` column), g, rate in the header
 *  - Axivity (OMGUI/cwa-convert): no header, `YYYY-MM-DD hh:mm:ss.fff,x,y,z` in g
 */
import { type CodedWarning, MyoTraceError } from '@myotrace/errors';
import type { AccelFormat, AccelRecording, AccelUnit } from './types.js';

export const STANDARD_GRAVITY = 9.80665;

export interface AccelCsvOptions {
  /** Force the unit of a generic file. */
  unit?: AccelUnit;
  /** Uniform output rate; default: the rate implied by the median sampling interval. */
  sampleRateHz?: number;
}

interface Layout {
  format: AccelFormat;
  /** Index of the first data line (0-based). */
  dataLine: number;
  /** Column of the time value, or -1 when time follows from a fixed rate. */
  timeCol: number;
  timeKind: 'seconds' | 'milliseconds' | 'nanoseconds' | 'clock' | 'datetime' | 'none';
  cols: [number, number, number];
  unit: AccelUnit | null;
  gravityIncluded: boolean | null;
  fixedRateHz: number | null;
  startTime: string | null;
  delimiter: string;
  decimalComma: boolean;
}

const SUPPORTED =
  'generic time,x,y,z; phyphox; Sensor Logger; Physics Toolbox Sensor Suite; ActiGraph ActiLife CSV; Axivity CSV';

function splitLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter).map((c) => c.trim());
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function guessDelimiter(line: string): string {
  const counts: [string, number][] = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

function unitFromHeader(h: string): AccelUnit | null {
  const s = h.toLowerCase().replace(/\s+/g, '');
  if (/m\/s(\^?2|²)|ms\^?-2|m\/s\/s|mps2|_ms2\b|\(ms2\)/.test(s)) return 'm/s2';
  if (/(\(g\)|\[g\]|_g$|\bg$|gf)/.test(s)) return 'g';
  return null;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$/;

function detectLayout(lines: string[]): Layout {
  const first = lines[0].replace(/^\uFEFF/, '');
  // ActiGraph: a dashed banner, nine more header lines, then a column header
  if (/^-+\s*Data File Created By ActiGraph/i.test(first)) {
    const rate = /at\s+(\d+(?:\.\d+)?)\s*Hz/i.exec(first);
    if (!rate)
      throw new MyoTraceError('DETECT_ACCEL_CSV_HEADER', 'ActiGraph header without a sample rate ("at N Hz")', {
        line: 1,
        hint: 'export raw data from ActiLife with the header',
      });
    const startTime = (/Start Time\s+(\S+)/i.exec(lines.slice(0, 10).join('\n')) ?? [])[1] ?? null;
    const startDate = (/Start Date\s+(\S+)/i.exec(lines.slice(0, 10).join('\n')) ?? [])[1] ?? null;
    let h = 1;
    while (h < Math.min(lines.length, 15) && !/accelerometer\s*x/i.test(lines[h])) h++;
    if (h >= Math.min(lines.length, 15))
      throw new MyoTraceError(
        'DETECT_ACCEL_CSV_HEADER',
        'ActiGraph file without an "Accelerometer X,Y,Z" column header',
        { line: 11 },
      );
    const delimiter = guessDelimiter(lines[h]);
    const cols = splitLine(lines[h], delimiter).map((c) => c.toLowerCase());
    const ix = cols.findIndex((c) => /accelerometer\s*x/.test(c));
    const iy = cols.findIndex((c) => /accelerometer\s*y/.test(c));
    const iz = cols.findIndex((c) => /accelerometer\s*z/.test(c));
    return {
      format: 'actigraph',
      dataLine: h + 1,
      timeCol: -1,
      timeKind: 'none',
      cols: [ix, iy, iz],
      unit: 'g',
      gravityIncluded: true,
      fixedRateHz: Number(rate[1]),
      startTime: startDate && startTime ? `${startDate} ${startTime}` : null,
      delimiter,
      decimalComma: false,
    };
  }
  const delimiter = guessDelimiter(first);
  const cells = splitLine(first, delimiter);
  // Axivity: headerless, first cell a date-time
  if (DATETIME.test(cells[0]) && cells.length >= 4) {
    return {
      format: 'axivity',
      dataLine: 0,
      timeCol: 0,
      timeKind: 'datetime',
      cols: [1, 2, 3],
      unit: 'g',
      gravityIncluded: true,
      fixedRateHz: null,
      startTime: cells[0],
      delimiter,
      decimalComma: false,
    };
  }
  const lower = cells.map((c) => c.toLowerCase());
  const decimalComma = delimiter !== ',' && lines.length > 1 && /\d,\d/.test(lines[1]);
  // phyphox
  if (/^time \(s\)$/.test(lower[0]) && lower.some((c) => /acceleration x/.test(c))) {
    const find = (axis: string) => lower.findIndex((c) => new RegExp(`acceleration ${axis}\\b`).test(c));
    const linear = lower.some((c) => c.startsWith('linear acceleration'));
    return {
      format: 'phyphox',
      dataLine: 1,
      timeCol: 0,
      timeKind: 'seconds',
      cols: [find('x'), find('y'), find('z')],
      unit: unitFromHeader(cells[find('x')]) ?? 'm/s2',
      gravityIncluded: !linear,
      fixedRateHz: null,
      startTime: null,
      delimiter,
      decimalComma,
    };
  }
  // Sensor Logger
  if (lower.includes('seconds_elapsed') && lower.includes('x') && lower.includes('y') && lower.includes('z')) {
    return {
      format: 'sensor-logger',
      dataLine: 1,
      timeCol: lower.indexOf('seconds_elapsed'),
      timeKind: 'seconds',
      cols: [lower.indexOf('x'), lower.indexOf('y'), lower.indexOf('z')],
      unit: 'm/s2',
      gravityIncluded: null,
      fixedRateHz: null,
      startTime: null,
      delimiter,
      decimalComma,
    };
  }
  // Physics Toolbox Sensor Suite
  if (lower.includes('gfx') && lower.includes('gfy') && lower.includes('gfz')) {
    const tc = lower.findIndex((c) => c === 'time' || c.startsWith('time'));
    return {
      format: 'physics-toolbox',
      dataLine: 1,
      timeCol: tc,
      timeKind: 'seconds',
      cols: [lower.indexOf('gfx'), lower.indexOf('gfy'), lower.indexOf('gfz')],
      unit: 'g',
      gravityIncluded: true,
      fixedRateHz: null,
      startTime: null,
      delimiter,
      decimalComma,
    };
  }
  // generic
  const timeIdx = lower.findIndex((c) =>
    /^(time|t|timestamp|seconds|sec|time_s|time\s*\((s|ms)\)|time_ms|elapsed(_s)?)$/.test(c.replace(/\s+/g, ' ')),
  );
  const axisIdx = (axis: string) =>
    lower.findIndex((c) =>
      new RegExp(
        `^(${axis}|a${axis}|acc_?${axis}|accel_?${axis}|acceleration_?${axis})([ _]?(\\(.*\\)|\\[.*\\]|g|ms2|mps2))?$`,
      ).test(c.replace(/\s+/g, '')),
    );
  const ix = axisIdx('x'),
    iy = axisIdx('y'),
    iz = axisIdx('z');
  if (timeIdx >= 0 && ix >= 0 && iy >= 0 && iz >= 0) {
    const th = lower[timeIdx];
    const timeKind = /ms/.test(th) ? 'milliseconds' : 'seconds';
    return {
      format: 'generic',
      dataLine: 1,
      timeCol: timeIdx,
      timeKind,
      cols: [ix, iy, iz],
      unit: unitFromHeader(cells[ix]),
      gravityIncluded: null,
      fixedRateHz: null,
      startTime: null,
      delimiter,
      decimalComma,
    };
  }
  throw new MyoTraceError(
    'DETECT_ACCEL_CSV_UNKNOWN_FORMAT',
    `unrecognised accelerometer CSV header "${first.slice(0, 80)}"`,
    {
      line: 1,
      hint: `supported: ${SUPPORTED}; or rename the columns to time,x,y,z (time in seconds)`,
    },
  );
}

function parseNumber(cell: string, decimalComma: boolean): number {
  const s = decimalComma ? cell.replace(',', '.') : cell;
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

function parseClock(cell: string): number {
  // hh:mm:ss:SSS or hh:mm:ss.SSS (Physics Toolbox older exports)
  const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:[:.](\d{1,3}))?$/.exec(cell);
  if (!m) return Number.NaN;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4].padEnd(3, '0')) / 1000 : 0);
}

function parseDateTime(cell: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(cell);
  if (!m) return Number.NaN;
  // local wall-clock time read as UTC: only differences matter here
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000 + (m[7] ? Number(m[7]) : 0);
}

export function parseAccelCsv(text: string, options: AccelCsvOptions = {}): AccelRecording {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0)
    throw new MyoTraceError('DETECT_ACCEL_CSV_EMPTY', 'the accelerometer CSV is empty', { line: 1 });
  const layout = detectLayout(lines);
  const warnings: CodedWarning[] = [];
  const nRows = lines.length - layout.dataLine;
  if (nRows < 2)
    throw new MyoTraceError('DETECT_ACCEL_CSV_EMPTY', 'the accelerometer CSV has no data rows', {
      line: layout.dataLine + 1,
    });
  const t = new Float64Array(nRows);
  const ax = new Float64Array(nRows),
    ay = new Float64Array(nRows),
    az = new Float64Array(nRows);
  const need = Math.max(layout.timeCol, ...layout.cols) + 1;
  let rows = 0;
  let clockMode = false;
  for (let li = layout.dataLine; li < lines.length; li++) {
    const line = lines[li];
    const lineNo = li + 1;
    if (line.trim() === '') continue;
    const cells = splitLine(line, layout.delimiter);
    if (cells.length < need) {
      throw new MyoTraceError(
        'DETECT_ACCEL_CSV_BAD_ROW',
        `line ${lineNo} has ${cells.length} columns; ${need} are needed`,
        { line: lineNo, hint: 'remove truncated or merged lines' },
      );
    }
    let tv: number;
    if (layout.timeKind === 'none') tv = rows / (layout.fixedRateHz as number);
    else if (layout.timeKind === 'datetime') tv = parseDateTime(cells[layout.timeCol]);
    else {
      const cell = cells[layout.timeCol];
      tv = parseNumber(cell, layout.decimalComma);
      if (Number.isNaN(tv) && (clockMode || rows === 0) && layout.format === 'physics-toolbox') {
        tv = parseClock(cell);
        clockMode = !Number.isNaN(tv);
      }
      if (layout.timeKind === 'milliseconds') tv /= 1000;
    }
    const vals = layout.cols.map((c) => parseNumber(cells[c], layout.decimalComma));
    const bad = Number.isNaN(tv) ? layout.timeCol : vals.findIndex((v) => !Number.isFinite(v));
    if (Number.isNaN(tv) || bad >= 0) {
      const col = Number.isNaN(tv) ? layout.timeCol : layout.cols[bad];
      throw new MyoTraceError(
        'DETECT_ACCEL_CSV_BAD_ROW',
        `line ${lineNo}, column ${col + 1}: "${(cells[col] ?? '').slice(0, 30)}" is not a number`,
        { line: lineNo, field: `column ${col + 1}` },
      );
    }
    if (rows > 0 && !(tv > t[rows - 1])) {
      throw new MyoTraceError(
        'DETECT_ACCEL_CSV_TIME_ORDER',
        `line ${lineNo}: time ${tv} does not increase (previous ${t[rows - 1]})`,
        { line: lineNo, hint: 'sort the rows by time and remove duplicates' },
      );
    }
    t[rows] = tv;
    ax[rows] = vals[0];
    ay[rows] = vals[1];
    az[rows] = vals[2];
    rows++;
  }
  // unit
  let unit = options.unit ?? layout.unit;
  if (!unit) {
    const mags: number[] = [];
    for (let i = 0; i < rows; i += Math.max(1, Math.floor(rows / 2000))) mags.push(Math.hypot(ax[i], ay[i], az[i]));
    mags.sort((a, b) => a - b);
    const med = mags[Math.floor(mags.length / 2)];
    if (med > 0.6 && med < 1.6) unit = 'g';
    else if (med > 6 && med < 14) unit = 'm/s2';
    else {
      throw new MyoTraceError(
        'DETECT_ACCEL_CSV_UNIT',
        `cannot tell the unit: the median magnitude is ${med.toFixed(3)}, neither about 1 g nor about 9.81 m/s²`,
        {
          hint: 'name the unit in the header (x_g or x (m/s^2)) or pass it explicitly (--unit g|m/s2)',
        },
      );
    }
    warnings.push({
      code: 'DETECT_ACCEL_UNIT_GUESSED',
      message: `unit not stated in the file; taken as ${unit} from the median magnitude (${med.toFixed(2)})`,
    });
  }
  const k = unit === 'm/s2' ? 1 / STANDARD_GRAVITY : 1;
  // timing and resampling
  const iv: number[] = [];
  let maxGap = 0;
  for (let i = 1; i < rows; i++) {
    const d = t[i] - t[i - 1];
    iv.push(d);
    if (d > maxGap) maxGap = d;
  }
  iv.sort((a, b) => a - b);
  const medIv = iv[Math.floor(iv.length / 2)];
  const fs = options.sampleRateHz ?? layout.fixedRateHz ?? Math.round(1 / medIv);
  if (!(fs > 0 && Number.isFinite(fs)))
    throw new MyoTraceError('DETECT_ACCEL_CSV_TIME_ORDER', 'cannot derive a sample rate from the time column', {
      line: layout.dataLine + 1,
    });
  const uniform = layout.fixedRateHz !== null || iv.every((d) => Math.abs(d * fs - 1) < 0.02);
  if (maxGap > 10 * medIv && maxGap > 1)
    warnings.push({
      code: 'DETECT_ACCEL_GAP',
      message: `the recording has a gap of ${maxGap.toFixed(1)} s (filled by interpolation)`,
    });
  const t0 = t[0];
  let x: Float64Array, y: Float64Array, z: Float64Array;
  if (uniform && !options.sampleRateHz) {
    x = ax.slice(0, rows).map((v) => v * k);
    y = ay.slice(0, rows).map((v) => v * k);
    z = az.slice(0, rows).map((v) => v * k);
  } else {
    const n = Math.floor((t[rows - 1] - t0) * fs) + 1;
    x = new Float64Array(n);
    y = new Float64Array(n);
    z = new Float64Array(n);
    let j = 0;
    for (let i = 0; i < n; i++) {
      const ti = t0 + i / fs;
      while (j < rows - 2 && t[j + 1] < ti) j++;
      const f = Math.min(1, Math.max(0, (ti - t[j]) / (t[j + 1] - t[j])));
      x[i] = k * (ax[j] + f * (ax[j + 1] - ax[j]));
      y[i] = k * (ay[j] + f * (ay[j + 1] - ay[j]));
      z[i] = k * (az[j] + f * (az[j + 1] - az[j]));
    }
  }
  return {
    format: layout.format,
    sourceUnit: unit,
    gravityIncluded: layout.gravityIncluded,
    sampleRateHz: fs,
    startTime: layout.startTime,
    x,
    y,
    z,
    rows,
    timing: { medianIntervalMs: medIv * 1000, maxGapMs: maxGap * 1000, resampled: !(uniform && !options.sampleRateHz) },
    warnings,
  };
}
