import type { SleepStage } from '../score-types.js';
import type { Leg, PlacedBurst, PsgEventPlan } from './psgEvents.js';
import { EPOCH_SEC } from './psgHypnogram.js';
import type { PsgProfile } from './psgProfiles.js';
import type { SimRng } from './random.js';

/** Background parameters drawn for one night (recorded in the ground truth). */
export interface PsgBackground {
  mainsHz: 50 | 60;
  /** Hum amplitude (µV peak) while on, and the stretches of the night it is on. */
  humUv: number;
  humSpans: [number, number][];
  /** Resting EMG RMS per leg (µV, 10–100 Hz band) at the start; it drifts slowly through the night. */
  restingUv: Record<Leg, number>;
  /** R-wave amplitude in each leg lead (µV); the sign is the lead's polarity. */
  ecgLeakUv: Record<Leg, number>;
  heartRateBpm: number;
}

export function drawBackground(rng: SimRng, profile: PsgProfile, durationSec: number): PsgBackground {
  const humUv = profile.humUv[1] > 0 ? rng.uniform(...profile.humUv) : 0;
  const humSpans: [number, number][] = [];
  if (humUv > 0 && profile.humNightFraction > 0) {
    // one or two stretches covering about the profile's share of the night
    const total = profile.humNightFraction * durationSec;
    const start = rng.uniform(0, durationSec - total);
    if (rng.chance(0.5)) humSpans.push([start, start + total]);
    else {
      const cut = start + rng.uniform(0.3, 0.7) * total;
      humSpans.push(
        [start, cut],
        [Math.min(durationSec, cut + 0.1 * durationSec), Math.min(durationSec, start + 1.1 * total)],
      );
    }
  }
  const leak = (): number => rng.uniform(...profile.ecgLeakUv) * (rng.chance(0.5) ? 1 : -1);
  return {
    mainsHz: rng.chance(0.5) ? 50 : 60,
    humUv,
    humSpans,
    restingUv: { left: rng.uniform(...profile.restingUv), right: rng.uniform(...profile.restingUv) },
    ecgLeakUv: { left: leak(), right: leak() },
    heartRateBpm: rng.uniform(55, 75),
  };
}

/** Beat times (s) for a heart rate that varies with stage, breathing (RSA) and arousals. */
export function heartBeats(
  rng: SimRng,
  hyp: SleepStage[],
  durationSec: number,
  bg: PsgBackground,
  plan: PsgEventPlan,
): Float64Array {
  const beats: number[] = [];
  const arousalAt = (t: number): boolean =>
    plan.arousals.some((a) => t >= a.onsetSec && t < a.onsetSec + a.durationSec + 5);
  let t = rng.uniform(0.2, 0.8);
  let slow = 0;
  while (t < durationSec) {
    beats.push(t);
    const st = hyp[Math.min(hyp.length - 1, Math.floor(t / EPOCH_SEC))];
    const stageFactor = st === 'W' ? 1.1 : st === 'N3' ? 0.92 : st === 'R' ? 1.05 : 0.97;
    slow = 0.995 * slow + 0.01 * rng.gauss();
    const rsa = 0.03 * Math.sin(2 * Math.PI * 0.25 * t);
    const hr = bg.heartRateBpm * stageFactor * (1 + slow + rsa) * (arousalAt(t) ? 1.15 : 1);
    t += (60 / hr) * (1 + 0.01 * rng.gauss());
  }
  return Float64Array.from(beats);
}

/** One heartbeat as a sum of Gaussian waves (P, Q, R, S, T), in mV, sampled around the R peak. */
export function beatTemplate(sampleRateHz: number): { wave: Float32Array; rIndex: number } {
  const before = Math.round(0.3 * sampleRateHz);
  const after = Math.round(0.45 * sampleRateHz);
  const wave = new Float32Array(before + after + 1);
  const comps: [number, number, number][] = [
    // [amplitude mV, centre s, width s]
    [0.12, -0.2, 0.025],
    [-0.12, -0.028, 0.008],
    [1.2, 0, 0.009],
    [-0.3, 0.03, 0.01],
    [0.3, 0.28, 0.05],
  ];
  for (let i = 0; i < wave.length; i++) {
    const t = (i - before) / sampleRateHz;
    let v = 0;
    for (const [a, c, w] of comps) v += a * Math.exp(-0.5 * ((t - c) / w) ** 2);
    wave[i] = v;
  }
  return { wave, rIndex: before };
}

export function synthEcg(beats: Float64Array, n: number, fs: number, noiseRng: SimRng): Float32Array {
  const ecg = new Float32Array(n);
  noiseRng.fillGauss(ecg);
  for (let i = 0; i < n; i++) ecg[i] *= 0.01;
  const { wave, rIndex } = beatTemplate(fs);
  for (const b of beats) {
    const c = Math.round(b * fs) - rIndex;
    for (let k = 0; k < wave.length; k++) {
      const i = c + k;
      if (i >= 0 && i < n) ecg[i] += wave[k];
    }
  }
  return ecg;
}

/** Envelope value (0..1) of a burst at `t` seconds after its onset. */
export function burstEnvelope(b: PlacedBurst, t: number): number {
  const d = b.durationSec;
  if (t < 0 || t >= d) return 0;
  let e = 1;
  if (b.shape === 'crescendo') e = 0.5 + 0.5 * (t / d);
  else if (b.shape === 'decrescendo') e = 1 - 0.5 * (t / d);
  if (t < b.riseSec) e *= 0.35 + 0.65 * (t / b.riseSec);
  if (d - t < b.fallSec) e *= 0.35 + 0.65 * ((d - t) / b.fallSec);
  for (const dip of b.dips) if (t >= dip.atSec && t < dip.atSec + dip.durationSec) e *= dip.level;
  return e;
}

/**
 * One leg's EMG in µV: amplifier noise at a slowly drifting resting level, EMG bursts of the
 * placed LMs (noise band-limited around 20–150 Hz under each burst's envelope), ECG leakage,
 * mains hum, slow electrode drift, motion artefacts in wake and electrode pops.
 */
export function synthLeg(
  leg: Leg,
  rng: SimRng,
  n: number,
  fs: number,
  plan: PsgEventPlan,
  bg: PsgBackground,
  ecg: Float32Array,
): Float32Array {
  const x = new Float32Array(n);
  rng.fillGauss(x);
  // white noise keeps (100 − 10) / (fs / 2) of its power in the 10–100 Hz band: scale so the
  // in-band RMS is the drawn resting level, which then wanders by ±30 % over minutes
  const bandShare = Math.sqrt(Math.min(1, 90 / (fs / 2)));
  // one fused pass: resting level (updated once a second, interpolated, wandering ±30 % over
  // minutes) + ECG leakage (template in mV with R = 1.2 mV) + slow electrode drift (two slow
  // waves far below the 10 Hz high-pass, by phasor rotation rather than per-sample sin())
  const step = Math.round(fs);
  const gain = bg.ecgLeakUv[leg] / 1.2;
  const drifts = [0, 1].map(() => ({
    f: rng.uniform(0.01, 0.15),
    a: rng.uniform(5, 40),
    p: rng.uniform(0, 2 * Math.PI),
  }));
  const c1 = Math.cos((2 * Math.PI * drifts[0].f) / fs),
    s1 = Math.sin((2 * Math.PI * drifts[0].f) / fs);
  const c2 = Math.cos((2 * Math.PI * drifts[1].f) / fs),
    s2 = Math.sin((2 * Math.PI * drifts[1].f) / fs);
  let re1 = Math.cos(drifts[0].p),
    im1 = Math.sin(drifts[0].p);
  let re2 = Math.cos(drifts[1].p),
    im2 = Math.sin(drifts[1].p);
  const a1d = drifts[0].a,
    a2d = drifts[1].a;
  let level = bg.restingUv[leg] / bandShare;
  let walk = 0;
  for (let s = 0; s < n; s += step) {
    walk = 0.998 * walk + 0.02 * rng.gauss();
    const next = (bg.restingUv[leg] / bandShare) * Math.exp(Math.max(-0.35, Math.min(0.35, walk)));
    const end = Math.min(n, s + step);
    const dl = (next - level) / step;
    let lv = level;
    for (let i = s; i < end; i++, lv += dl) {
      x[i] = x[i] * lv + gain * ecg[i] + a1d * im1 + a2d * im2;
      const r1 = re1 * c1 - im1 * s1;
      im1 = re1 * s1 + im1 * c1;
      re1 = r1;
      const r2 = re2 * c2 - im2 * s2;
      im2 = re2 * s2 + im2 * c2;
      re2 = r2;
    }
    // keep the phasors on the unit circle
    const k1 = 1 / Math.hypot(re1, im1),
      k2 = 1 / Math.hypot(re2, im2);
    re1 *= k1;
    im1 *= k1;
    re2 *= k2;
    im2 *= k2;
    level = next;
  }

  // bursts: white noise through a resonant band-pass (RBJ, centre 70 Hz or 0.3 fs, Q 0.6),
  // normalised to unit RMS, times the envelope
  const f0 = Math.min(70, 0.3 * fs);
  const w0 = (2 * Math.PI * f0) / fs;
  const alpha = Math.sin(w0) / (2 * 0.6);
  const a0 = 1 + alpha;
  const b0 = alpha / a0;
  const a1 = (-2 * Math.cos(w0)) / a0;
  const a2 = (1 - alpha) / a0;
  // RMS gain of the resonator for unit white noise: sum of its squared impulse response
  let h1 = 0;
  let h2 = 0;
  let energy = 0;
  let xPrev1 = 0;
  let xPrev2 = 0;
  for (let i = 0; i < 4000; i++) {
    const xin = i === 0 ? 1 : 0;
    const y = b0 * xin - b0 * xPrev2 - a1 * h1 - a2 * h2;
    xPrev2 = xPrev1;
    xPrev1 = xin;
    h2 = h1;
    h1 = y;
    energy += y * y;
  }
  const norm = 1 / Math.sqrt(energy);
  const carrier = new Float32Array(Math.ceil(45 * fs));
  for (const m of plan.movements) {
    for (const b of m.bursts) {
      if (b.leg !== leg) continue;
      const i0 = Math.round(b.onsetSec * fs);
      const len = Math.min(Math.round(b.durationSec * fs), n - i0, carrier.length);
      rng.fillGauss(carrier.subarray(0, len + 2));
      let y1 = 0,
        y2 = 0,
        xm1 = 0,
        xm2 = 0;
      for (let k = 0; k < len; k++) {
        const xin = carrier[k];
        const y = b0 * xin - b0 * xm2 - a1 * y1 - a2 * y2;
        xm2 = xm1;
        xm1 = xin;
        y2 = y1;
        y1 = y;
        x[i0 + k] += b.amplitudeUv * norm * y * burstEnvelope(b, k / fs);
      }
    }
  }

  // mains hum (with a small 3rd harmonic) by phasor rotation: no per-sample sin()
  if (bg.humUv > 0) {
    for (const [from, to] of bg.humSpans) {
      const i0 = Math.max(0, Math.round(from * fs));
      const i1 = Math.min(n, Math.round(to * fs));
      const w = (2 * Math.PI * bg.mainsHz) / fs;
      const c1 = Math.cos(w),
        s1 = Math.sin(w);
      let re = Math.cos(w * i0),
        im = Math.sin(w * i0);
      const amp = bg.humUv * (leg === 'left' ? 1 : 0.8);
      for (let i = i0; i < i1; i++) {
        // sin(3θ) = 3 sin θ − 4 sin³ θ
        x[i] += amp * (im + 0.1 * (3 * im - 4 * im * im * im));
        const r2 = re * c1 - im * s1;
        im = re * s1 + im * c1;
        re = r2;
        if ((i & 4095) === 0) {
          const norm2 = 1 / Math.hypot(re, im);
          re *= norm2;
          im *= norm2;
        }
      }
    }
  }

  // motion artefacts in wake: smooth, slow (< 2 Hz) swings under a Hann window, no EMG
  for (const a of plan.motionArtefacts) {
    const i0 = Math.round(a.onsetSec * fs);
    const len = Math.min(Math.round(a.durationSec * fs), n - i0);
    const sign = leg === 'left' ? 1 : -0.7;
    for (let k = 0; k < len; k++) {
      const win = 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / len);
      x[i0 + k] += sign * a.amplitudeUv * win * Math.sin((2 * Math.PI * a.frequencyHz * k) / fs);
    }
  }

  // electrode pops: a few-ms biphasic transient
  for (const p of plan.pops) {
    if (p.leg !== leg) continue;
    const c = Math.round(p.timeSec * fs);
    const w = 0.004 * fs;
    for (let k = -Math.ceil(4 * w); k <= Math.ceil(4 * w); k++) {
      const i = c + k;
      if (i >= 0 && i < n) x[i] += p.amplitudeUv * (-k / w) * Math.exp(0.5 - 0.5 * (k / w) ** 2);
    }
  }
  return x;
}

/** A simple EEG (C4-M1) whose rhythms follow the hypnogram: alpha in wake, spindles in N2, delta in N3. */
export function synthEeg(rng: SimRng, hyp: SleepStage[], n: number, fs: number): Float32Array {
  const x = new Float32Array(n);
  rng.fillGauss(x);
  // 1/f-like background: leaky integration of white noise
  let y = 0;
  for (let i = 0; i < n; i++) {
    y = 0.97 * y + x[i];
    x[i] = 1.8 * y + 2 * x[i];
  }
  const osc = (freq: number, amp: number, from: number, to: number): void => {
    const w = (2 * Math.PI * freq) / fs;
    const c1 = Math.cos(w),
      s1 = Math.sin(w);
    let re = 1,
      im = 0;
    for (let i = from; i < to; i++) {
      x[i] += amp * im;
      const r2 = re * c1 - im * s1;
      im = re * s1 + im * c1;
      re = r2;
    }
  };
  const epochN = EPOCH_SEC * fs;
  for (let e = 0; e < hyp.length; e++) {
    const from = e * epochN;
    const to = Math.min(n, from + epochN);
    if (from >= n) break;
    switch (hyp[e]) {
      case 'W':
        osc(rng.uniform(9, 11), 12, from, to);
        break;
      case 'N1':
        osc(rng.uniform(5, 7), 10, from, to);
        break;
      case 'N2': {
        osc(rng.uniform(4, 6), 8, from, to);
        for (let k = 0; k < 2; k++) {
          const s = from + Math.floor(rng.uniform(0, epochN - 2 * fs));
          osc(rng.uniform(12, 14), 15, s, Math.min(to, s + Math.round(rng.uniform(0.5, 1.5) * fs)));
        }
        break;
      }
      case 'N3':
        osc(rng.uniform(0.7, 1.5), 60, from, to);
        break;
      case 'R':
        osc(rng.uniform(5, 7), 10, from, to);
        break;
    }
  }
  return x;
}

/** Nasal-pressure airflow (cmH2O): breaths at ~15/min, reduced in hypopnoeas and absent in apnoeas. */
export function synthFlow(rng: SimRng, plan: PsgEventPlan, n: number, fs: number): Float32Array {
  const x = new Float32Array(n);
  const f = rng.uniform(0.22, 0.28);
  let phase = 0;
  let k = 0;
  const events = plan.respiratory;
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    while (k < events.length && t > events[k].onsetSec + events[k].durationSec + 10) k++;
    let amp = 1;
    const ev = events[k];
    if (ev && t >= ev.onsetSec && t < ev.onsetSec + ev.durationSec) amp = ev.kind === 'Hypopnea' ? 0.4 : 0.05;
    else if (ev && t >= ev.onsetSec + ev.durationSec) amp = 1.6; // recovery breaths
    phase += (2 * Math.PI * f) / fs;
    x[i] = amp * Math.sin(phase) + 0.03 * rng.gauss();
  }
  return x;
}
