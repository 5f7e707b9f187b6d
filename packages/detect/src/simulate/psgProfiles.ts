/**
 * Night profiles for the PSG simulator. Each is a small set of rates and ranges; the simulator
 * draws everything else from the seed. Rates are per hour of the relevant state.
 */
export type PsgProfileName = 'healthy' | 'plmd-mild' | 'plmd-severe' | 'rls-wake' | 'noisy' | 'apnea' | 'difficult';

export interface PsgProfile {
  name: PsgProfileName;
  description: string;
  /** Sleep architecture: minutes of wake before sleep, extra wake after sleep onset per hour. */
  sleepLatencyMin: [number, number];
  wasoMinPerHour: [number, number];
  /** PLM series started per hour of NREM sleep / REM sleep / wake. */
  seriesPerHour: { nrem: number; rem: number; wake: number };
  /** LMs per series (uniform). */
  seriesLength: [number, number];
  /** Median onset-to-onset interval inside a series (s) and its log-normal spread. */
  imiMedianSec: number;
  imiSpread: number;
  /** Isolated LMs per hour of sleep and of wake. */
  isolatedPerHour: { sleep: number; wake: number };
  /** Clusters of 3–5 LMs at short intervals (< 10 s) per hour of sleep. */
  clustersPerHour: number;
  /** Movements longer than 10 s per hour (mostly in wake and at stage changes). */
  longPerHour: number;
  /** Share of LMs that are bilateral; the rest are split between the legs. */
  bilateralFraction: number;
  /** Median burst amplitude (RMS, µV) and log-normal spread. */
  amplitudeMedianUv: number;
  amplitudeSpread: number;
  /** Apnoea/hypopnoea events per hour of sleep, and the chance of an LM at an event's end. */
  ahi: number;
  lmAfterRespiratoryChance: number;
  /** Chance that an LM in sleep comes with an arousal; spontaneous arousals per hour of sleep. */
  arousalWithLmChance: number;
  spontaneousArousalsPerHour: number;
  /** Background: resting EMG RMS range (µV), mains hum amplitude range (µV, 0 = none) and the share of the night with hum. */
  restingUv: [number, number];
  humUv: [number, number];
  humNightFraction: number;
  /** Peak of the ECG R wave as it appears in the leg leads (µV). */
  ecgLeakUv: [number, number];
  /** Slow electrode-motion artefacts per hour of wake (no EMG: not LMs). */
  motionArtefactsPerHourWake: number;
  /** Electrode pops (short spikes, not LMs) per hour. */
  popsPerHour: number;
}

const base: Omit<PsgProfile, 'name' | 'description'> = {
  sleepLatencyMin: [6, 20],
  wasoMinPerHour: [2, 6],
  seriesPerHour: { nrem: 0, rem: 0, wake: 0 },
  seriesLength: [4, 12],
  imiMedianSec: 24,
  imiSpread: 0.25,
  isolatedPerHour: { sleep: 4, wake: 10 },
  clustersPerHour: 0.3,
  longPerHour: 0.6,
  bilateralFraction: 0.3,
  amplitudeMedianUv: 45,
  amplitudeSpread: 0.5,
  ahi: 2,
  lmAfterRespiratoryChance: 0.3,
  arousalWithLmChance: 0.25,
  spontaneousArousalsPerHour: 8,
  restingUv: [1.5, 3],
  humUv: [0, 0],
  humNightFraction: 0,
  ecgLeakUv: [3, 12],
  motionArtefactsPerHourWake: 6,
  popsPerHour: 0.5,
};

export const psgProfiles: Record<PsgProfileName, PsgProfile> = {
  healthy: {
    ...base,
    name: 'healthy',
    description: 'Adult without a movement disorder: a few isolated LMs, rare short series.',
    seriesPerHour: { nrem: 0.15, rem: 0, wake: 0.1 },
    seriesLength: [4, 6],
  },
  'plmd-mild': {
    ...base,
    name: 'plmd-mild',
    description: 'PLMS index around 15–30/h: series in light NREM sleep, some bilateral.',
    seriesPerHour: { nrem: 1.2, rem: 0.1, wake: 0.3 },
    seriesLength: [5, 14],
    imiMedianSec: 26,
  },
  'plmd-severe': {
    ...base,
    name: 'plmd-severe',
    description: 'PLMS index above 50/h: long series through NREM, short-interval clusters, frequent arousals.',
    seriesPerHour: { nrem: 2.5, rem: 0.4, wake: 0.8 },
    seriesLength: [10, 40],
    imiMedianSec: 21,
    clustersPerHour: 1.2,
    bilateralFraction: 0.45,
    arousalWithLmChance: 0.4,
    longPerHour: 1,
  },
  'rls-wake': {
    ...base,
    name: 'rls-wake',
    description: 'Restless legs: long sleep latency and much wake, periodic movements while awake, long movements.',
    sleepLatencyMin: [25, 50],
    wasoMinPerHour: [8, 15],
    seriesPerHour: { nrem: 1, rem: 0.1, wake: 3 },
    seriesLength: [5, 20],
    isolatedPerHour: { sleep: 6, wake: 30 },
    longPerHour: 2.5,
    clustersPerHour: 0.8,
    motionArtefactsPerHourWake: 15,
  },
  noisy: {
    ...base,
    name: 'noisy',
    description:
      'Moderate PLMS with a difficult signal: higher resting EMG, mains hum, strong ECG leakage, electrode pops.',
    seriesPerHour: { nrem: 1.2, rem: 0.1, wake: 0.3 },
    seriesLength: [5, 15],
    amplitudeMedianUv: 40,
    restingUv: [3, 5],
    humUv: [8, 30],
    humNightFraction: 0.7,
    ecgLeakUv: [20, 45],
    popsPerHour: 4,
  },
  apnea: {
    ...base,
    name: 'apnea',
    description:
      'Obstructive sleep apnoea (AHI about 30/h): LMs at the end of respiratory events, arousals, some true PLMS.',
    seriesPerHour: { nrem: 0.5, rem: 0.1, wake: 0.2 },
    ahi: 30,
    lmAfterRespiratoryChance: 0.55,
    spontaneousArousalsPerHour: 6,
    wasoMinPerHour: [4, 8],
  },
  difficult: {
    ...base,
    name: 'difficult',
    description:
      'Moderate PLMS at the edge of the AASM recording specification: resting EMG 4–5 µV, strong intermittent hum, ECG leak up to 80 µV, frequent electrode pops, smaller bursts.',
    seriesPerHour: { nrem: 1.2, rem: 0.1, wake: 0.3 },
    seriesLength: [5, 15],
    amplitudeMedianUv: 30,
    restingUv: [4, 5],
    humUv: [20, 60],
    humNightFraction: 0.7,
    ecgLeakUv: [40, 80],
    popsPerHour: 20,
  },
};

export const psgProfileNames = Object.keys(psgProfiles) as PsgProfileName[];
