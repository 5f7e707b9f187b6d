/**
 * Mains-hum measurement: is there a narrow spectral line at 50 or 60 Hz (or a harmonic)?
 *
 * Up to `maxSegments` 2-s segments spread over the recording are Hann-windowed, and the
 * power at the candidate frequency (one DFT bin via the Goertzel recurrence; 0.5 Hz bins) is
 * compared with the median power of bins 2–6 Hz either side. A line more than
 * `detectRatioDb` above its neighbourhood with a peak amplitude of at least `minAmplitudeUv`
 * counts as hum in that segment. Broadband EMG raises the neighbours too, so bursts do not
 * look like hum; a sinusoid does.
 */
export interface MainsLine {
  frequencyHz: number;
  /** Median over segments of line power / neighbourhood power, in dB. */
  ratioDb: number;
  /** Median sinusoid peak amplitude (µV) over segments. */
  amplitudeUv: number;
  /** Fraction of segments in which the line counted as hum. */
  presentFraction: number;
  present: boolean;
}

export interface MainsMeasurement {
  segments: number;
  segmentSec: number;
  lines: MainsLine[];
}

export interface MainsOptions {
  detectRatioDb: number;
  minAmplitudeUv: number;
  minSegmentFraction: number;
  /** Frequencies to test (default 50 and 60 Hz and their harmonics below the limit). */
  candidatesHz?: number[];
  /** Highest frequency tested (default 0.45 × sample rate). */
  maxHz?: number;
  maxSegments?: number;
}

function goertzelPower(
  x: ArrayLike<number>,
  start: number,
  n: number,
  window: Float64Array,
  mean: number,
  bin: number,
): number {
  const w = (2 * Math.PI * bin) / n;
  const c = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = (x[start + i] - mean) * window[i] + c * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - c * s1 * s2;
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

export function measureMains(x: ArrayLike<number>, sampleRateHz: number, opts: MainsOptions): MainsMeasurement {
  const segmentSec = 2;
  const n = Math.round(segmentSec * sampleRateHz);
  const maxHz = opts.maxHz ?? 0.45 * sampleRateHz;
  const candidates = (opts.candidatesHz ?? [50, 60, 100, 120, 150, 180]).filter(
    (f) => f + 6 < Math.min(maxHz, sampleRateHz / 2),
  );
  const available = Math.floor(x.length / n);
  const segments = Math.min(available, opts.maxSegments ?? 32);
  const window = new Float64Array(n);
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
    wsum += window[i];
  }
  const ratios: number[][] = candidates.map(() => []);
  const amps: number[][] = candidates.map(() => []);
  const present = candidates.map(() => 0);
  const binHz = sampleRateHz / n;
  for (let s = 0; s < segments; s++) {
    // evenly spread, centred in equal shares of the recording
    const share = Math.floor(available / segments);
    const start = (s * share + (share >> 1)) * n;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[start + i];
    mean /= n;
    candidates.forEach((f, ci) => {
      const bin = Math.round(f / binHz);
      const line = goertzelPower(x, start, n, window, mean, bin);
      const neighbours: number[] = [];
      for (let dHz = 2; dHz <= 6; dHz += binHz) {
        for (const sign of [-1, 1]) {
          const nb = Math.round((f + sign * dHz) / binHz);
          neighbours.push(goertzelPower(x, start, n, window, mean, nb));
        }
      }
      const floor = Math.max(median(neighbours), 1e-30);
      const ratioDb = 10 * Math.log10(Math.max(line, 1e-30) / floor);
      const amplitude = (2 * Math.sqrt(Math.max(line, 0))) / wsum;
      ratios[ci].push(ratioDb);
      amps[ci].push(amplitude);
      if (ratioDb >= opts.detectRatioDb && amplitude >= opts.minAmplitudeUv) present[ci] += 1;
    });
  }
  const lines: MainsLine[] = candidates.map((f, ci) => {
    const presentFraction = segments > 0 ? present[ci] / segments : 0;
    return {
      frequencyHz: f,
      ratioDb: round3(median(ratios[ci])),
      amplitudeUv: round3(median(amps[ci])),
      presentFraction: round3(presentFraction),
      present: segments > 0 && presentFraction >= opts.minSegmentFraction,
    };
  });
  return { segments, segmentSec, lines };
}

function round3(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v;
}
