/**
 * `myotrace accel FILE.csv`: jerks from a phone or wearable accelerometer export, with counts per
 * minute and hour; `--night` adds the ankle leg-movement screening summary (PLM series rules).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type AccelUnit,
  accelNightSummary,
  accelSimulationToCsv,
  detectAccelJerks,
  parseAccelCsv,
  simulateAccel,
} from '@myotrace/detect';
import { type Command, Option } from 'commander';
import { type CliIO, UsageError } from '../io.js';
import { VERSION } from '../version.js';
import type { SimulateKind } from './simulate.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('accel')
    .description('jerks (and, with --night, a screening leg-movement summary) from an accelerometer CSV')
    .argument(
      '<file>',
      'CSV: time,x,y,z in g or m/s², or a phyphox, Sensor Logger, Physics Toolbox, ActiGraph or Axivity export',
    )
    .addOption(new Option('--unit <unit>', 'unit of a generic CSV whose header does not say').choices(['g', 'm/s2']))
    .option('--night', 'ankle-worn sensor: leg movements and PLM series (screening estimate)')
    .addOption(
      new Option('--standard <standard>', 'PLM rules for --night').choices(['wasm2016', 'aasm']).default('wasm2016'),
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        opts: { unit?: AccelUnit; night?: boolean; standard: 'wasm2016' | 'aasm'; json?: boolean },
      ) => {
        const text = await readFile(file, 'utf8');
        const rec = parseAccelCsv(text, opts.unit ? { unit: opts.unit } : {});
        const jerks = detectAccelJerks(rec);
        const night = opts.night ? accelNightSummary(rec, { standard: opts.standard }) : null;
        const r3 = (x: number) => Math.round(x * 1000) / 1000;
        const out = {
          tool: { name: 'myotrace', version: VERSION },
          file: basename(file),
          format: rec.format,
          sourceUnit: rec.sourceUnit,
          gravityIncluded: rec.gravityIncluded,
          sampleRateHz: rec.sampleRateHz,
          startTime: rec.startTime,
          rows: rec.rows,
          timing: rec.timing,
          durationSec: jerks.durationSec,
          jerks: {
            events: jerks.events.map((e) => ({
              onsetSec: r3(e.onsetSec),
              durationMs: Math.round(e.durationSec * 1000),
              peakJerkGPerS: r3(e.peakJerkGPerS),
              peakAccelG: r3(e.peakAccelG),
            })),
            count: jerks.events.length,
            ratePerMin: r3(jerks.ratePerMin),
            ratePerHour: r3(jerks.ratePerHour),
            countsPerMinute: jerks.countsPerMinute,
            thresholdGPerS: r3(jerks.thresholdGPerS),
          },
          night: night && {
            screening: true,
            label: night.label,
            legMovements: night.detection.events.map((e) => ({
              onsetSec: r3(e.onsetSec),
              durationSec: r3(e.durationSec),
            })),
            indices: night.score.indices,
            plmSeries: night.score.plmSeries,
            standard: night.score.standard,
            settings: night.score.settings,
          },
          settings: { jerks: jerks.settings, filter: jerks.filter },
          warnings: [...rec.warnings, ...jerks.warnings, ...(night ? night.score.warnings : [])],
        };
        if (opts.json) {
          io.stdout(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        const lines = [
          `${basename(file)}: ${rec.format} CSV, ${rec.sampleRateHz} Hz, ${jerks.durationSec.toFixed(1)} s`,
          `  jerks: ${jerks.events.length} (${jerks.ratePerMin.toFixed(2)} /min, ${jerks.ratePerHour.toFixed(1)} /h)`,
        ];
        if (night) {
          const i = night.score.indices;
          lines.push(
            `  night (screening): ${night.detection.events.length} leg movements, PLM index ${i.plmsIndex === null ? '-' : i.plmsIndex.toFixed(1)} /h, ${night.score.plmSeries.length} PLM series`,
          );
          lines.push(`  ${night.label}`);
        }
        for (const w of out.warnings) lines.push(`warning ${w.code}: ${w.message}`);
        io.stdout(`${lines.join('\n')}\n`);
      },
    );
}

/** `myotrace simulate --kind accel`: a generic time,x_g,y_g,z_g CSV with jerks or (--profile leg-movements) ankle LMs. */
export const accelSimulateKind: SimulateKind = {
  description:
    'three-axis accelerometer CSV (--rate Hz) with myoclonic jerks (8/min) or, with --profile leg-movements, ankle leg movements in PLM series (60/h)',
  run(o) {
    const mode = o.profile ?? 'jerks';
    if (mode !== 'jerks' && mode !== 'leg-movements')
      throw new UsageError(
        'CLI_BAD_PROFILE',
        `--profile for --kind accel must be jerks or leg-movements (got "${o.profile}")`,
      );
    if (!(o.rateHz >= 10 && o.rateHz <= 1000))
      throw new UsageError('CLI_BAD_RATE', `--rate for --kind accel must be 10–1000 Hz (got ${o.rateHz})`);
    if (!(o.hours > 0 && o.hours <= 12))
      throw new UsageError('CLI_BAD_NUMBER', `--kind accel: give --hours up to 12, got ${o.hours}`);
    const durationSec = Math.max(60, Math.round(o.hours * 3600));
    const eventCount = mode === 'jerks' ? Math.floor(durationSec / 7.5) : Math.max(4, Math.floor(durationSec / 60));
    const sim = simulateAccel({ seed: o.seed, sampleRateHz: o.rateHz, durationSec, mode, eventCount });
    const truth = { kind: 'accel', options: sim.options, ...sim.truth };
    return {
      name: `accel-${mode}-seed${o.seed}`,
      files: [
        { suffix: '.csv', data: accelSimulationToCsv(sim) },
        { suffix: '.truth.json', data: `${JSON.stringify(truth, null, 2)}\n` },
      ],
      summary: `${sim.truth.events.length} ${mode === 'jerks' ? 'jerks' : 'leg movements'} and ${sim.truth.postureChangesSec.length} posture changes, ${durationSec} s at ${o.rateHz} Hz`,
    };
  },
};
