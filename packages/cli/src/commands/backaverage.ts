/**
 * `myotrace backaverage FILE --trigger EMG --eeg C3,C4`: jerk-locked back-averaging of EEG to
 * EMG burst onsets, with a surrogate significance test (seeded) and an optional SVG.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type BackAverageResult,
  type BackAverageSettings,
  type BurstResult,
  backAverage,
  backAverageSvg,
  detectBursts,
  eegEmgSimulationToEdf,
  simulateEegEmg,
} from '@myotrace/detect';
import { openEdfFile } from '@myotrace/edf/node';
import type { CodedWarning } from '@myotrace/errors';
import { type Command, Option } from 'commander';
import { type CliIO, UsageError } from '../io.js';
import { VERSION } from '../version.js';
import { readUv, resolveChannels } from './bursts.js';
import type { SimulateKind } from './simulate.js';

function parseWindow(spec: string): [number, number] {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*:\s*(-?\d+(?:\.\d+)?)\s*$/.exec(spec);
  if (!m)
    throw new UsageError('CLI_BAD_WINDOW', `--window expects FROM:TO in ms, for example -300:300 (got "${spec}")`);
  const w: [number, number] = [Number(m[1]), Number(m[2])];
  if (!(w[0] < 0 && w[1] > w[0]))
    throw new UsageError('CLI_BAD_WINDOW', '--window must start before the jerk (negative FROM) and end after FROM');
  return w;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      throw new UsageError('CLI_BAD_NUMBER', `${name} expects a whole number, got "${v}"`);
    return n;
  };
}

export function register(program: Command, io: CliIO): void {
  program
    .command('backaverage')
    .description(
      'jerk-locked back-averaging of EEG to EMG burst onsets, with a surrogate test (informational, not diagnostic)',
    )
    .argument('<file>', 'EDF, EDF+ or BDF recording with EEG and EMG channels')
    .requiredOption('--trigger <label>', 'EMG channel whose burst onsets are the triggers')
    .requiredOption('--eeg <labels>', 'EEG channels to average, comma-separated')
    .option('--window <from:to>', 'epoch in ms around the onset (default -300:300; -2000:500 with --bp)')
    .option('--bp', 'Bereitschaftspotential mode: -2000..+500 ms, DC, 10 Hz low-pass')
    .option('--surrogates <n>', 'number of surrogate averages', positiveInt('--surrogates'))
    .option('--seed <n>', 'seed of the surrogate trigger times', positiveInt('--seed'))
    .addOption(new Option('--reject <uV>', 'artefact limit in µV').argParser((v) => Number(v)))
    .option('--json', 'print the result as JSON')
    .option('--svg <file>', 'write the averages as SVG')
    .action(
      async (
        file: string,
        opts: {
          trigger: string;
          eeg: string;
          window?: string;
          bp?: boolean;
          surrogates?: number;
          seed?: number;
          reject?: number;
          json?: boolean;
          svg?: string;
        },
      ) => {
        const settings: Partial<BackAverageSettings> = { mode: opts.bp ? 'bereitschaftspotential' : 'standard' };
        if (opts.window) {
          const w = parseWindow(opts.window);
          settings.windowMs = w;
          // baseline: the first 100 ms (first 500 ms in BP mode) of the window; search up to 0 ms
          const baseLen = opts.bp ? 500 : Math.min(100, (0 - w[0]) / 3);
          settings.baselineMs = [w[0], w[0] + baseLen];
          settings.searchMs = [Math.max(w[0] + baseLen, opts.bp ? -1500 : -100), 0];
        }
        if (opts.surrogates !== undefined) settings.surrogates = opts.surrogates;
        if (opts.seed !== undefined) settings.seed = opts.seed;
        if (opts.reject !== undefined) {
          if (!(opts.reject > 0)) throw new UsageError('CLI_BAD_NUMBER', '--reject expects a positive number of µV');
          settings.rejectUv = opts.reject;
        }
        const reader = await openEdfFile(file);
        const warnings: CodedWarning[] = [...reader.warnings];
        let result: BackAverageResult;
        let bursts: BurstResult;
        try {
          const [trig] = resolveChannels(reader, opts.trigger, '--trigger');
          const eegIdx = resolveChannels(reader, opts.eeg, '--eeg');
          const emg = await readUv(reader, trig, warnings);
          bursts = detectBursts(emg.samples, emg.sampleRateHz, {}, emg.label);
          warnings.push(...bursts.warnings);
          const eeg = [];
          for (const i of eegIdx) eeg.push(await readUv(reader, i, warnings));
          result = backAverage(
            eeg.map((e) => ({ label: e.label, samplesUv: e.samples, sampleRateHz: e.sampleRateHz })),
            bursts.bursts.map((b) => b.onsetSec),
            settings,
          );
          warnings.push(...result.warnings);
        } finally {
          await reader.close();
        }
        if (opts.svg) await writeFile(opts.svg, backAverageSvg(result));
        const out = {
          tool: { name: 'myotrace', version: VERSION },
          file: basename(file),
          trigger: { channel: bursts.label, bursts: bursts.bursts.length, burstSettings: bursts.settings },
          mode: result.mode,
          sampleRateHz: result.sampleRateHz,
          nTriggers: result.nTriggers,
          nUsed: result.nUsed,
          nRejectedArtefact: result.nRejectedArtefact,
          nOutOfRange: result.nOutOfRange,
          timesMs: result.timesMs,
          channels: result.channels.map((c) => ({
            label: c.label,
            deflection: c.deflection,
            pValue: c.pValue,
            averageUv: c.averageUv.map((v) => Math.round(v * 1000) / 1000),
          })),
          significance: result.significance,
          statement: result.statement,
          settings: result.settings,
          filters: result.filters,
          warnings,
        };
        if (opts.json) {
          io.stdout(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        const lines = [
          `${basename(file)}: jerk-locked back-average (${result.mode}), trigger ${bursts.label}`,
          `  jerks: ${result.nTriggers} detected, ${result.nUsed} used, ${result.nRejectedArtefact} rejected as artefact, ${result.nOutOfRange} too close to the edges`,
          ...result.channels.map(
            (c) =>
              `  ${c.label}: largest pre-jerk deflection ${c.deflection.amplitudeUv.toFixed(2)} µV at ${c.deflection.latencyMs.toFixed(0)} ms (p = ${c.pValue.toFixed(3)})`,
          ),
          `  ${result.statement}`,
          ...warnings.map((w) => `warning ${w.code}: ${w.message}`),
        ];
        io.stdout(`${lines.join('\n')}\n`);
      },
    );
}

/** `myotrace simulate --kind eeg-emg`: C3, C4 and an EMG channel at 1 kHz; a 5 µV wave 20 ms before each jerk on C3. */
export const eegEmgSimulateKind: SimulateKind = {
  description:
    'EEG (C3, C4; 20 µV RMS noise) + EMG at 1 kHz with a 5 µV pre-jerk potential at −20 ms on C3 (--profile none: no potential); at most 1 hour',
  run(o) {
    const profile = o.profile ?? 'potential';
    if (profile !== 'potential' && profile !== 'none')
      throw new UsageError(
        'CLI_BAD_PROFILE',
        `--profile for --kind eeg-emg must be potential or none (got "${profile}")`,
      );
    if (!(o.hours > 0 && o.hours <= 1))
      throw new UsageError(
        'CLI_BAD_NUMBER',
        `--kind eeg-emg: give --hours up to 1 (for example --hours 0.1), got ${o.hours}`,
      );
    const durationSec = Math.max(60, Math.round(o.hours * 3600));
    const sim = simulateEegEmg({
      seed: o.seed,
      sampleRateHz: o.rateHz >= 1000 ? o.rateHz : 1000,
      jerkCount: Math.max(10, Math.floor((durationSec - 5) / 2.05)),
      potentialUv: profile === 'none' ? 0 : 5,
    });
    const truth = { kind: 'eeg-emg', options: sim.options, ...sim.truth };
    const p = sim.truth.potential;
    return {
      name: `eeg-emg-${profile}-seed${o.seed}`,
      files: [
        { suffix: '.edf', data: eegEmgSimulationToEdf(sim) },
        { suffix: '.truth.json', data: `${JSON.stringify(truth, null, 2)}\n` },
      ],
      summary: `${sim.truth.jerkOnsetsSec.length} jerks; ${p ? `${p.amplitudeUv} µV potential at ${p.latencyMs} ms on ${p.channels.join(', ')}` : 'no pre-jerk potential'}`,
    };
  },
};
