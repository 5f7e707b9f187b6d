/**
 * Jerk-locked back-averaging: EEG epochs time-locked to EMG burst onsets, baseline-corrected,
 * artefact-rejected and averaged per channel; the largest pre-jerk deflection in a search window
 * is tested against a surrogate distribution built from the same number of epochs at random
 * (seeded) trigger times. The test statistic is the largest |average| over channels and the
 * search window, so the p-value is corrected for both.
 */
import type { CodedWarning } from '@myotrace/errors';
import { MyoTraceError } from '@myotrace/errors';
import { createSimRng } from '../simulate/random.js';
import { type ButterDesign, butterworth, zeroPhase } from './dspAdapter.js';

export type BackAverageMode = 'standard' | 'bereitschaftspotential';

export interface BackAverageSettings {
  mode: BackAverageMode;
  /** Epoch relative to the trigger, ms. */
  windowMs: [number, number];
  baselineMs: [number, number];
  /** Where a pre-jerk deflection is looked for, ms. */
  searchMs: [number, number];
  /** EEG band applied before epoching (null = none). */
  highpassHz: number | null;
  lowpassHz: number | null;
  filterOrder: number;
  /** Epochs with any baseline-corrected sample beyond ±rejectUv on any channel are dropped. */
  rejectUv: number;
  surrogates: number;
  alpha: number;
  seed: number;
  /** Fewer usable jerks than this gives a warning (50–200 are usual). */
  minJerks: number;
}

export const defaultBackAverageSettings: BackAverageSettings = {
  mode: 'standard',
  windowMs: [-300, 300],
  baselineMs: [-300, -200],
  searchMs: [-100, 0],
  highpassHz: 0.5,
  lowpassHz: 70,
  filterOrder: 2,
  rejectUv: 150,
  surrogates: 200,
  alpha: 0.01,
  seed: 1,
  minJerks: 50,
};

/** −2000 to +500 ms, DC-coupled (baseline correction only), low-passed at 10 Hz. */
export const bereitschaftspotentialSettings: BackAverageSettings = {
  ...defaultBackAverageSettings,
  mode: 'bereitschaftspotential',
  windowMs: [-2000, 500],
  baselineMs: [-2000, -1500],
  searchMs: [-1500, 0],
  highpassHz: null,
  lowpassHz: 10,
  rejectUv: 200,
};

export interface BackAverageChannelInput {
  label: string;
  samplesUv: ArrayLike<number>;
  sampleRateHz: number;
}

export interface BackAverageChannel {
  label: string;
  /** Average over the used epochs, µV, one value per sample of the window. */
  averageUv: number[];
  /** Largest |average| inside the search window. */
  deflection: { latencyMs: number; amplitudeUv: number };
  /** Per-channel surrogate p-value of the deflection (not corrected across channels). */
  pValue: number;
}

export interface BackAverageResult {
  mode: BackAverageMode;
  sampleRateHz: number;
  /** Time of each averaged sample relative to the trigger, ms. */
  timesMs: number[];
  nTriggers: number;
  nUsed: number;
  nRejectedArtefact: number;
  nOutOfRange: number;
  channels: BackAverageChannel[];
  significance: {
    /** Largest |average| over channels and the search window, µV. */
    statisticUv: number;
    channel: string | null;
    latencyMs: number | null;
    /** Surrogate p-value, (1 + #surrogates ≥ statistic) / (1 + surrogates). */
    pValue: number;
    significant: boolean;
    /** The (1 − alpha) quantile of the surrogate statistic, µV. */
    criticalUv: number;
    surrogatesUsed: number;
  };
  statement: string;
  settings: BackAverageSettings;
  filters: ButterDesign[];
  warnings: CodedWarning[];
}

function validate(s: BackAverageSettings): void {
  const [w0, w1] = s.windowMs;
  const inside = (r: [number, number]) => r[0] >= w0 && r[1] <= w1 && r[0] < r[1];
  if (!(w0 < 0 && w1 > w0))
    throw new MyoTraceError('DETECT_BA_BAD_WINDOW', `epoch window ${w0}:${w1} ms must start before the trigger`, {
      field: 'windowMs',
      hint: 'use for example -300:300',
    });
  if (!inside(s.baselineMs))
    throw new MyoTraceError('DETECT_BA_BAD_WINDOW', 'the baseline must lie inside the epoch window', {
      field: 'baselineMs',
    });
  if (!inside(s.searchMs))
    throw new MyoTraceError('DETECT_BA_BAD_WINDOW', 'the search window must lie inside the epoch window', {
      field: 'searchMs',
    });
  if (!(s.surrogates >= 19 && Number.isInteger(s.surrogates)))
    throw new MyoTraceError('DETECT_BAD_SETTING', 'at least 19 surrogates are needed', { field: 'surrogates' });
  if (!(s.alpha > 0 && s.alpha < 1))
    throw new MyoTraceError('DETECT_BAD_SETTING', 'alpha must lie between 0 and 1', { field: 'alpha' });
}

interface Prepared {
  data: Float64Array[];
  /** Per channel: prefix sums (baseline means in O(1)) and the max/min of each epoch-long window. */
  prefix: Float64Array[];
  winMax: Float32Array[];
  winMin: Float32Array[];
  fs: number;
  n: number;
  i0: number; // first epoch sample offset (negative)
  len: number;
  b0: number;
  b1: number; // baseline offsets within epoch
  s0: number;
  s1: number; // search offsets within epoch
}

/** Max (sign = 1) or min (sign = −1) of every window of `len` samples (monotonic deque, O(n)). */
function slidingExtreme(x: Float64Array, len: number, sign: 1 | -1): Float32Array {
  const m = x.length - len + 1;
  const out = new Float32Array(Math.max(0, m));
  if (m <= 0) return out;
  const dq = new Int32Array(x.length);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < x.length; i++) {
    const v = sign * x[i];
    while (tail > head && sign * x[dq[tail - 1]] <= v) tail--;
    dq[tail++] = i;
    if (dq[head] <= i - len) head++;
    if (i >= len - 1) out[i - len + 1] = x[dq[head]];
  }
  return out;
}

function prepareChannel(
  x: Float64Array,
  len: number,
): { prefix: Float64Array; winMax: Float32Array; winMin: Float32Array } {
  const prefix = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) prefix[i + 1] = prefix[i] + x[i];
  return { prefix, winMax: slidingExtreme(x, len, 1), winMin: slidingExtreme(x, len, -1) };
}

/**
 * Adds the baseline-corrected epochs starting at `starts` (sample index of the epoch start) to
 * `acc` (per channel, epoch length), skipping epochs that fail artefact rejection, until
 * `wantUsed` epochs were added. `full` = false accumulates only the search window.
 */
function accumulate(
  p: Prepared,
  starts: ArrayLike<number>,
  rejectUv: number,
  acc: Float64Array[],
  wantUsed: number,
  full: boolean,
): { used: number; rejected: number } {
  let used = 0;
  let rejected = 0;
  const nCh = p.data.length;
  const base = new Float64Array(nCh);
  const nb = p.b1 - p.b0;
  for (let k = 0; k < starts.length && used < wantUsed; k++) {
    const st = starts[k];
    let ok = true;
    for (let c = 0; c < nCh; c++) {
      const b = (p.prefix[c][st + p.b1] - p.prefix[c][st + p.b0]) / nb;
      base[c] = b;
      if (p.winMax[c][st] - b > rejectUv || b - p.winMin[c][st] > rejectUv) {
        ok = false;
        break;
      }
    }
    if (!ok) {
      rejected++;
      continue;
    }
    used++;
    const from = full ? 0 : p.s0;
    const to = full ? p.len : p.s1;
    for (let c = 0; c < nCh; c++) {
      const x = p.data[c];
      const a = acc[c];
      const bc = base[c];
      for (let i = from; i < to; i++) a[i] += x[st + i] - bc;
    }
  }
  return { used, rejected };
}

function maxAbsInSearch(
  acc: Float64Array[],
  used: number,
  s0: number,
  s1: number,
): { value: number; channel: number; index: number; perChannel: number[] } {
  let value = -1;
  let channel = 0;
  let index = s0;
  const perChannel: number[] = [];
  for (let c = 0; c < acc.length; c++) {
    let m = -1;
    for (let i = s0; i < s1; i++) {
      const v = Math.abs(acc[c][i]) / used;
      if (v > m) {
        m = v;
        if (v > value) {
          value = v;
          channel = c;
          index = i;
        }
      }
    }
    perChannel.push(m);
  }
  return { value, channel, index, perChannel };
}

export function backAverage(
  channels: BackAverageChannelInput[],
  triggersSec: ArrayLike<number>,
  settings?: Partial<BackAverageSettings>,
): BackAverageResult {
  const modeDefaults =
    settings?.mode === 'bereitschaftspotential' ? bereitschaftspotentialSettings : defaultBackAverageSettings;
  const s: BackAverageSettings = { ...modeDefaults, ...(settings ?? {}) };
  validate(s);
  if (channels.length === 0)
    throw new MyoTraceError('DETECT_BA_NO_CHANNELS', 'no EEG channel was given for back-averaging', {
      hint: 'name EEG channels, for example --eeg C3,C4',
    });
  const fs = channels[0].sampleRateHz;
  for (const ch of channels) {
    if (ch.sampleRateHz !== fs)
      throw new MyoTraceError(
        'DETECT_BA_RATE_MISMATCH',
        `EEG channel ${ch.label} is sampled at ${ch.sampleRateHz} Hz, not ${fs} Hz like ${channels[0].label}`,
        { hint: 'back-average channels with one sample rate' },
      );
  }
  const n = Math.min(...channels.map((c) => c.samplesUv.length));
  const warnings: CodedWarning[] = [];
  const filters: ButterDesign[] = [];
  if (s.highpassHz !== null) filters.push(butterworth(s.filterOrder, s.highpassHz, 'highpass', fs));
  if (s.lowpassHz !== null) {
    if (s.lowpassHz >= fs / 2)
      warnings.push({
        code: 'DETECT_BA_LOWPASS_SKIPPED',
        message: `low-pass ${s.lowpassHz} Hz is at or above Nyquist and was not applied`,
      });
    else filters.push(butterworth(s.filterOrder, s.lowpassHz, 'lowpass', fs));
  }
  const data = channels.map((c) => {
    let x: Float64Array = Float64Array.from(c.samplesUv as ArrayLike<number>).subarray(0, n);
    for (const f of filters) x = zeroPhase(f, x);
    return x;
  });
  const ms = (v: number) => Math.round((v * fs) / 1000);
  const i0 = ms(s.windowMs[0]);
  const len = ms(s.windowMs[1]) - i0 + 1;
  const prepared = data.map((x) => prepareChannel(x, len));
  const p: Prepared = {
    data,
    fs,
    n,
    i0,
    len,
    prefix: prepared.map((q) => q.prefix),
    winMax: prepared.map((q) => q.winMax),
    winMin: prepared.map((q) => q.winMin),
    b0: ms(s.baselineMs[0]) - i0,
    b1: ms(s.baselineMs[1]) - i0,
    s0: ms(s.searchMs[0]) - i0,
    s1: ms(s.searchMs[1]) - i0 + 1,
  };
  // real epochs
  const starts: number[] = [];
  let outOfRange = 0;
  for (let k = 0; k < triggersSec.length; k++) {
    const st = Math.round(triggersSec[k] * fs) + i0;
    if (st < 0 || st + len > n) outOfRange++;
    else starts.push(st);
  }
  const acc = data.map(() => new Float64Array(len));
  const { used, rejected } = accumulate(p, starts, s.rejectUv, acc, Infinity, true);
  const timesMs = Array.from({ length: len }, (_, i) => ((i + i0) * 1000) / fs);
  if (used === 0) {
    throw new MyoTraceError(
      'DETECT_BA_NO_EPOCHS',
      `none of the ${triggersSec.length} triggers gave a usable epoch (${outOfRange} outside the recording, ${rejected} rejected as artefact)`,
      {
        hint: 'check the trigger channel, widen the artefact limit (rejectUv) or shorten the window',
      },
    );
  }
  if (used < s.minJerks)
    warnings.push({
      code: 'DETECT_BA_FEW_JERKS',
      message: `only ${used} jerks were averaged; back-averaging usually needs 50–200`,
    });
  const obs = maxAbsInSearch(acc, used, p.s0, p.s1);

  // surrogates: same number of epochs at random times, same rejection, same statistic
  const rng = createSimRng(s.seed);
  const sAcc = data.map(() => new Float64Array(len));
  const lastStart = n - len;
  const surrogateStats: number[] = [];
  const perChannelExceed = new Array(data.length).fill(0);
  const batch = new Float64Array(Math.max(4 * used, 16));
  for (let r = 0; r < s.surrogates; r++) {
    for (const a of sAcc) a.fill(0, p.s0, p.s1);
    let got = 0;
    for (let attempt = 0; attempt < 8 && got < used; attempt++) {
      for (let k = 0; k < batch.length; k++) batch[k] = Math.floor(rng.next() * (lastStart + 1));
      got += accumulate(p, batch, s.rejectUv, sAcc, used - got, false).used;
    }
    if (got < used) continue;
    const st = maxAbsInSearch(sAcc, used, p.s0, p.s1);
    surrogateStats.push(st.value);
    for (let c = 0; c < data.length; c++) if (st.perChannel[c] >= obs.perChannel[c]) perChannelExceed[c]++;
  }
  const m = surrogateStats.length;
  if (m < s.surrogates)
    warnings.push({
      code: 'DETECT_BA_SURROGATES_SHORT',
      message: `only ${m} of ${s.surrogates} surrogate averages could be formed (too many artefacts)`,
    });
  const exceed = surrogateStats.filter((v) => v >= obs.value).length;
  const pValue = (1 + exceed) / (1 + m);
  const sorted = surrogateStats.slice().sort((x, y) => x - y);
  const criticalUv = m > 0 ? sorted[Math.min(m - 1, Math.ceil((1 - s.alpha) * m) - 1)] : Number.NaN;
  const significant = pValue <= s.alpha;

  const outChannels: BackAverageChannel[] = channels.map((c, ci) => {
    let best = p.s0;
    for (let i = p.s0; i < p.s1; i++) if (Math.abs(acc[ci][i]) > Math.abs(acc[ci][best])) best = i;
    return {
      label: c.label,
      averageUv: Array.from(acc[ci], (v) => v / used),
      deflection: { latencyMs: timesMs[best], amplitudeUv: acc[ci][best] / used },
      pValue: (1 + perChannelExceed[ci]) / (1 + m),
    };
  });
  const where = `${channels[obs.channel].label} at ${timesMs[obs.index].toFixed(0)} ms`;
  const statement = significant
    ? `a time-locked deflection of ${(acc[obs.channel][obs.index] / used).toFixed(1)} µV (${where}) precedes the jerks (surrogate p = ${pValue.toFixed(3)}, ${used} jerks); compatible with a cortical event before the jerk. Informational finding, not a diagnosis.`
    : `no deflection before the jerks exceeded the surrogate distribution (largest ${obs.value.toFixed(1)} µV, ${where}; p = ${pValue.toFixed(3)}, ${used} jerks).`;
  return {
    mode: s.mode,
    sampleRateHz: fs,
    timesMs,
    nTriggers: triggersSec.length,
    nUsed: used,
    nRejectedArtefact: rejected,
    nOutOfRange: outOfRange,
    channels: outChannels,
    significance: {
      statisticUv: obs.value,
      channel: channels[obs.channel].label,
      latencyMs: timesMs[obs.index],
      pValue,
      significant,
      criticalUv,
      surrogatesUsed: m,
    },
    statement,
    settings: s,
    filters,
    warnings,
  };
}
