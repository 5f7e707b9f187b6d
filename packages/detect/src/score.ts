import { type CodedWarning, MyoTraceError } from '@myotrace/errors';
import { type ChannelOverride, findLegChannels, type LegChannel } from './lm/channels.js';
import { detectLegMovements, type LegMovementDetection } from './lm/detect.js';
import type { LegMovementSettingsInput } from './lm/settings.js';
import { microvoltFactor } from './lm/units.js';
import { applyPlmRules } from './plm/apply.js';
import { type PlmSettingsOverrides, plmSettings } from './plm/settings.js';
import type { LmEvent } from './plm/types.js';
import { resolveSleepInputs, type SleepFile } from './sleep/load.js';
import type { ScoreResult, ScoringStandard } from './score-types.js';

/**
 * The part of `@myotrace/edf`'s EdfReader the pipeline uses (structural, so any reader with
 * these members works, including test fakes).
 */
export interface ScoreReader {
  header: { startTime: string | null; durationSec: number };
  signals: ReadonlyArray<{ label: string; unit: string | null; sampleRate: number; sampleCount: number }>;
  annotations: ReadonlyArray<{ onset: number; duration: number | null; text: string }>;
  warnings: ReadonlyArray<CodedWarning>;
  readSignals(indices: number[], fromSec?: number, toSec?: number): Promise<Float32Array[]>;
}

export type ScorePhase = 'read' | 'detect' | 'rules';

export interface ScoreOptions {
  standard?: ScoringStandard;
  /** Rule overrides on top of the standard's defaults (documented variants). */
  rules?: PlmSettingsOverrides;
  /** Apply the paediatric ICSD-3 threshold (> 5/h) in the finding. */
  child?: boolean;
  left?: ChannelOverride;
  right?: ChannelOverride;
  /** Unit of the leg channels when the header's is missing or wrong ('uV', 'mV', 'V'). */
  unit?: string;
  detector?: LegMovementSettingsInput;
  /** Parsed `--hypnogram` / `--events` files (see `parseSleepFile`). */
  hypnogram?: SleepFile;
  events?: SleepFile;
  /** Name written to `recording.file`. */
  file?: string;
  tool?: { name: string; version: string };
  /** Length of each read window (s). Default 120: measured 2–4× faster than 600 s or whole-channel reads for two 500 Hz legs (the window stays in cache). */
  readWindowSec?: number;
  /** Below this sample rate the EMG band the rules rely on is gone: DETECT_RATE_TOO_LOW. Default 100 Hz. */
  minSampleRateHz?: number;
  /** Called after each read window and each step: fraction of the work done (0–1). */
  onProgress?: (fraction: number, phase: ScorePhase) => void;
}

interface LegPlan {
  side: 'left' | 'right';
  channel: LegChannel;
  rateHz: number;
  unit: string | null;
  factor: number;
}

/**
 * The whole pipeline: leg channels, units to µV, the leg-movement detector per leg, sleep context,
 * and the WASM 2016 or AASM rules, giving the `myotrace score --json` contract object. Only the leg
 * channels are read, window by window, straight into one µV buffer per leg.
 */
export async function scoreRecording(reader: ScoreReader, options: ScoreOptions = {}): Promise<ScoreResult> {
  const standard = options.standard ?? 'wasm2016';
  const rules = plmSettings(standard, {
    ...options.rules,
    finding: { ...options.rules?.finding, ...(options.child !== undefined ? { child: options.child } : {}) },
  });
  const minRate = options.minSampleRateHz ?? 100;
  const warnings: CodedWarning[] = reader.warnings.map((w) => ({ code: w.code, message: w.message }));
  const progress = options.onProgress ?? (() => {});

  const found = findLegChannels(reader.signals, { left: options.left, right: options.right });
  const legs: LegPlan[] = [];
  const plan = (side: 'left' | 'right', channel: LegChannel): LegPlan => {
    const sig = reader.signals[channel.index];
    const unit = options.unit ?? sig.unit;
    if (!(sig.sampleRate >= minRate)) {
      throw new MyoTraceError(
        'DETECT_RATE_TOO_LOW',
        `leg channel "${channel.label}" is sampled at ${sig.sampleRate} Hz; scoring needs at least ${minRate} Hz (the AASM asks for 200 Hz)`,
        { hint: 'Score the original recording rather than a down-sampled export; leg EMG needs 200 Hz or more.' },
      );
    }
    return { side, channel, rateHz: sig.sampleRate, unit, factor: microvoltFactor(unit) };
  };
  if (found.left) legs.push(plan('left', found.left));
  if (found.right) legs.push(plan('right', found.right));
  if (!found.left && !found.right && found.combined) {
    legs.push(plan('left', found.combined));
    warnings.push({
      code: 'DETECT_COMBINED_LEG_CHANNEL',
      message: `only one channel ("${found.combined.label}") carries both legs: its LMs are listed as "left" and no bilateral LMs can be formed`,
    });
  } else if (legs.length === 1) {
    warnings.push({
      code: 'DETECT_ONE_LEG',
      message: `no ${legs[0].side === 'left' ? 'right' : 'left'} leg channel was found: only one leg is scored, so bilateral LMs cannot be formed`,
    });
  }
  if (legs.length === 2 && legs[0].channel.index === legs[1].channel.index) {
    throw new MyoTraceError('DETECT_SAME_LEG_CHANNEL', `left and right leg are the same channel ("${legs[0].channel.label}")`, {
      hint: 'Give two different channels with --left and --right.',
    });
  }

  const uv = await readLegsMicrovolts(reader, legs, options.readWindowSec ?? 120, (f) => progress(0.5 * f, 'read'));

  const detections: Partial<Record<'left' | 'right', LegMovementDetection>> = {};
  const lists: Record<'left' | 'right', LmEvent[]> = { left: [], right: [] };
  legs.forEach((leg, k) => {
    const d = detectLegMovements(uv[k], leg.rateHz, options.detector ?? {});
    uv[k] = new Float32Array(0); // let the buffer go before the next leg is filtered
    detections[leg.side] = d;
    lists[leg.side] = d.events.map((e) => ({ onsetSec: e.onsetSec, durationSec: e.durationSec }));
    for (const w of d.warnings) warnings.push({ code: w.code, message: `${leg.side} leg: ${w.message}` });
    progress(0.5 + (0.4 * (k + 1)) / legs.length, 'detect');
  });

  const sleepInputs = resolveSleepInputs({
    recordingAnnotations: reader.annotations.map((a) => ({ onsetSec: a.onset, durationSec: a.duration, text: a.text })),
    recordingStartTime: reader.header.startTime,
    hypnogram: options.hypnogram,
    events: options.events,
  });
  warnings.push(...sleepInputs.warnings);

  const units = [...new Set(legs.map((l) => l.unit ?? ''))];
  const result = applyPlmRules(
    {
      left: lists.left,
      right: lists.right,
      durationSec: reader.header.durationSec,
      sleep: sleepInputs.sleep,
      respiratoryEvents: sleepInputs.respiratoryEvents,
      arousals: sleepInputs.arousals,
      recording: { file: options.file ?? '', startTime: reader.header.startTime },
      channels: {
        left: legs.find((l) => l.side === 'left')?.channel.label ?? null,
        right: legs.find((l) => l.side === 'right')?.channel.label ?? null,
        unit: units.length === 1 ? units[0] || null : units.join('/'),
      },
      tool: options.tool,
      warnings,
      extraSettings: {
        detector: Object.fromEntries(
          Object.entries(detections).map(([side, d]) => [side, { settings: d.settings, preprocessing: d.preprocessing }]),
        ),
        pipeline: {
          minSampleRateHz: minRate,
          readWindowSec: options.readWindowSec ?? 120,
          legs: legs.map((l) => ({
            side: l.side,
            label: l.channel.label,
            index: l.channel.index,
            chosenBy: l.side === 'left' ? found.how.left ?? 'combined' : found.how.right,
            sampleRateHz: l.rateHz,
            unit: l.unit,
            toMicrovoltFactor: l.factor,
          })),
          unitOverride: options.unit ?? null,
        },
      },
    },
    rules,
  );
  progress(1, 'rules');
  return result;
}

/**
 * Reads the leg channels window by window (both legs in one pass over the records) into one µV
 * buffer per leg; the header unit factor is applied while copying, so no extra full-length copy.
 */
async function readLegsMicrovolts(
  reader: ScoreReader,
  legs: readonly LegPlan[],
  windowSec: number,
  onProgress: (fraction: number) => void,
): Promise<Float32Array[]> {
  const duration = reader.header.durationSec;
  const bufs = legs.map((l) => new Float32Array(Math.ceil(duration * l.rateHz) + 16));
  const filled = legs.map(() => 0);
  const indices = legs.map((l) => l.channel.index);
  const step = Math.max(1, windowSec);
  for (let from = 0; from < duration; from += step) {
    const to = Math.min(duration, from + step);
    const parts = await reader.readSignals(indices, from, to);
    parts.forEach((part, k) => {
      let buf = bufs[k];
      if (filled[k] + part.length > buf.length) {
        const grown = new Float32Array(Math.max(buf.length * 2, filled[k] + part.length));
        grown.set(buf.subarray(0, filled[k]));
        bufs[k] = buf = grown;
      }
      const f = legs[k].factor;
      const o = filled[k];
      if (f === 1) buf.set(part, o);
      else for (let i = 0; i < part.length; i++) buf[o + i] = part[i] * f;
      filled[k] += part.length;
    });
    onProgress(to / duration);
  }
  return bufs.map((b, k) => b.subarray(0, filled[k]));
}
