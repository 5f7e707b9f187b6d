import type { EdfReader, EdfSignalInfo } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';
import { MyoTraceError } from '@myotrace/errors';
import type { Command } from 'commander';
import { type CliIO, UsageError } from '../io.js';

export interface ExportOptions {
  format: 'csv' | 'json';
  signals?: string[];
  fromSec?: number;
  toSec?: number;
  long?: boolean;
}

/** Picks signals by label (the unique label first, then the label as stored). */
export function selectSignals(reader: EdfReader, names: string[] | undefined): EdfSignalInfo[] {
  if (!names) return reader.signals;
  return names.map((name) => {
    const hit = reader.signals.find((s) => s.label === name) ?? reader.signals.find((s) => s.originalLabel === name);
    if (!hit) {
      throw new UsageError(
        'EXPORT_UNKNOWN_SIGNAL',
        `no signal labelled "${name}"; labels are: ${reader.signals.map((s) => s.label).join(', ')}`,
      );
    }
    return hit;
  });
}

/** Writes text in ~1 MB pieces so a whole-file export never holds more than one block in memory. */
class Sink {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly io: CliIO) {}
  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) this.io.stdout(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

function timeText(t: number): string {
  return String(Number(t.toFixed(9)));
}

/** Enough decimals to show one digital step of the signal, without float noise. */
function valueFormatter(sig: EdfSignalInfo): (v: number) => string {
  const step = Math.abs(sig.gain) || 1;
  const dec = Math.max(0, Math.min(12, Math.ceil(-Math.log10(step)) + 3));
  return (v) => {
    const s = v.toFixed(dec);
    return s.includes('.') ? String(Number(s)) : s === '-0' ? '0' : s;
  };
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Records that can hold samples in [fromSec, toSec). */
function recordWindow(reader: EdfReader, fromSec: number, toSec: number): [number, number] {
  const on = reader.recordOnsetsSec;
  const dur = reader.header.recordDurationSec;
  let r0 = 0;
  while (r0 < on.length && on[r0] + dur <= fromSec && dur > 0) r0++;
  let r1 = on.length;
  while (r1 > r0 && on[r1 - 1] >= toSec) r1--;
  return [r0, r1];
}

/** First sample index on the signal's time axis for record r (real times in EDF+D). */
function recordSampleStart(reader: EdfReader, sig: EdfSignalInfo, r: number): number {
  return sig.sampleRate > 0 ? Math.round(reader.recordOnsetsSec[r] * sig.sampleRate) : r * sig.samplesPerRecord;
}

export async function exportSignals(reader: EdfReader, opts: ExportOptions, io: CliIO): Promise<void> {
  const sigs = selectSignals(reader, opts.signals);
  if (sigs.length === 0) {
    throw new MyoTraceError('EDF_NO_SIGNALS', 'the file has no ordinary signals to export (annotation-only file)', {
      hint: 'Use `myotrace inspect --json` to read its annotations.',
    });
  }
  const fromSec = opts.fromSec ?? 0;
  const toSec = opts.toSec ?? Number.POSITIVE_INFINITY;
  if (sigs.some((s) => s.sampleRate === 0)) {
    throw new MyoTraceError(
      'EDF_NO_TIME_AXIS',
      'a selected signal has no sample rate (record duration 0); it cannot be exported on a time axis',
    );
  }
  const sink = new Sink(io);
  const [r0, r1] = recordWindow(reader, fromSec, toSec);
  const bounds = sigs.map((s) => [
    Math.max(0, Math.ceil(fromSec * s.sampleRate - 1e-9)),
    Number.isFinite(toSec) ? Math.ceil(toSec * s.sampleRate - 1e-9) : Number.POSITIVE_INFINITY,
  ]);
  const fmts = sigs.map(valueFormatter);

  if (opts.format === 'json') {
    sink.push(`{"fromSec":${fromSec},"toSec":${Number.isFinite(toSec) ? toSec : 'null'},"signals":[`);
    for (let k = 0; k < sigs.length; k++) {
      const s = sigs[k];
      const [i0, i1] = bounds[k];
      sink.push(
        `${k ? ',' : ''}{"label":${JSON.stringify(s.label)},"physicalDimension":${JSON.stringify(s.physicalDimension)},"unit":${JSON.stringify(s.unit)},"sampleRate":${s.sampleRate},"startSec":${timeText(i0 / s.sampleRate)},"values":[`,
      );
      let next = i0;
      let first = true;
      for await (const block of reader.records({ signals: [s.index], fromRecord: r0, toRecord: r1 })) {
        const d = block.data[0];
        let text = '';
        for (let r = 0; r < block.recordCount; r++) {
          const g = recordSampleStart(reader, s, block.firstRecord + r);
          // gap samples (EDF+D) are null so positions stay on the time grid
          while (next < g && next < i1) {
            text += first ? 'null' : ',null';
            first = false;
            next++;
          }
          for (let j = 0; j < s.samplesPerRecord; j++) {
            const idx = g + j;
            if (idx < next || idx >= i1) continue;
            text += (first ? '' : ',') + fmts[k](d[r * s.samplesPerRecord + j]);
            first = false;
            next = idx + 1;
          }
        }
        sink.push(text);
      }
      sink.push(']}');
    }
    sink.push(']}\n');
    sink.flush();
    return;
  }

  const rates = new Set(sigs.map((s) => s.sampleRate));
  if (!opts.long && rates.size > 1) {
    throw new UsageError(
      'EXPORT_MIXED_RATES',
      `the selected signals have different sample rates (${[...rates].join(', ')} Hz); use --long for time,signal,value rows or select signals of one rate with --signals`,
    );
  }
  if (!opts.long) {
    sink.push(`time,${sigs.map((s) => csvCell(s.label)).join(',')}\n`);
    const spr = sigs[0].samplesPerRecord;
    const rate = sigs[0].sampleRate;
    const [i0, i1] = bounds[0];
    for await (const block of reader.records({ signals: sigs.map((s) => s.index), fromRecord: r0, toRecord: r1 })) {
      let text = '';
      for (let r = 0; r < block.recordCount; r++) {
        const g = recordSampleStart(reader, sigs[0], block.firstRecord + r);
        for (let j = 0; j < spr; j++) {
          const idx = g + j;
          if (idx < i0 || idx >= i1) continue;
          text += timeText(idx / rate);
          for (let k = 0; k < sigs.length; k++) text += `,${fmts[k](block.data[k][r * spr + j])}`;
          text += '\n';
        }
      }
      sink.push(text);
    }
    sink.flush();
    return;
  }

  sink.push('time,signal,value\n');
  const labels = sigs.map((s) => csvCell(s.label));
  for await (const block of reader.records({ signals: sigs.map((s) => s.index), fromRecord: r0, toRecord: r1 })) {
    let text = '';
    for (let r = 0; r < block.recordCount; r++) {
      // rows of one record, ordered by time and then by signal order
      const rows: { t: number; k: number; v: number }[] = [];
      for (let k = 0; k < sigs.length; k++) {
        const s = sigs[k];
        const g = recordSampleStart(reader, s, block.firstRecord + r);
        const [i0, i1] = bounds[k];
        for (let j = 0; j < s.samplesPerRecord; j++) {
          const idx = g + j;
          if (idx >= i0 && idx < i1)
            rows.push({ t: idx / s.sampleRate, k, v: block.data[k][r * s.samplesPerRecord + j] });
        }
      }
      rows.sort((a, b) => a.t - b.t || a.k - b.k);
      for (const row of rows) text += `${timeText(row.t)},${labels[row.k]},${fmts[row.k](row.v)}\n`;
    }
    sink.push(text);
  }
  sink.flush();
}

function seconds(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < 0)
    throw new UsageError('EXPORT_BAD_OPTION', `${name} must be a number of seconds >= 0, got "${v}"`);
  return x;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('export')
    .description('export signal samples (physical units) as CSV or JSON, streamed record by record')
    .argument('<file>', 'EDF, EDF+ or BDF file')
    .requiredOption('--format <format>', 'csv or json')
    .option('--signals <labels>', 'comma-separated signal labels (default: all)')
    .option('--from <sec>', 'start, seconds from the first sample (inclusive)')
    .option('--to <sec>', 'end, seconds from the first sample (exclusive)')
    .option('--long', 'CSV rows time,signal,value (needed for signals of different rates)')
    .action(
      async (file: string, o: { format: string; signals?: string; from?: string; to?: string; long?: boolean }) => {
        if (o.format !== 'csv' && o.format !== 'json')
          throw new UsageError('EXPORT_BAD_OPTION', `--format must be csv or json, got "${o.format}"`);
        const fromSec = seconds('--from', o.from);
        const toSec = seconds('--to', o.to);
        if (fromSec !== undefined && toSec !== undefined && toSec < fromSec)
          throw new UsageError('EXPORT_BAD_OPTION', '--to must not be before --from');
        const names =
          o.signals === undefined
            ? undefined
            : o.signals
                .split(',')
                .map((s) => s.trim())
                .filter((s) => s !== '');
        const reader = await openEdfFile(file);
        try {
          await exportSignals(reader, { format: o.format, signals: names, fromSec, toSec, long: o.long === true }, io);
        } finally {
          await reader.close();
        }
      },
    );
}
