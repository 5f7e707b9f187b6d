import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type PsgProfileName, psgProfileNames, simulatePsg } from '@myotrace/detect';
import type { Command } from 'commander';
import { type CliIO, UsageError } from '../io.js';
import { accelSimulateKind } from './accel.js';
import { eegEmgSimulateKind } from './backaverage.js';
import { emgSimulateKind } from './bursts.js';

/** Options every simulator kind receives (each kind reads what applies to it). */
export interface SimulateOptions {
  seed: number;
  hours: number;
  profile: string | undefined;
  unit: 'uV' | 'mV';
  rateHz: number;
}

/** One generated file: `<name><suffix>` in the output folder. */
export interface SimulatedFile {
  suffix: string;
  data: Uint8Array | string;
}

/** A simulator the command can run; add one entry to `kinds` below for each. */
export interface SimulateKind {
  description: string;
  run(o: SimulateOptions): { name: string; files: SimulatedFile[]; summary: string };
}

const psg: SimulateKind = {
  description: `polysomnography night with leg EMG (profiles: ${psgProfileNames.join(', ')})`,
  run(o) {
    const profile = (o.profile ?? 'plmd-mild') as PsgProfileName;
    if (!psgProfileNames.includes(profile)) {
      throw new UsageError(
        'CLI_BAD_PROFILE',
        `--profile must be one of ${psgProfileNames.join(', ')} (got "${profile}")`,
      );
    }
    if (![200, 256, 500].includes(o.rateHz))
      throw new UsageError('CLI_BAD_RATE', `--rate must be 200, 256 or 500 for psg (got ${o.rateHz})`);
    const sim = simulatePsg({
      seed: o.seed,
      hours: o.hours,
      profile,
      unit: o.unit,
      sampleRateHz: o.rateHz as 200 | 256 | 500,
    });
    const t = sim.truth;
    const i = t.indices;
    const f = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(1));
    return {
      name: sim.name,
      files: [
        { suffix: '.edf', data: sim.edf },
        { suffix: '.truth.json', data: `${JSON.stringify(t, null, 2)}\n` },
      ],
      summary: `${t.legMovements.length} leg movements (${t.legMovements.filter((l) => l.periodic).length} periodic); TST ${t.sleep.tstMin.toFixed(1)} min; PLMS ${f(i.plmsIndex)}/h, PLMW ${f(i.plmwIndex)}/h, LM ${f(i.lmIndex)}/h`,
    };
  },
};

/** `--kind` dispatch table: one line per simulator. */
export const kinds: Record<string, SimulateKind> = {
  psg,
  emg: emgSimulateKind,
  'eeg-emg': eegEmgSimulateKind,
  accel: accelSimulateKind,
};

function number(name: string, v: string, integer: boolean): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new UsageError('CLI_BAD_NUMBER', `${name} expects ${integer ? 'a whole number' : 'a number'}, got "${v}"`);
  }
  return n;
}

interface SimulateCliOptions {
  output: string;
  seed: string;
  hours: string;
  profile?: string;
  unit: string;
  rate: string;
  kind: string;
  json?: boolean;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('simulate')
    .description('write a synthetic recording with its exact ground truth (EDF+ and <name>.truth.json)')
    .requiredOption('-o, --output <dir>', 'folder to write into (created if missing)')
    .option('--seed <n>', 'random seed (same seed, same files)', '1')
    .option('--hours <h>', 'length in hours', '8')
    .option('--profile <name>', `night profile for --kind psg: ${psgProfileNames.join(', ')}`)
    .option('--unit <unit>', 'physical unit of the EMG channels: uV or mV', 'uV')
    .option('--rate <hz>', 'EMG sample rate: 200, 256 or 500', '256')
    .option('--kind <kind>', `what to simulate: ${Object.keys(kinds).join(', ')}`, 'psg')
    .option('--json', 'print what was written as JSON')
    .action(async (opts: SimulateCliOptions) => {
      const kind = kinds[opts.kind];
      if (!kind)
        throw new UsageError(
          'CLI_BAD_KIND',
          `--kind must be one of ${Object.keys(kinds).join(', ')} (got "${opts.kind}")`,
        );
      if (opts.unit !== 'uV' && opts.unit !== 'mV')
        throw new UsageError('CLI_BAD_UNIT', `--unit must be uV or mV (got "${opts.unit}")`);
      const seed = number('--seed', opts.seed, true);
      const hours = number('--hours', opts.hours, false);
      const rateHz = number('--rate', opts.rate, true);
      const out = kind.run({ seed, hours, profile: opts.profile, unit: opts.unit, rateHz });
      await mkdir(opts.output, { recursive: true });
      const written: { path: string; bytes: number }[] = [];
      for (const f of out.files) {
        const path = join(opts.output, `${out.name}${f.suffix}`);
        await writeFile(path, f.data);
        written.push({ path, bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length });
      }
      if (opts.json)
        io.stdout(`${JSON.stringify({ kind: opts.kind, name: out.name, files: written, summary: out.summary })}\n`);
      else {
        for (const w of written) io.stdout(`wrote ${w.path} (${(w.bytes / 1e6).toFixed(1)} MB)\n`);
        io.stdout(`${out.summary}\n`);
      }
    });
}
