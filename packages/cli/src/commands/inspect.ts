import type { EdfReader } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

/** The `inspect --json` contract (issue 2): stable keys, ordinary signals only, onsets from the first sample. */
export function inspectJson(reader: EdfReader): Record<string, unknown> {
  const h = reader.header;
  return {
    format: h.format,
    startTime: h.startTime,
    durationSec: h.durationSec,
    recordCount: h.recordCount,
    recordDurationSec: h.recordDurationSec,
    patient: h.patient,
    recording: h.recording,
    signals: reader.signals.map((s) => ({
      label: s.label,
      transducer: s.transducer,
      physicalDimension: s.physicalDimension,
      physicalMin: s.physicalMin,
      physicalMax: s.physicalMax,
      digitalMin: s.digitalMin,
      digitalMax: s.digitalMax,
      prefilter: s.prefilter,
      samplesPerRecord: s.samplesPerRecord,
      sampleRate: s.sampleRate,
      sampleCount: s.sampleCount,
    })),
    annotations: reader.annotations.map((a) => ({ onset: a.onset, duration: a.duration, text: a.text })),
    warnings: reader.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(8)));
}

/** Text control characters (line feeds in annotations) shown escaped so the table stays one line per row. */
function oneLine(s: string): string {
  return s.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

export function inspectText(reader: EdfReader, file: string): string {
  const h = reader.header;
  const lines: string[] = [];
  lines.push(`${file}`);
  lines.push(
    table([
      ['format', h.format],
      ['start', h.startTime ?? '(invalid date in header)'],
      ['duration', `${num(h.durationSec)} s (${h.recordCount} records of ${num(h.recordDurationSec)} s)`],
      ['signals', String(reader.signals.length)],
      ['annotations', String(reader.annotations.length)],
      ...(h.format === 'EDF+D' || h.format === 'BDF+D' ? [['gaps', String(reader.gaps.length)]] : []),
    ]),
  );
  lines.push('');
  if (reader.signals.length > 0) {
    lines.push(
      table([
        ['#', 'label', 'unit', 'rate Hz', 'samples', 'physical range', 'digital range', 'prefilter'],
        ...reader.signals.map((s) => [
          String(s.index),
          s.label,
          s.physicalDimension,
          num(s.sampleRate),
          String(s.sampleCount),
          `${num(s.physicalMin)} .. ${num(s.physicalMax)}`,
          `${s.digitalMin} .. ${s.digitalMax}`,
          s.prefilter,
        ]),
      ]),
    );
    lines.push('');
  }
  if (reader.annotations.length > 0) {
    const shown = reader.annotations.slice(0, 50);
    lines.push(
      table([
        ['onset s', 'duration s', 'text'],
        ...shown.map((a) => [num(a.onset), a.duration === null ? '' : num(a.duration), oneLine(a.text)]),
      ]),
    );
    if (reader.annotations.length > shown.length)
      lines.push(`... ${reader.annotations.length - shown.length} more (use --json for all)`);
    lines.push('');
  }
  for (const w of reader.warnings) lines.push(`warning ${w.code}: ${w.message}`);
  return `${lines.join('\n').trimEnd()}\n`;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('inspect')
    .description('show the header, signals, annotations and repair warnings of an EDF/EDF+/BDF file')
    .argument('<file>', 'EDF, EDF+ or BDF file')
    .option('--json', 'print one JSON object (stable keys)')
    .option('--strict', 'refuse files that need any repair, and check every sample against its digital range')
    .action(async (file: string, opts: { json?: boolean; strict?: boolean }) => {
      const reader = await openEdfFile(file, { strict: opts.strict === true });
      try {
        if (opts.strict) {
          // strict mode also reads every sample once: out-of-range samples are only seen in the data
          for await (const block of reader.records()) void block;
        }
        io.stdout(opts.json ? `${JSON.stringify(inspectJson(reader))}\n` : inspectText(reader, file));
      } finally {
        await reader.close();
      }
    });
}
