/**
 * Synthetic three-axis accelerometer traces (in g) with exact ground truth: myoclonic jerks
 * (damped oscillations of 8–15 Hz lasting ~0.1–0.2 s, random direction) or ankle leg movements
 * (0.5–5 s bursts of 1–6 Hz motion, in PLM-like series), on top of realistic nuisance: sensor
 * noise, a breathing-rate sway, and slow posture changes that rotate gravity between axes.
 */
import { MyoTraceError } from '@myotrace/errors';
import { butterworth, zeroPhase } from '../myoclonus/dspAdapter.js';
import { createSimRng, type SimRng } from './random.js';

export interface AccelSimOptions {
  seed: number;
  sampleRateHz: number;
  durationSec: number;
  mode: 'jerks' | 'leg-movements';
  /** Number of jerks (mode 'jerks') or of leg movements (mode 'leg-movements'). */
  eventCount: number;
  /** Peak dynamic acceleration of a jerk, g (uniform). */
  jerkG: [number, number];
  /** RMS of a leg movement, g (uniform). */
  legMovementG: [number, number];
  /** White sensor noise RMS, g. */
  noiseG: number;
  /**
   * Posture changes (gravity rotations over 1–3 s) per hour; default 30 for jerks, 4 for leg
   * movements. They are genuine movements, listed in the truth, but neither jerks nor LMs.
   */
  postureChangesPerHour: number | null;
}

export const defaultAccelSimOptions: AccelSimOptions = {
  seed: 1,
  sampleRateHz: 100,
  durationSec: 600,
  mode: 'jerks',
  eventCount: 60,
  jerkG: [0.25, 1],
  legMovementG: [0.05, 0.2],
  noiseG: 0.01,
  postureChangesPerHour: null,
};

export interface AccelSimEvent {
  onsetSec: number;
  durationSec: number;
  amplitudeG: number;
}

export interface AccelSimulation {
  kind: 'accel';
  options: AccelSimOptions;
  sampleRateHz: number;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  truth: { events: AccelSimEvent[]; postureChangesSec: number[] };
}

function randomUnit(rng: SimRng): [number, number, number] {
  const v: [number, number, number] = [rng.gauss(), rng.gauss(), rng.gauss()];
  const m = Math.hypot(...v) || 1;
  return [v[0] / m, v[1] / m, v[2] / m];
}

/** Event onsets: PLM-like series of 4–12 movements 15–40 s apart for leg movements, else spread at random. */
function placeEvents(rng: SimRng, o: AccelSimOptions): number[] {
  const onsets: number[] = [];
  if (o.mode === 'leg-movements') {
    let t = 30;
    while (onsets.length < o.eventCount) {
      const len = Math.min(o.eventCount - onsets.length, rng.int(4, 12));
      for (let k = 0; k < len; k++) {
        onsets.push(t);
        t += rng.uniform(15, 40);
      }
      t += rng.uniform(60, 240);
    }
    if (t > o.durationSec)
      throw new MyoTraceError(
        'DETECT_SIM_BAD_OPTION',
        `${o.eventCount} leg movements do not fit into ${o.durationSec} s`,
        { field: 'durationSec' },
      );
    return onsets;
  }
  const slot = (o.durationSec - 4) / Math.max(1, o.eventCount);
  if (slot < 1)
    throw new MyoTraceError('DETECT_SIM_BAD_OPTION', `${o.eventCount} jerks do not fit into ${o.durationSec} s`, {
      field: 'eventCount',
    });
  for (let k = 0; k < o.eventCount; k++) onsets.push(2 + k * slot + rng.uniform(0.2, slot - 0.6));
  return onsets;
}

export function simulateAccel(options: Partial<AccelSimOptions> = {}): AccelSimulation {
  const o: AccelSimOptions = { ...defaultAccelSimOptions, ...options };
  if (!(o.sampleRateHz >= 10))
    throw new MyoTraceError('DETECT_SIM_BAD_OPTION', 'accelerometer simulation needs at least 10 Hz', {
      field: 'sampleRateHz',
    });
  const rng = createSimRng(o.seed);
  const fs = o.sampleRateHz;
  const n = Math.round(o.durationSec * fs);
  const ax = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  // gravity: piecewise constant orientation with smooth (raised-cosine) transitions
  let g = randomUnit(rng);
  const postures: number[] = [];
  const perHour = o.postureChangesPerHour ?? (o.mode === 'jerks' ? 30 : 4);
  const nChanges = Math.round((perHour * o.durationSec) / 3600);
  const changeTimes = Array.from({ length: nChanges }, () => rng.uniform(5, o.durationSec - 5)).sort((a, b) => a - b);
  let ci = 0;
  let from = g,
    to = g,
    c0 = -1,
    c1 = -1;
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    if (ci < changeTimes.length && t >= changeTimes[ci] && t > c1) {
      from = g;
      to = randomUnit(rng);
      c0 = t;
      c1 = t + rng.uniform(1, 3);
      postures.push(t);
      ci++;
    }
    if (t >= c0 && t <= c1) {
      const f = 0.5 - 0.5 * Math.cos((Math.PI * (t - c0)) / (c1 - c0));
      const v = [from[0] + f * (to[0] - from[0]), from[1] + f * (to[1] - from[1]), from[2] + f * (to[2] - from[2])];
      const m = Math.hypot(v[0], v[1], v[2]) || 1;
      g = [v[0] / m, v[1] / m, v[2] / m];
      if (t + 1 / fs > c1) g = to;
    }
    for (let a = 0; a < 3; a++) ax[a][i] = g[a] + 0.004 * Math.sin(2 * Math.PI * 0.25 * t + a);
  }
  const noise = new Float64Array(n);
  for (let a = 0; a < 3; a++) {
    rng.fillGauss(noise);
    for (let i = 0; i < n; i++) ax[a][i] += o.noiseG * noise[i];
  }
  const events: AccelSimEvent[] = [];
  for (const onset of placeEvents(rng, o)) {
    const a0 = Math.round(onset * fs);
    const dir = randomUnit(rng);
    if (o.mode === 'jerks') {
      const amp = rng.uniform(o.jerkG[0], o.jerkG[1]);
      const f = rng.uniform(8, 15);
      const tau = rng.uniform(0.02, 0.04);
      const len = Math.round(5 * tau * fs);
      for (let k = 0; k < len && a0 + k < n; k++) {
        const t = k / fs;
        const v = amp * Math.exp(-t / tau) * Math.sin(2 * Math.PI * f * t);
        for (let a = 0; a < 3; a++) ax[a][a0 + k] += v * dir[a];
      }
      events.push({ onsetSec: a0 / fs, durationSec: len / fs, amplitudeG: amp });
    } else {
      const rms = rng.uniform(o.legMovementG[0], o.legMovementG[1]);
      const dur = rng.uniform(0.5, 5);
      const len = Math.round(dur * fs);
      const carrier = new Float64Array(len + 2 * fs);
      rng.fillGauss(carrier);
      const band = zeroPhase(
        butterworth(2, Math.min(6, fs / 3), 'lowpass', fs),
        zeroPhase(butterworth(2, 1, 'highpass', fs), carrier),
      ).subarray(fs, fs + len);
      let ss = 0;
      for (let k = 0; k < len; k++) ss += band[k] * band[k];
      const scale = rms / Math.sqrt(ss / len);
      const ramp = Math.round(0.05 * fs);
      for (let k = 0; k < len && a0 + k < n; k++) {
        const edge = Math.min(k, len - 1 - k);
        const w = edge >= ramp ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * (edge + 0.5)) / ramp);
        for (let a = 0; a < 3; a++) ax[a][a0 + k] += scale * w * band[k] * (0.6 * dir[a] + 0.4 * (a === 2 ? 1 : 0));
      }
      events.push({ onsetSec: a0 / fs, durationSec: len / fs, amplitudeG: rms });
    }
  }
  return {
    kind: 'accel',
    options: o,
    sampleRateHz: fs,
    x: ax[0],
    y: ax[1],
    z: ax[2],
    truth: { events, postureChangesSec: postures },
  };
}

/** The simulation as a generic `time,x_g,y_g,z_g` CSV (time in s from the first sample). */
export function accelSimulationToCsv(sim: AccelSimulation): string {
  const rows: string[] = ['time,x_g,y_g,z_g'];
  for (let i = 0; i < sim.x.length; i++) {
    rows.push(
      `${(i / sim.sampleRateHz).toFixed(4)},${sim.x[i].toFixed(5)},${sim.y[i].toFixed(5)},${sim.z[i].toFixed(5)}`,
    );
  }
  return `${rows.join('\n')}\n`;
}
