import { selectInPlace } from './select.js';

/**
 * ECG artefact in leg EMG: QRS complexes leak into the leg leads as sharp spikes at the heart
 * rate. Rectified and smoothed they look like tiny, regular "movements" and, at high heart
 * rates, chain into long false LMs. This removes them by template subtraction, one block at a
 * time, on the band-passed signal:
 *
 *  1. spikes: local peaks of |y| above `thresholdSd` robust noise SDs (median |y| / 0.6745),
 *     at least 0.2 s apart (shorter than any heart period, so bursts do not look rhythmic);
 *  2. rhythm: the block counts as ECG-contaminated only when the median spike interval is a
 *     heart period (`minRrSec`..`maxRrSec`) and at least `minRegularFraction` of intervals lie
 *     within ±20 % of it; spikes not fitting the rhythm (EMG bursts) are not beats;
 *  3. template: beats are aligned on their dominant polarity and the per-lag median over beats
 *     (robust to beats that fall inside a burst) is tapered and subtracted at every beat.
 *
 * The idea follows MATPLM's `removeEKG.m` (periodicity test on peaks) with subtraction in place
 * of smoothing, so EMG under a beat is kept.
 */
export interface EcgOptions {
  thresholdSd: number;
  minRrSec: number;
  maxRrSec: number;
  minRegularFraction: number;
  templateBeforeSec: number;
  templateAfterSec: number;
}

export interface EcgBlockResult {
  detected: boolean;
  beats: number;
  rrSec: number | null;
  /** Peak of the subtracted template (µV), 0 when none. */
  templatePeakUv: number;
}

/** Scratch buffers reused across blocks so the per-block work allocates nothing large. */
export class EcgScratch {
  peaks = new Int32Array(1024);
  abs = new Float64Array(0);
  column = new Float64Array(0);
  template = new Float64Array(0);
  /** Template of the last block where a rhythm was found, for blocks where the rhythm test fails. */
  prior: { template: Float64Array; sign: number; peakAbs: number; age: number } | null = null;

  ensure(n: number, maxBeats: number, templateLen: number): void {
    if (this.abs.length < Math.ceil(n / 7) + 1) this.abs = new Float64Array(Math.ceil(n / 7) + 1);
    if (this.peaks.length < maxBeats) this.peaks = new Int32Array(maxBeats);
    if (this.column.length < maxBeats) this.column = new Float64Array(maxBeats);
    if (this.template.length < templateLen) this.template = new Float64Array(templateLen);
  }
}

function medianOf(a: Float64Array, n: number): number {
  return selectInPlace(a, 0, n, n >> 1);
}

/**
 * Detects and subtracts ECG artefact in `y` (band-passed leg EMG, µV) in place. Only the
 * samples `[from, to)` are searched for beats; the template is subtracted wherever it lands.
 */
export function suppressEcgInPlace(
  y: Float64Array,
  sampleRateHz: number,
  opts: EcgOptions,
  scratch: EcgScratch,
): EcgBlockResult {
  const n = y.length;
  const none: EcgBlockResult = { detected: false, beats: 0, rrSec: null, templatePeakUv: 0 };
  const fs = sampleRateHz;
  const maxBeats = Math.ceil(n / (0.25 * fs)) + 2;
  const pre = Math.round(opts.templateBeforeSec * fs);
  const post = Math.round(opts.templateAfterSec * fs);
  const tlen = pre + post + 1;
  scratch.ensure(n, maxBeats, tlen);
  if (n < 4 * fs) return none;

  // robust noise: median of |y| over a strided subsample (every 7th sample is plenty)
  const abs = scratch.abs;
  let m = 0;
  for (let i = 0; i < n; i += 7) abs[m++] = Math.abs(y[i]);
  const sd = selectInPlace(abs, 0, m, m >> 1) / 0.6745;
  if (!(sd > 0)) return none;
  const thr = opts.thresholdSd * sd;

  // 1. spikes
  const peaks = scratch.peaks;
  const np = findSpikes(y, thr, fs, peaks);
  if (np < 6) return fallback(y, fs, pre, post, scratch, sd);

  // 2. rhythm
  const intervals = scratch.column;
  for (let k = 1; k < np; k++) intervals[k - 1] = peaks[k] - peaks[k - 1];
  const copy = new Float64Array(intervals.subarray(0, np - 1));
  const rr = medianOf(copy, np - 1);
  if (rr < opts.minRrSec * fs || rr > opts.maxRrSec * fs) return fallback(y, fs, pre, post, scratch, sd);
  let regular = 0;
  for (let k = 0; k < np - 1; k++) if (Math.abs(intervals[k] - rr) <= 0.2 * rr) regular++;
  if (regular / (np - 1) < opts.minRegularFraction) return fallback(y, fs, pre, post, scratch, sd);
  // beats: spikes with a rhythm-consistent neighbour
  let nb = 0;
  for (let k = 0; k < np; k++) {
    const prevOk = k > 0 && Math.abs(peaks[k] - peaks[k - 1] - rr) <= 0.2 * rr;
    const nextOk = k < np - 1 && Math.abs(peaks[k + 1] - peaks[k] - rr) <= 0.2 * rr;
    if (prevOk || nextOk) peaks[nb++] = peaks[k];
  }
  if (nb < 5) return fallback(y, fs, pre, post, scratch, sd);

  // 3. polarity, alignment, template
  let polarity = 0;
  for (let k = 0; k < nb; k++) polarity += y[peaks[k]] >= 0 ? 1 : -1;
  const sign = polarity >= 0 ? 1 : -1;
  const align = Math.max(1, Math.round(0.03 * fs));
  let kept = 0;
  for (let k = 0; k < nb; k++) {
    const p = peaks[k];
    let best = p;
    for (let j = Math.max(0, p - align); j <= Math.min(n - 1, p + align); j++)
      if (sign * y[j] > sign * y[best]) best = j;
    if (best - pre >= 0 && best + post < n) peaks[kept++] = best;
  }
  if (kept < 5) return fallback(y, fs, pre, post, scratch, sd);
  const template = scratch.template;
  const column = new Float64Array(kept);
  let peakAbs = 0;
  for (let t = 0; t < tlen; t++) {
    for (let k = 0; k < kept; k++) column[k] = y[peaks[k] - pre + t];
    const v = medianOf(column, kept);
    // Tukey taper over the outer 20 % on each side so subtraction leaves no step
    const edge = Math.max(1, Math.floor(0.2 * tlen));
    let w = 1;
    if (t < edge) w = 0.5 - 0.5 * Math.cos((Math.PI * t) / edge);
    else if (t > tlen - 1 - edge) w = 0.5 - 0.5 * Math.cos((Math.PI * (tlen - 1 - t)) / edge);
    template[t] = v * w;
    if (Math.abs(template[t]) > peakAbs) peakAbs = Math.abs(template[t]);
  }
  for (let k = 0; k < kept; k++) {
    const base = peaks[k] - pre;
    for (let t = 0; t < tlen; t++) y[base + t] -= template[t];
  }
  scratch.prior = { template: template.slice(0, tlen), sign, peakAbs, age: 0 };
  return { detected: true, beats: kept, rrSec: rr / fs, templatePeakUv: peakAbs };
}

/** Local maxima of |y| above thr, at least 0.2 s apart (shorter than any heart period). */
function findSpikes(y: Float64Array, thr: number, fs: number, peaks: Int32Array): number {
  const n = y.length;
  let np = 0;
  const search = Math.max(1, Math.round(0.06 * fs));
  const refractory = Math.round(0.2 * fs);
  for (let i = 0; i < n; i++) {
    if (y[i] <= thr && y[i] >= -thr) continue;
    let best = i;
    let bestAbs = Math.abs(y[i]);
    const end = Math.min(n, i + search);
    for (let j = i + 1; j < end; j++) {
      const v = Math.abs(y[j]);
      if (v > bestAbs) {
        best = j;
        bestAbs = v;
      }
    }
    if (np < peaks.length) peaks[np++] = best;
    i = best + refractory - 1;
  }
  return np;
}

/**
 * A block where the rhythm test failed — typically because a long movement fills much of it, so
 * spikes are irregular and the noise estimate is inflated. The heart has not stopped: reuse the
 * template of a block at most two blocks back, and subtract it wherever a spike has the template's
 * shape (correlation >= 0.8) and size (least-squares gain 0.5–1.5). Spikes inside bursts fail the
 * shape test and are left alone.
 */
function fallback(
  y: Float64Array,
  fs: number,
  pre: number,
  post: number,
  scratch: EcgScratch,
  sd: number,
): EcgBlockResult {
  const none: EcgBlockResult = { detected: false, beats: 0, rrSec: null, templatePeakUv: 0 };
  const prior = scratch.prior;
  if (!prior || prior.template.length !== pre + post + 1) return none;
  prior.age += 1;
  if (prior.age > 2) {
    scratch.prior = null;
    return none;
  }
  const t = prior.template;
  const tlen = t.length;
  let tt = 0;
  for (let k = 0; k < tlen; k++) tt += t[k] * t[k];
  if (!(tt > 0)) return none;
  const n = y.length;
  const peaks = scratch.peaks;
  const np = findSpikes(y, Math.max(0.5 * prior.peakAbs, 3 * Math.min(sd, prior.peakAbs / 6)), fs, peaks);
  const align = Math.max(1, Math.round(0.03 * fs));
  const sign = prior.sign;
  let beats = 0;
  for (let q = 0; q < np; q++) {
    const p = peaks[q];
    let best = p;
    for (let j = Math.max(0, p - align); j <= Math.min(n - 1, p + align); j++)
      if (sign * y[j] > sign * y[best]) best = j;
    const base = best - pre;
    if (base < 0 || base + tlen > n) continue;
    let yt = 0;
    let yy = 0;
    for (let k = 0; k < tlen; k++) {
      const v = y[base + k];
      yt += v * t[k];
      yy += v * v;
    }
    const corr = yt / Math.sqrt(yy * tt);
    const gain = yt / tt;
    if (!(corr >= 0.8 && gain >= 0.5 && gain <= 1.5)) continue;
    for (let k = 0; k < tlen; k++) y[base + k] -= t[k];
    beats++;
  }
  return beats > 0 ? { detected: true, beats, rrSec: null, templatePeakUv: prior.peakAbs } : none;
}
