import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  imiHistogram,
  parseSleepFile,
  type PlmSettingsOverrides,
  plmSettings,
  plmsFinding,
  type ScoreResult,
  type ScoringStandard,
  scoreRecording,
  scoreToAnnotations,
  scoreToCsv,
} from '@myotrace/detect';
import { writeAnnotationEdf } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { type CliIO, UsageError } from '../io.js';
import { VERSION } from '../version.js';

interface ScoreCliOptions {
  json?: boolean;
  format?: 'text' | 'json' | 'csv' | 'edf';
  output?: string;
  standard: ScoringStandard;
  left?: string;
  right?: string;
  hypnogram?: string;
  events?: string;
  child?: boolean;
  unit?: string;
  rule: string[];
}

const STANDARD_NAME: Record<ScoringStandard, string> = { wasm2016: 'WASM/IRLSSG 2016', aasm: 'AASM' };

export function register(program: Command, io: CliIO): void {
  program
    .command('score')
    .description('score leg movements and periodic limb movements (WASM/IRLSSG 2016 or AASM) in an EDF/BDF recording')
    .argument('<file>', 'EDF, EDF+ or BDF recording with leg EMG channels')
    .option('--json', 'print the score contract as JSON (same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv', 'edf']))
    .option('-o, --output <file>', 'write the output to a file (required for --format edf)')
    .addOption(new Option('--standard <standard>', 'scoring rules').choices(['wasm2016', 'aasm']).default('wasm2016'))
    .option('--left <label>', 'left leg channel (label or 0-based index)')
    .option('--right <label>', 'right leg channel (label or 0-based index)')
    .option('--hypnogram <file>', 'sleep stages: annotation-only EDF+ (Sleep-EDF style), NSRR XML or CSV of epochs')
    .option('--events <file>', 'respiratory events and arousals: annotation-only EDF+, NSRR XML or CSV')
    .option('--child', 'state the PLMS finding against the paediatric ICSD-3 threshold (> 5/h)')
    .option('--unit <unit>', 'unit of the leg channels when the header is wrong or blank (uV, mV, V)')
    .option(
      '--rule <key=value>',
      'change one rule setting, e.g. series.shortImiStartsSeries=false, series.maxImiInclusive=false, periodicityIndex=ferri2006 (repeatable; see docs/scoring.md)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .action(async (file: string, opts: ScoreCliOptions) => {
      const format = resolveFormat(opts);
      if (format === 'edf' && !opts.output) {
        throw new UsageError('CLI_OUTPUT_REQUIRED', '--format edf writes a binary file: give it a name with -o FILE');
      }
      const rules = parseRuleOptions(opts.rule, opts.standard);
      const hypnogram = opts.hypnogram ? await parseSleepFile(await readFile(opts.hypnogram), basename(opts.hypnogram)) : undefined;
      const events = opts.events ? await parseSleepFile(await readFile(opts.events), basename(opts.events)) : undefined;
      const reader = await openEdfFile(file);
      const bar = io.isTTY && process.stderr.isTTY ? new SingleBar({ format: 'scoring [{bar}] {percentage}% {phase}', stream: process.stderr, hideCursor: true, clearOnComplete: true }) : null;
      let result: ScoreResult;
      try {
        bar?.start(100, 0, { phase: 'reading' });
        result = await scoreRecording(reader, {
          standard: opts.standard,
          rules,
          child: opts.child === true,
          left: opts.left,
          right: opts.right,
          unit: opts.unit,
          hypnogram,
          events,
          file: basename(file),
          tool: { name: 'myotrace', version: VERSION },
          onProgress: (f, phase) => bar?.update(Math.round(f * 100), { phase: phase === 'read' ? 'reading' : phase === 'detect' ? 'detecting' : 'rules' }),
        });
      } finally {
        bar?.stop();
        await reader.close();
      }
      await emit(result, format, opts, io);
    });
}

/**
 * `--rule path=value` pairs as PLM settings overrides. Values are JSON (true, false, numbers, null)
 * or bare strings; the path must name an existing setting of the chosen standard.
 */
export function parseRuleOptions(pairs: readonly string[], standard: ScoringStandard): PlmSettingsOverrides {
  const defaults = plmSettings(standard) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError('CLI_BAD_RULE', `--rule expects key=value, got "${pair}"`);
    const path = pair.slice(0, eq).trim().split('.');
    const raw = pair.slice(eq + 1).trim();
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a bare word such as ferri2006 stays a string
    }
    const top = path[0];
    if (path.length === 1 && top in defaults && (typeof defaults[top] !== 'object' || defaults[top] === null)) {
      if (top === 'standard') throw new UsageError('CLI_BAD_RULE', 'use --standard to choose the standard');
      out[top] = value;
    } else if (
      path.length === 2 &&
      typeof defaults[top] === 'object' &&
      defaults[top] !== null &&
      path[1] in (defaults[top] as Record<string, unknown>)
    ) {
      out[top] = { ...(out[top] as Record<string, unknown> | undefined), [path[1]]: value };
    } else {
      throw new UsageError('CLI_BAD_RULE', `--rule ${pair.slice(0, eq)}: no such rule setting (see docs/scoring.md)`);
    }
  }
  return out as PlmSettingsOverrides;
}

function resolveFormat(opts: ScoreCliOptions): 'text' | 'json' | 'csv' | 'edf' {
  if (opts.json && opts.format && opts.format !== 'json') {
    throw new UsageError('CLI_CONFLICTING_OPTIONS', `--json and --format ${opts.format} ask for two different outputs: choose one`);
  }
  return opts.json ? 'json' : opts.format ?? 'text';
}

async function emit(result: ScoreResult, format: 'text' | 'json' | 'csv' | 'edf', opts: ScoreCliOptions, io: CliIO): Promise<void> {
  if (format === 'edf') {
    if (result.recording.startTime === null) {
      io.stderr('note: the recording has no valid start date; the annotation file uses 1985-01-01 00:00:00 and onsets relative to it\n');
    }
    const bytes = writeAnnotationEdf({
      startTime: result.recording.startTime ?? '1985-01-01T00:00:00.000',
      recording: { equipment: `myotrace ${result.tool.version}`, additional: `scored ${result.standard}` },
      annotations: scoreToAnnotations(result),
    });
    await writeFile(opts.output as string, bytes);
    io.stderr(`wrote ${result.legMovements.length} leg movements and ${result.plmSeries.length} PLM series to ${opts.output}\n`);
    return;
  }
  const text = format === 'json' ? `${JSON.stringify(result)}\n` : format === 'csv' ? scoreToCsv(result) : scoreSummary(result);
  if (opts.output) {
    await writeFile(opts.output, text);
    if (format === 'text') io.stdout(text);
  } else io.stdout(text);
}

const fmt = (x: number | null, digits = 1): string => (x === null ? 'n/a' : x.toFixed(digits));

/** The human summary printed by default. */
export function scoreSummary(r: ScoreResult): string {
  const lms = r.legMovements;
  const h = Math.floor(r.recording.durationSec / 3600);
  const m = Math.round((r.recording.durationSec - h * 3600) / 60);
  const sleepFrom =
    r.sleep.source === 'none' ? 'no staging (whole recording counted as sleep)' : r.sleep.source === 'hypnogram' ? 'from the hypnogram file' : "from the recording's annotations";
  const lines = [
    `${r.recording.file || '(recording)'}: leg movements scored by ${STANDARD_NAME[r.standard]} (${r.tool.name} ${r.tool.version})`,
    `  recording   ${h} h ${String(m).padStart(2, '0')} min${r.recording.startTime ? `, start ${r.recording.startTime.replace('T', ' ')}` : ''}`,
    `  channels    left ${r.channels.left ?? '-'}, right ${r.channels.right ?? '-'} (${r.channels.unit ?? 'unit unknown'})`,
    `  sleep       ${sleepFrom}: sleep ${fmt(r.sleep.tstMin)} min, wake ${fmt(r.sleep.wakeMin)} min`,
    `  movements   ${lms.length} LM, ${lms.filter((x) => x.candidate).length} CLM, ${lms.filter((x) => x.periodic).length} periodic in ${r.plmSeries.length} series, ${lms.filter((x) => x.respiratory).length} respiratory-related, ${lms.filter((x) => x.arousal).length} with arousal`,
    '',
    '  index                          value',
    `  LM index (/h sleep)            ${fmt(r.indices.lmIndex)}`,
    `  CLM index (/h sleep)           ${fmt(r.indices.clmIndex)}`,
    `  PLMS index (/h sleep)          ${fmt(r.indices.plmsIndex)}`,
    `  PLMS-nr index (/h sleep)       ${fmt(r.indices.plmsNrIndex)}`,
    `  PLMS-arousal index (/h sleep)  ${fmt(r.indices.plmsArousalIndex)}`,
    `  PLMW index (/h wake)           ${fmt(r.indices.plmwIndex)}`,
    `  periodicity index              ${fmt(r.indices.periodicityIndex, 2)}`,
  ];
  const hist = imiHistogram(lms, r.sleep.source, { binSec: 10, maxSec: 90 });
  const total = hist.counts.reduce((a, b) => a + b, 0) + hist.overflow;
  if (total > 0) {
    const peak = Math.max(...hist.counts, hist.overflow, 1);
    const bar = (n: number): string => '#'.repeat(Math.round((n / peak) * 30));
    lines.push('', '  IMI between consecutive CLMs in sleep (s)');
    hist.counts.forEach((n, i) => {
      const lo = hist.edgesSec[i];
      lines.push(`  ${`${lo}-${lo + hist.binSec}`.padStart(6)}  ${String(n).padStart(5)}  ${bar(n)}`);
    });
    lines.push(`  ${'>90'.padStart(6)}  ${String(hist.overflow).padStart(5)}  ${bar(hist.overflow)}`);
  }
  const finding = plmsFinding(r.indices.plmsIndex, r.settings.rules);
  lines.push('', `  finding     ${finding.text}`);
  if (r.warnings.length > 0) {
    lines.push('', '  warnings');
    for (const w of r.warnings) lines.push(`  - ${w.code}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
