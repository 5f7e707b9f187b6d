/**
 * `myotrace bursts FILE --channels A,B`: EMG bursts per channel (onset, duration, peak, area,
 * duration class "compatible with"), silent periods, rhythmicity, several-muscle timing and,
 * with a hypnogram, excessive fragmentary myoclonus. JSON: times in s from the first sample,
 * durations in ms, every setting used.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  analyseMuscles,
  assessFragmentaryMyoclonus,
  type BurstResult,
  burstDurationSvg,
  burstRhythm,
  detectBursts,
  detectSilentPeriods,
  emgSimulationToEdf,
  parseSleepFile,
  resolveSleepInputs,
  type SilentPeriodResult,
  type SimBurstKind,
  simulateEmg,
} from '@myotrace/detect';
import type { EdfReader } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';
import type { CodedWarning } from '@myotrace/errors';
import type { Command } from 'commander';
import { type CliIO, UsageError } from '../io.js';
import { VERSION } from '../version.js';
import type { SimulateKind } from './simulate.js';

const UNIT_TO_UV: Record<string, number> = { uV: 1, mV: 1000, V: 1e6, nV: 1e-3 };

/** Resolves comma-separated labels (or 0-based indices) to signal indices; exit 2 when one is missing. */
export function resolveChannels(reader: EdfReader, spec: string, option: string): number[] {
  const wanted = spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (wanted.length === 0) throw new UsageError('CLI_NO_CHANNELS', `${option} needs at least one channel label`);
  return wanted.map((w) => {
    const exact = reader.signals.find((s) => s.label === w);
    const loose = exact ?? reader.signals.find((s) => s.label.toLowerCase() === w.toLowerCase());
    if (loose) return loose.index;
    if (/^\d+$/.test(w) && Number(w) < reader.signals.length) return Number(w);
    throw new UsageError(
      'CLI_CHANNEL_NOT_FOUND',
      `channel "${w}" (${option}) is not in the file; labels: ${reader.signals.map((s) => s.label).join(', ')}`,
    );
  });
}

/** Reads one signal in µV (the detectors' unit); unknown units are taken as µV with a warning. */
export async function readUv(
  reader: EdfReader,
  index: number,
  warnings: CodedWarning[],
): Promise<{ label: string; sampleRateHz: number; samples: Float32Array }> {
  const info = reader.signals[index];
  const raw = await reader.readSignal(index);
  const k = info.unit !== null ? UNIT_TO_UV[info.unit] : undefined;
  if (k === undefined)
    warnings.push({
      code: 'CLI_UNIT_ASSUMED_UV',
      message: `channel ${info.label}: unit "${info.physicalDimension}" not recognised; values taken as µV`,
    });
  if (k === undefined || k === 1) return { label: info.label, sampleRateHz: info.sampleRate, samples: raw };
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw[i] * k;
  return { label: info.label, sampleRateHz: info.sampleRate, samples: out };
}

function parseDistances(spec: string | undefined): Record<string, number> | null {
  if (!spec) return null;
  const out: Record<string, number> = {};
  for (const part of spec.split(',')) {
    const m = /^\s*([^=]+?)\s*=\s*(-?\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m)
      throw new UsageError(
        'CLI_BAD_DISTANCES',
        `--distances expects LABEL=CM pairs separated by commas, got "${part}"`,
      );
    out[m[1]] = Number(m[2]);
  }
  return out;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r2 = (x: number) => Math.round(x * 100) / 100;

function burstJson(b: BurstResult, silent: SilentPeriodResult) {
  const rhythm = burstRhythm(b.bursts.map((x) => x.onsetSec));
  return {
    label: b.label,
    sampleRateHz: b.sampleRateHz,
    durationSec: b.durationSec,
    bursts: b.bursts.map((x) => ({
      onsetSec: r3(x.onsetSec),
      offsetSec: r3(x.offsetSec),
      durationMs: r2(x.durationMs),
      peakUv: r2(x.peakUv),
      areaUvMs: r2(x.areaUvMs),
      baselineUv: r2(x.baselineUv),
      compatibleWith: x.compatibleWith,
      truncated: x.truncated,
    })),
    ratePerMin: r2(b.ratePerMin),
    durations: b.durations,
    silentPeriods: silent.silentPeriods.map((p) => ({
      onsetSec: r3(p.onsetSec),
      offsetSec: r3(p.offsetSec),
      durationMs: r2(p.durationMs),
      tonicUv: r2(p.tonicUv),
      depth: r3(p.depth),
      durationClass: p.durationClass,
    })),
    silentPeriodCounts: silent.counts,
    silentPeriodRatePerMin: r2(silent.ratePerMin),
    tonicSec: r2(silent.tonicSec),
    rhythm: {
      peakHz: rhythm.peakHz,
      pValue: rhythm.pValue,
      intervalCv: rhythm.intervalCv,
      rhythmic: rhythm.rhythmic,
      statement: rhythm.statement,
    },
    filter: b.filter,
  };
}

export function register(program: Command, io: CliIO): void {
  program
    .command('bursts')
    .description(
      'EMG burst analysis for myoclonus: burst durations and classes, silent periods, several-muscle timing (informational, not diagnostic)',
    )
    .argument('<file>', 'EDF, EDF+ or BDF recording with EMG channels (1 kHz or more recommended)')
    .requiredOption('--channels <labels>', 'EMG channels, comma-separated labels (or 0-based indices)')
    .option('--json', 'print the result as JSON')
    .option('--svg <file>', 'write a burst-duration histogram as SVG')
    .option(
      '--distances <pairs>',
      'distance of each muscle from a common reference, LABEL=CM,...: gives a propagation velocity',
    )
    .option(
      '--hypnogram <file>',
      'sleep stages (annotation-only EDF+, NSRR XML or CSV) for excessive fragmentary myoclonus',
    )
    .action(
      async (
        file: string,
        opts: { channels: string; json?: boolean; svg?: string; distances?: string; hypnogram?: string },
      ) => {
        const distances = parseDistances(opts.distances);
        const hypnogram = opts.hypnogram
          ? await parseSleepFile(await readFile(opts.hypnogram), basename(opts.hypnogram))
          : undefined;
        const reader = await openEdfFile(file);
        const warnings: CodedWarning[] = [...reader.warnings];
        const results: { bursts: BurstResult; silent: SilentPeriodResult }[] = [];
        let stages: { onsetSec: number; durationSec: number; stage: string | null }[] = [];
        try {
          const indices = resolveChannels(reader, opts.channels, '--channels');
          for (const index of indices) {
            const sig = await readUv(reader, index, warnings);
            const bursts = detectBursts(sig.samples, sig.sampleRateHz, {}, sig.label);
            const silent = detectSilentPeriods(sig.samples, sig.sampleRateHz, {}, sig.label);
            warnings.push(
              ...bursts.warnings.map((w) => ({ code: w.code, message: w.message })),
              ...silent.warnings.filter((w) => w.code !== 'DETECT_EMG_RATE_LOW'),
            );
            results.push({ bursts, silent });
          }
          if (hypnogram || reader.annotations.length > 0) {
            const sleep = resolveSleepInputs({
              recordingAnnotations: reader.annotations.map((a) => ({
                onsetSec: a.onset,
                durationSec: a.duration,
                text: a.text,
              })),
              recordingStartTime: reader.header.startTime,
              hypnogram,
            });
            stages = sleep.sleep.stages;
            if (hypnogram) warnings.push(...sleep.warnings);
          }
        } finally {
          await reader.close();
        }
        const multi =
          results.length >= 2
            ? analyseMuscles(
                results.map((r) => ({ label: r.bursts.label ?? '', bursts: r.bursts.bursts })),
                { distancesCm: distances },
              )
            : null;
        const efm =
          stages.length > 0
            ? assessFragmentaryMyoclonus(
                results.flatMap((r) => r.bursts.bursts),
                stages,
                reader.header.durationSec,
              )
            : null;
        if (opts.svg) await writeFile(opts.svg, burstDurationSvg(results.map((r) => r.bursts)));
        const out = {
          tool: { name: 'myotrace', version: VERSION },
          file: basename(file),
          durationSec: reader.header.durationSec,
          channels: results.map((r) => burstJson(r.bursts, r.silent)),
          multiMuscle: multi && {
            order: multi.order,
            channels: multi.channels,
            jerks: multi.events.length,
            propagation: multi.propagation,
            pairs: multi.pairs,
          },
          fragmentaryMyoclonus: efm,
          settings: {
            bursts: results[0]?.bursts.settings ?? null,
            silentPeriods: results[0]?.silent.settings ?? null,
            multiMuscle: multi?.settings ?? null,
            fragmentaryMyoclonus: efm?.settings ?? null,
          },
          notice: 'Informational measurements in the terms of published criteria; not a diagnosis.',
          warnings,
        };
        if (opts.json) {
          io.stdout(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        const lines: string[] = [`${basename(file)}: EMG bursts (informational, not a diagnosis)`];
        for (const c of out.channels) {
          const d = c.durations;
          lines.push('');
          lines.push(`${c.label}  ${c.sampleRateHz} Hz  ${c.bursts.length} bursts  ${c.ratePerMin} /min`);
          if (d.medianMs !== null) {
            lines.push(
              `  median duration ${d.medianMs.toFixed(1)} ms${d.medianCiMs ? ` (95% CI ${d.medianCiMs.lower.toFixed(1)}–${d.medianCiMs.upper.toFixed(1)})` : ''}`,
            );
            lines.push(`  ${d.statement}`);
          }
          lines.push(
            `  silent periods: ${c.silentPeriods.length} (short ${c.silentPeriodCounts.short}, intermediate ${c.silentPeriodCounts.intermediate}, long ${c.silentPeriodCounts.long}) in ${c.tonicSec} s of tonic EMG`,
          );
          lines.push(`  rhythm: ${c.rhythm.statement}`);
        }
        if (multi) {
          lines.push('');
          lines.push(
            `several muscles: ${multi.events.length} jerks seen on ≥ 2 channels; onset order ${multi.order.join(' → ')}`,
          );
          for (const ch of multi.channels)
            lines.push(
              `  ${ch.label}: median latency ${ch.medianLatencyMs === null ? '-' : `${ch.medianLatencyMs.toFixed(1)} ms`} (${ch.n} jerks, first in ${ch.firstCount})`,
            );
          if (multi.propagation)
            lines.push(
              `  propagation ${multi.propagation.velocityMPerS.toFixed(1)} m/s (r² ${multi.propagation.r2.toFixed(2)})`,
            );
          for (const p of multi.pairs)
            lines.push(`  ${p.a}/${p.b}: ${p.pattern} (overlap ${(100 * p.overlapFraction).toFixed(0)}%)`);
        }
        if (efm) lines.push('', `fragmentary myoclonus: ${efm.statement}`);
        for (const w of warnings) lines.push(`warning ${w.code}: ${w.message}`);
        io.stdout(`${lines.join('\n')}\n`);
      },
    );
}

/** `myotrace simulate --kind emg`: two muscles (8 ms apart) with bursts, tonic activity and silent periods. */
export const emgSimulateKind: SimulateKind = {
  description:
    'surface EMG at 2 kHz (or --rate ≥ 1000) with bursts (--profile cortical|subcortical|functional) and silent periods; at most 1 hour',
  run(o) {
    const burstKind = (o.profile ?? 'cortical') as SimBurstKind;
    if (!['cortical', 'subcortical', 'functional'].includes(burstKind)) {
      throw new UsageError(
        'CLI_BAD_PROFILE',
        `--profile for --kind emg must be cortical, subcortical or functional (got "${o.profile}")`,
      );
    }
    if (!(o.hours > 0 && o.hours <= 1))
      throw new UsageError(
        'CLI_BAD_NUMBER',
        `--kind emg writes 2 kHz EMG: give --hours up to 1 (for example --hours 0.1), got ${o.hours}`,
      );
    const durationSec = Math.max(30, Math.round(o.hours * 3600));
    const sim = simulateEmg({
      seed: o.seed,
      sampleRateHz: o.rateHz >= 1000 ? o.rateHz : 2000,
      durationSec,
      labels: ['EMG1', 'EMG2'],
      latenciesMs: [0, 8],
      burstKind,
      burstCount: Math.floor(durationSec / 5),
      // silences need tonic activity well above the 5 µV noise floor, and bursts must stand ~6× above the tonic envelope
      burstUv: [250, 400],
      tonicUv: 30,
      silentCount: Math.floor(durationSec / 10),
    });
    const truth = {
      kind: 'emg',
      options: sim.options,
      bursts: sim.truth.bursts,
      silentPeriods: sim.truth.silentPeriods,
    };
    return {
      name: `emg-${burstKind}-seed${o.seed}`,
      files: [
        { suffix: '.edf', data: emgSimulationToEdf(sim) },
        { suffix: '.truth.json', data: `${JSON.stringify(truth, null, 2)}\n` },
      ],
      summary: `${sim.truth.bursts.length} ${burstKind} bursts and ${sim.truth.silentPeriods.length} silent periods over 2 channels, ${durationSec} s at ${sim.options.sampleRateHz} Hz`,
    };
  },
};
