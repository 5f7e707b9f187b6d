/**
 * Rhythmicity of burst onsets: the periodogram of the onset point process,
 * P(f) = |Σ exp(−2πi f t_k)|² / N. For irregular (Poisson) bursting P(f) is close to
 * exponentially distributed with mean 1, which gives a p-value for the largest peak corrected
 * for the number of independent frequencies (≈ bandwidth × duration). Repeating bursts at
 * 1–7 Hz are reported as compatible with rhythmic (e.g. propriospinal or segmental) myoclonus.
 */
export interface RhythmSettings {
  minHz: number;
  maxHz: number;
  stepHz: number;
  /** Band for the "rhythmic myoclonus" statement. */
  rhythmicBandHz: [number, number];
  alpha: number;
}

export const defaultRhythmSettings: RhythmSettings = {
  minHz: 0.5,
  maxHz: 15,
  stepHz: 0.05,
  rhythmicBandHz: [1, 7],
  alpha: 0.01,
};

export interface RhythmResult {
  n: number;
  spanSec: number;
  spectrum: { hz: number; power: number }[];
  peakHz: number | null;
  peakPower: number | null;
  /** Probability of so large a peak in irregular bursting (corrected for the frequencies searched). */
  pValue: number | null;
  /** Coefficient of variation of inter-burst intervals (≈ 1 irregular, near 0 periodic). */
  intervalCv: number | null;
  rhythmic: boolean;
  statement: string;
  settings: RhythmSettings;
}

export function burstRhythm(onsetsSec: ArrayLike<number>, settings?: Partial<RhythmSettings>): RhythmResult {
  const s: RhythmSettings = { ...defaultRhythmSettings, ...(settings ?? {}) };
  const t = Float64Array.from(onsetsSec as ArrayLike<number>).sort();
  const n = t.length;
  const spanSec = n > 1 ? t[n - 1] - t[0] : 0;
  const base = { n, spanSec, settings: s };
  if (n < 8 || spanSec <= 0) {
    return {
      ...base,
      spectrum: [],
      peakHz: null,
      peakPower: null,
      pValue: null,
      intervalCv: null,
      rhythmic: false,
      statement: 'too few bursts to judge rhythmicity (at least 8 needed)',
    };
  }
  const spectrum: { hz: number; power: number }[] = [];
  let peakHz = 0;
  let peakPower = -1;
  const lowest = Math.max(s.minHz, 2 / spanSec);
  for (let f = lowest; f <= s.maxHz + 1e-9; f += s.stepHz) {
    let re = 0,
      im = 0;
    const w = 2 * Math.PI * f;
    for (let k = 0; k < n; k++) {
      re += Math.cos(w * t[k]);
      im += Math.sin(w * t[k]);
    }
    const power = (re * re + im * im) / n;
    spectrum.push({ hz: Math.round(f * 1000) / 1000, power });
    if (power > peakPower) {
      peakPower = power;
      peakHz = f;
    }
  }
  const m = Math.max(1, (s.maxHz - lowest) * spanSec);
  const pValue = Math.min(1, -Math.expm1(m * Math.log1p(-Math.exp(-peakPower))));
  const iv: number[] = [];
  for (let k = 1; k < n; k++) iv.push(t[k] - t[k - 1]);
  const mean = iv.reduce((a, b) => a + b, 0) / iv.length;
  const sd = Math.sqrt(iv.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, iv.length - 1));
  const inBand = peakHz >= s.rhythmicBandHz[0] && peakHz <= s.rhythmicBandHz[1];
  const rhythmic = pValue < s.alpha && inBand;
  const statement = rhythmic
    ? `bursts repeat at about ${peakHz.toFixed(2)} Hz (p = ${pValue.toExponential(1)}): compatible with rhythmic myoclonus (1–7 Hz, as in propriospinal or segmental myoclonus). Informational finding, not a diagnosis.`
    : pValue < s.alpha
      ? `bursts repeat at about ${peakHz.toFixed(2)} Hz, outside the 1–7 Hz band of rhythmic myoclonus`
      : 'no significant rhythm in burst onsets (irregular bursting)';
  return {
    ...base,
    spectrum,
    peakHz: Math.round(peakHz * 1000) / 1000,
    peakPower,
    pValue,
    intervalCv: mean > 0 ? sd / mean : null,
    rhythmic,
    statement,
  };
}
