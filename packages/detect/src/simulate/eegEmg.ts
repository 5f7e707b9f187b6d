/**
 * Synthetic EEG + EMG for jerk-locked back-averaging, with exact ground truth: EMG bursts
 * (jerks) at known onsets and, on chosen EEG channels, a time-locked pre-jerk potential of known
 * latency and amplitude (a Gaussian wave) buried in noise of known RMS. Noise is white Gaussian
 * or pink (1/f power, 0.5 Hz and up), scaled to the requested RMS.
 */

import type { EdfWriteAnnotation } from '@myotrace/edf';
import { MyoTraceError } from '@myotrace/errors';
import { butterworth, zeroPhase } from '../myoclonus/dspAdapter.js';
import {
  emgNoise,
  type SimBurstKind,
  type SimSignal,
  simBurstDurations,
  simRecordDuration,
  simWriteEdf,
  simWriteSignals,
} from './emg.js';
import { createSimRng, type SimRng } from './random.js';

export interface EegEmgSimOptions {
  seed: number;
  sampleRateHz: number;
  jerkCount: number;
  /** Interval between jerks, s (uniform). */
  intervalSec: [number, number];
  eegLabels: string[];
  emgLabel: string;
  /** EEG noise RMS, µV. */
  noiseUv: number;
  noiseColor: 'white' | 'pink';
  /** Peak of the pre-jerk potential, µV (0 = none). Signed: positive up. */
  potentialUv: number;
  /** Latency of the potential's peak relative to EMG onset, ms (negative = before). */
  potentialLatencyMs: number;
  /** Gaussian width (standard deviation) of the potential, ms. */
  potentialWidthMs: number;
  /** EEG channels that carry the potential (default: the first). */
  potentialChannels: string[] | null;
  burstKind: SimBurstKind;
  burstUv: number;
  emgBackgroundUv: number;
  /** Include the EMG channel (false skips it, for fast null-hypothesis batches). */
  includeEmg: boolean;
}

export const defaultEegEmgSimOptions: EegEmgSimOptions = {
  seed: 1,
  sampleRateHz: 1000,
  jerkCount: 100,
  intervalSec: [1.5, 2.5],
  eegLabels: ['C3', 'C4'],
  emgLabel: 'EMG',
  noiseUv: 20,
  noiseColor: 'white',
  potentialUv: 5,
  potentialLatencyMs: -20,
  potentialWidthMs: 6,
  potentialChannels: null,
  burstKind: 'cortical',
  burstUv: 100,
  emgBackgroundUv: 5,
  includeEmg: true,
};

export interface EegEmgSimulation {
  kind: 'eeg-emg';
  options: EegEmgSimOptions;
  signals: SimSignal[];
  truth: {
    jerkOnsetsSec: number[];
    burstDurationsMs: number[];
    potential: { channels: string[]; latencyMs: number; amplitudeUv: number; widthMs: number } | null;
  };
}

function pinkNoise(rng: SimRng, n: number, fs: number): Float64Array {
  // Paul Kellet's economy filter approximates 1/f over the EEG band; then remove < 0.5 Hz drift
  const out = new Float64Array(n);
  let b0 = 0,
    b1 = 0,
    b2 = 0;
  for (let i = 0; i < n; i++) {
    const w = rng.gauss();
    b0 = 0.99765 * b0 + w * 0.099046;
    b1 = 0.963 * b1 + w * 0.2965164;
    b2 = 0.57 * b2 + w * 1.0526913;
    out[i] = b0 + b1 + b2 + w * 0.1848;
  }
  return zeroPhase(butterworth(2, Math.min(0.5, fs / 4), 'highpass', fs), out);
}

function scaleToRms(x: Float64Array, rms: number): void {
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += x[i] * x[i];
  const k = ss > 0 ? rms / Math.sqrt(ss / x.length) : 0;
  for (let i = 0; i < x.length; i++) x[i] *= k;
}

export function simulateEegEmg(options: Partial<EegEmgSimOptions> = {}): EegEmgSimulation {
  const o: EegEmgSimOptions = { ...defaultEegEmgSimOptions, ...options };
  if (!(o.sampleRateHz >= 200))
    throw new MyoTraceError('DETECT_SIM_BAD_OPTION', 'EEG+EMG simulation needs at least 200 Hz', {
      field: 'sampleRateHz',
    });
  if (!(o.intervalSec[0] > 0.6 && o.intervalSec[1] >= o.intervalSec[0]))
    throw new MyoTraceError('DETECT_SIM_BAD_OPTION', 'jerk intervals must exceed 0.6 s', { field: 'intervalSec' });
  const rng = createSimRng(o.seed);
  const fs = o.sampleRateHz;
  const onsets: number[] = [];
  let t = 2.5;
  for (let k = 0; k < o.jerkCount; k++) {
    onsets.push(Math.round(t * fs) / fs);
    t += rng.uniform(o.intervalSec[0], o.intervalSec[1]);
  }
  const durationSec = Math.ceil(t + 2.5);
  const n = Math.round(durationSec * fs);
  const potentialChannels = o.potentialChannels ?? [o.eegLabels[0]];
  const signals: SimSignal[] = [];
  for (const label of o.eegLabels) {
    let x: Float64Array;
    if (o.noiseColor === 'pink') x = pinkNoise(rng, n, fs);
    else {
      x = new Float64Array(n);
      rng.fillGauss(x);
    }
    scaleToRms(x, o.noiseUv);
    if (o.potentialUv !== 0 && potentialChannels.includes(label)) {
      const sd = (o.potentialWidthMs * fs) / 1000;
      const reach = Math.ceil(5 * sd);
      for (const on of onsets) {
        const c = on * fs + (o.potentialLatencyMs * fs) / 1000;
        for (let i = Math.floor(c) - reach; i <= Math.ceil(c) + reach; i++) {
          if (i >= 0 && i < n) x[i] += o.potentialUv * Math.exp(-0.5 * ((i - c) / sd) ** 2);
        }
      }
    }
    signals.push({ label, sampleRateHz: fs, physicalDimension: 'uV', samples: Float32Array.from(x) });
  }
  const spec = simBurstDurations[o.burstKind];
  const durations: number[] = [];
  const simulation = (): EegEmgSimulation => ({
    kind: 'eeg-emg',
    options: o,
    signals,
    truth: {
      jerkOnsetsSec: onsets,
      burstDurationsMs: durations,
      potential:
        o.potentialUv === 0
          ? null
          : {
              channels: potentialChannels,
              latencyMs: o.potentialLatencyMs,
              amplitudeUv: o.potentialUv,
              widthMs: o.potentialWidthMs,
            },
    },
  });
  if (!o.includeEmg) return simulation();
  const emg = new Float32Array(n);
  const bg = emgNoise(rng, n, fs);
  const carrier = emgNoise(rng, n, fs);
  for (let i = 0; i < n; i++) emg[i] = o.emgBackgroundUv * bg[i];
  for (const on of onsets) {
    const a = Math.round(on * fs);
    const len = Math.round(((spec.meanMs + rng.uniform(-spec.spreadMs, spec.spreadMs)) * fs) / 1000);
    durations.push((len * 1000) / fs);
    for (let i = a; i < a + len && i < n; i++) emg[i] += o.burstUv * carrier[i];
  }
  signals.push({ label: o.emgLabel, sampleRateHz: fs, physicalDimension: 'uV', samples: emg });
  return simulation();
}

/** The EEG+EMG simulation as EDF+C bytes, jerk onsets (and the injected potential) as annotations. */
export function eegEmgSimulationToEdf(sim: EegEmgSimulation): Uint8Array {
  const p = sim.truth.potential;
  const annotations: EdfWriteAnnotation[] = sim.truth.jerkOnsetsSec.map((t) => ({
    onset: t,
    duration: null,
    text: 'jerk',
  }));
  if (p)
    annotations.unshift({
      onset: 0,
      duration: null,
      text: `pre-jerk potential ${p.amplitudeUv} uV at ${p.latencyMs} ms on ${p.channels.join('+')}`,
    });
  return simWriteEdf(
    simWriteSignals(sim.signals, 1000, 'none (simulated)'),
    annotations,
    simRecordDuration(sim.signals),
    'eeg-emg',
  );
}
