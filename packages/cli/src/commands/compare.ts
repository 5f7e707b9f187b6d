import { readFile } from 'node:fs/promises';
import { compareScores, type EventMetrics, INDEX_KEYS, parseScoreResult, type ScoreComparison, type ScoreResult } from '@myotrace/detect';
import { MyoTraceError } from '@myotrace/errors';
import type { Command } from 'commander';
import { type CliIO, UsageError } from '../io.js';

async function readScore(path: string, what: string): Promise<ScoreResult> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new MyoTraceError('DETECT_SCORE_JSON_BAD', `${what} is not JSON: ${(err as Error).message}`, {
      hint: 'Pass files written by `myotrace score --json` (or `myotrace simulate` ground truth).',
    });
  }
  return parseScoreResult(value, what);
}

export function register(program: Command, io: CliIO): void {
  program
    .command('compare')
    .description('compare a scored night with a reference score: event agreement (LM, CLM, PLM) and index errors')
    .argument('<ref>', 'reference score JSON (expert scoring or simulator ground truth)')
    .argument('<test>', 'score JSON to evaluate')
    .option('--json', 'print the comparison as JSON')
    .option('--tolerance <sec>', 'largest onset difference for two LMs to match (s)', '1')
    .action(async (refPath: string, testPath: string, opts: { json?: boolean; tolerance: string }) => {
      const toleranceSec = Number(opts.tolerance);
      if (!(Number.isFinite(toleranceSec) && toleranceSec >= 0)) {
        throw new UsageError('CLI_BAD_TOLERANCE', `--tolerance must be a number of seconds >= 0, got "${opts.tolerance}"`);
      }
      const ref = await readScore(refPath, 'reference');
      const test = await readScore(testPath, 'test');
      const c = compareScores(ref, test, { toleranceSec });
      io.stdout(opts.json ? `${JSON.stringify(c)}\n` : compareText(c));
    });
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const num = (x: number | null, d = 2): string => (x === null ? 'n/a' : x.toFixed(d));

export function compareText(c: ScoreComparison): string {
  const row = (name: string, m: EventMetrics): string =>
    `  ${name.padEnd(10)} ${String(m.ref).padStart(6)} ${String(m.test).padStart(6)} ${String(m.tp).padStart(6)} ${String(m.fp).padStart(6)} ${String(m.fn).padStart(6)}  ${pct(m.precision).padStart(7)} ${pct(m.recall).padStart(7)} ${pct(m.f1).padStart(7)}`;
  const lines = [
    `event agreement (onsets within ${c.toleranceSec} s)`,
    `  ${'events'.padEnd(10)} ${'ref'.padStart(6)} ${'test'.padStart(6)} ${'tp'.padStart(6)} ${'fp'.padStart(6)} ${'fn'.padStart(6)}  ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}`,
    row('LM', c.lm),
    row('CLM', c.clm),
    row('periodic', c.periodic),
    '',
    `  ${'index'.padEnd(18)} ${'ref'.padStart(8)} ${'test'.padStart(8)} ${'error'.padStart(8)}`,
    ...INDEX_KEYS.map((k) => `  ${k.padEnd(18)} ${num(c.indices[k].ref).padStart(8)} ${num(c.indices[k].test).padStart(8)} ${num(c.indices[k].error).padStart(8)}`),
    `  ${'tstMin'.padEnd(18)} ${num(c.tstMin.ref, 1).padStart(8)} ${num(c.tstMin.test, 1).padStart(8)} ${num(c.tstMin.error, 1).padStart(8)}`,
    `  ${'PLM series'.padEnd(18)} ${num(c.plmSeriesCount.ref, 0).padStart(8)} ${num(c.plmSeriesCount.test, 0).padStart(8)} ${num(c.plmSeriesCount.error, 0).padStart(8)}`,
  ];
  if (c.warnings.length > 0) {
    lines.push('', '  warnings');
    for (const w of c.warnings) lines.push(`  - ${w.code}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
