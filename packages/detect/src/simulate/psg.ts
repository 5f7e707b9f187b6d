import { type EdfWriteAnnotation, type EdfWriteSignal, writeEdf } from '@myotrace/edf';
import { MyoTraceError } from '@myotrace/errors';
import { applyPlmRules } from '../plm/apply.js';
import { plmSettings } from '../plm/settings.js';
import type { LmEvent, TimedEvent } from '../plm/types.js';
import type { ScoreResult, ScoringStandard, SleepStage } from '../score-types.js';
import type { StageSegment } from '../sleep/types.js';
import { DETECT_VERSION } from '../version.js';
import { type PsgEventPlan, placePsgEvents } from './psgEvents.js';
import { EPOCH_SEC, simulateHypnogram } from './psgHypnogram.js';
import { type PsgProfileName, psgProfileNames, psgProfiles } from './psgProfiles.js';
import {
  drawBackground,
  heartBeats,
  type PsgBackground,
  synthEcg,
  synthEeg,
  synthFlow,
  synthLeg,
} from './psgSignals.js';
import { createSimRng } from './random.js';

export interface PsgSimOptions {
  seed: number;
  hours: number;
  profile: PsgProfileName;
  /** Physical dimension of the EMG and EEG channels. The samples are the same either way. */
  unit: 'uV' | 'mV';
  sampleRateHz: 200 | 256 | 500;
}

export const defaultPsgSimOptions: PsgSimOptions = {
  seed: 1,
  hours: 8,
  profile: 'plmd-mild',
  unit: 'uV',
  sampleRateHz: 256,
};

/** Everything about a simulated night before it is written to EDF. */
export interface PsgNight {
  options: PsgSimOptions;
  durationSec: number;
  startTime: string;
  hypnogram: SleepStage[];
  plan: PsgEventPlan;
  background: PsgBackground;
  /** Leg EMG in µV (whatever `unit` says), at `sampleRateHz`. */
  left: Float32Array;
  right: Float32Array;
  /** ECG in mV at `sampleRateHz`. */
  ecg: Float32Array;
  /** EEG in µV at `eegRateHz`. */
  eeg: Float32Array;
  eegRateHz: number;
  /** Nasal pressure in cmH2O at 25 Hz. */
  flow: Float32Array;
  /** The true LMs per leg, the input of the rules. */
  lms: { left: LmEvent[]; right: LmEvent[] };
  stages: StageSegment[];
  respiratoryEvents: TimedEvent[];
  arousals: TimedEvent[];
}

export interface PsgSimulation {
  /** The recording as EDF+C bytes. */
  edf: Uint8Array;
  /** Ground truth in the `myotrace score --json` shape (WASM 2016 rules over the placed events). */
  truth: ScoreResult;
  /** A file stem describing the night, e.g. `psg-plmd-mild-s1-8h-256hz-uV`. */
  name: string;
  night: PsgNight;
}

export const FLOW_RATE_HZ = 25;

function validate(o: PsgSimOptions): void {
  const bad = (field: string, message: string, hint: string): never => {
    throw new MyoTraceError('DETECT_SIM_INVALID_OPTION', message, { field, hint });
  };
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff)
    bad('seed', `seed must be an integer 0..4294967295, got ${o.seed}`, 'Use a whole number such as 1.');
  if (!(o.hours >= 0.1 && o.hours <= 24))
    bad('hours', `hours must lie between 0.1 and 24, got ${o.hours}`, 'A full night is 8 hours.');
  if (!psgProfileNames.includes(o.profile))
    bad('profile', `unknown profile "${o.profile}"`, `Choose one of ${psgProfileNames.join(', ')}.`);
  if (o.unit !== 'uV' && o.unit !== 'mV') bad('unit', `unit must be uV or mV, got ${String(o.unit)}`, 'Use uV or mV.');
  if (![200, 256, 500].includes(o.sampleRateHz))
    bad('sampleRateHz', `sample rate must be 200, 256 or 500 Hz, got ${o.sampleRateHz}`, 'Use 200, 256 or 500.');
}

/** Stage segments (one per epoch) from the hypnogram. */
function toStages(hyp: SleepStage[]): StageSegment[] {
  return hyp.map((stage, e) => ({ onsetSec: e * EPOCH_SEC, durationSec: EPOCH_SEC, stage }));
}

/**
 * Simulates a night: hypnogram, placed events, and signals. Deterministic for given options;
 * independent random streams per part, so e.g. the EEG never shifts the events.
 */
export function simulatePsgNight(input: Partial<PsgSimOptions> = {}): PsgNight {
  const options: PsgSimOptions = { ...defaultPsgSimOptions, ...input };
  validate(options);
  const profile = psgProfiles[options.profile];
  const fs = options.sampleRateHz;
  const epochs = Math.max(1, Math.round((options.hours * 3600) / EPOCH_SEC));
  const durationSec = epochs * EPOCH_SEC;
  const n = durationSec * fs;
  const root = createSimRng(options.seed);
  const hypnogram = simulateHypnogram(root.fork('hypnogram'), epochs, profile);
  const plan = placePsgEvents(root.fork('events'), hypnogram, durationSec, profile);
  const background = drawBackground(root.fork('background'), profile, durationSec);
  const beats = heartBeats(root.fork('heart'), hypnogram, durationSec, background, plan);
  const ecg = synthEcg(beats, n, fs, root.fork('ecg-noise'));
  const left = synthLeg('left', root.fork('leg-left'), n, fs, plan, background, ecg);
  const right = synthLeg('right', root.fork('leg-right'), n, fs, plan, background, ecg);
  const eegRateHz = fs === 256 ? 128 : 100;
  const eeg = synthEeg(root.fork('eeg'), hypnogram, durationSec * eegRateHz, eegRateHz);
  const flow = synthFlow(root.fork('flow'), plan, durationSec * FLOW_RATE_HZ, FLOW_RATE_HZ);
  const lms: { left: LmEvent[]; right: LmEvent[] } = { left: [], right: [] };
  for (const m of plan.movements) {
    for (const b of m.bursts) lms[b.leg].push({ onsetSec: b.onsetSec, durationSec: b.durationSec });
  }
  lms.left.sort((a, b) => a.onsetSec - b.onsetSec);
  lms.right.sort((a, b) => a.onsetSec - b.onsetSec);
  const minute = options.seed % 60;
  const startTime = `2026-01-15T22:${String(minute).padStart(2, '0')}:00`;
  return {
    options,
    durationSec,
    startTime,
    hypnogram,
    plan,
    background,
    left,
    right,
    ecg,
    eeg,
    eegRateHz,
    flow,
    lms,
    stages: toStages(hypnogram),
    respiratoryEvents: plan.respiratory.map((r) => ({ onsetSec: r.onsetSec, durationSec: r.durationSec })),
    arousals: plan.arousals.map((a) => ({ onsetSec: a.onsetSec, durationSec: a.durationSec })),
  };
}

export function psgName(o: PsgSimOptions): string {
  return `psg-${o.profile}-s${o.seed}-${o.hours}h-${o.sampleRateHz}hz-${o.unit}`;
}

/** The ground truth of a night under either standard: the placed LMs put through the rules engine. */
export function psgTruth(night: PsgNight, standard: ScoringStandard = 'wasm2016', file = ''): ScoreResult {
  const o = night.options;
  const plan = night.plan;
  return applyPlmRules(
    {
      left: night.lms.left,
      right: night.lms.right,
      durationSec: night.durationSec,
      sleep: { source: 'annotations', stages: night.stages },
      respiratoryEvents: night.respiratoryEvents,
      arousals: night.arousals,
      recording: { file, startTime: night.startTime },
      channels: { left: 'LAT', right: 'RAT', unit: o.unit },
      tool: { name: 'myotrace-simulate', version: DETECT_VERSION },
      extraSettings: {
        simulation: {
          generator: 'simulatePsg',
          ...o,
          groundTruth: 'placed LM bursts (onset and end of each burst envelope) scored by the rules engine',
          counts: {
            movements: plan.movements.length,
            byOrigin: countBy(plan.movements.map((m) => m.origin)),
            bilateral: plan.movements.filter((m) => m.bursts.length > 1).length,
            respiratoryEvents: plan.respiratory.length,
            arousals: plan.arousals.length,
            motionArtefacts: plan.motionArtefacts.length,
            pops: plan.pops.length,
            rejectedProposals: plan.rejectedProposals,
          },
          background: {
            mainsHz: night.background.mainsHz,
            humUv: round2(night.background.humUv),
            humSpans: night.background.humSpans.map(([a, b]) => [round2(a), round2(b)]),
            restingUv: {
              left: round2(night.background.restingUv.left),
              right: round2(night.background.restingUv.right),
            },
            ecgLeakUv: {
              left: round2(night.background.ecgLeakUv.left),
              right: round2(night.background.ecgLeakUv.right),
            },
            heartRateBpm: round2(night.background.heartRateBpm),
          },
        },
      },
    },
    plmSettings(standard),
  );
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of items) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** EDF+ annotations of a night: 30-s hypnogram epochs, respiratory events, arousals. */
export function psgAnnotations(night: PsgNight): EdfWriteAnnotation[] {
  const ann: EdfWriteAnnotation[] = night.hypnogram.map((stage, e) => ({
    onset: e * EPOCH_SEC,
    duration: EPOCH_SEC,
    text: `Sleep stage ${stage}`,
  }));
  for (const r of night.plan.respiratory)
    ann.push({ onset: round3(r.onsetSec), duration: round3(r.durationSec), text: r.kind });
  for (const a of night.plan.arousals)
    ann.push({ onset: round3(a.onsetSec), duration: round3(a.durationSec), text: 'Arousal' });
  return ann.sort((a, b) => a.onset - b.onset);
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** The night as EDF+C bytes: LAT, RAT, ECG, C4-M1, Flow and the annotations. */
export function psgToEdf(night: PsgNight): Uint8Array {
  const o = night.options;
  const k = o.unit === 'mV' ? 1e-3 : 1;
  // same digital values in either unit: samples are first put on the 0.1 µV grid of the
  // ±3276.7 µV / ±32767 range, then the physical range and the samples are scaled together
  const scaled = (x: Float32Array, stepUv: number): Float32Array => {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = Math.round(x[i] / stepUv) * stepUv * k;
    return y;
  };
  const emgRange = 3276.7 * k;
  // both legs share one channel layout: ±3276.7 µV on 16 bits (0.1 µV steps)
  const legSignal = (label: string, samples: Float32Array): EdfWriteSignal => ({
    label,
    transducer: 'AgAgCl electrodes',
    physicalDimension: o.unit,
    physicalMin: -emgRange,
    physicalMax: emgRange,
    digitalMin: -32767,
    digitalMax: 32767,
    prefilter: 'HP:0.1Hz LP:0.4*fs',
    sampleRate: o.sampleRateHz,
    samples: scaled(samples, 0.1),
  });
  const signals: EdfWriteSignal[] = [
    legSignal('LAT', night.left),
    legSignal('RAT', night.right),
    {
      label: 'ECG',
      transducer: 'AgAgCl electrodes',
      physicalDimension: 'mV',
      physicalMin: -5,
      physicalMax: 5,
      digitalMin: -32767,
      digitalMax: 32767,
      prefilter: 'HP:0.3Hz',
      sampleRate: o.sampleRateHz,
      samples: night.ecg,
    },
    {
      label: 'C4-M1',
      transducer: 'AgAgCl electrodes',
      physicalDimension: o.unit,
      physicalMin: -500 * k,
      physicalMax: 500 * k,
      digitalMin: -32767,
      digitalMax: 32767,
      prefilter: 'HP:0.3Hz LP:35Hz',
      sampleRate: night.eegRateHz,
      samples: scaled(night.eeg, 1000 / 32767),
    },
    {
      label: 'Flow',
      transducer: 'nasal pressure cannula',
      physicalDimension: 'cmH2O',
      physicalMin: -5,
      physicalMax: 5,
      digitalMin: -32767,
      digitalMax: 32767,
      prefilter: '',
      sampleRate: FLOW_RATE_HZ,
      samples: night.flow,
    },
  ];
  return writeEdf({
    format: 'EDF+C',
    startTime: night.startTime,
    patient: { code: `SIM-${o.seed}`, name: 'Simulated', additional: `profile ${o.profile}` },
    recording: { equipment: 'myotrace-simulate', additional: psgName(o) },
    recordDurationSec: 1,
    signals,
    annotations: psgAnnotations(night),
  });
}

/**
 * A realistic synthetic PSG night as EDF+C bytes plus its exact ground truth (WASM 2016) in the
 * score contract's shape. See docs/detection.md for what is simulated.
 */
export function simulatePsg(input: Partial<PsgSimOptions> = {}): PsgSimulation {
  const night = simulatePsgNight(input);
  const name = psgName(night.options);
  const truth = psgTruth(night, 'wasm2016', `${name}.edf`);
  return { edf: psgToEdf(night), truth, name, night };
}
