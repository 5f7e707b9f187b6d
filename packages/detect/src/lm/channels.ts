import { MyoTraceError } from '@myotrace/errors';

/** Where a leg's EMG lives among the recording's ordinary signals. */
export interface LegChannel {
  index: number;
  label: string;
}

export interface LegChannels {
  left: LegChannel | null;
  right: LegChannel | null;
  /**
   * A single channel carrying both legs (labels such as "Legs" or "Leg EMG"). Only set when
   * no side-specific channel was found; the scorer then treats it as one leg and warns.
   */
  combined: LegChannel | null;
  /** How each side was chosen, for the result's settings record. */
  how: { left: 'label' | 'override' | null; right: 'label' | 'override' | null };
}

/** A channel chosen by the user: an exact label (case-insensitive) or a 0-based signal index. */
export type ChannelOverride = string | number;

// Labels are compared after upper-casing and removing everything but letters and digits,
// so "EMG Tib-L", "Tib_L" and "tib l" are the same. Each alternative is a whole-label pattern;
// an optional reference part ("LAT1-LAT2") and an "EMG" prefix or suffix are allowed.
const LEFT_CORES = [
  'LAT',
  'LTA',
  'TAL',
  'LTIB',
  'TIBL',
  'LEFTTIB',
  'TIBLEFT',
  'LTIBIALIS',
  'TIBIALISL',
  'LEFTTIBIALIS',
  'TIBIALISLEFT',
  'LLEG',
  'LEGL',
  'LEFTLEG',
  'LEGLEFT',
  'LEGLT',
  'LTLEG',
  'LEMG',
  'EMGL',
  'LEFTLM',
  'LML',
  'LLM',
  'PLML',
  'LPLM',
];
const RIGHT_CORES = [
  'RAT',
  'RTA',
  'TAR',
  'RTIB',
  'TIBR',
  'RIGHTTIB',
  'TIBRIGHT',
  'RTIBIALIS',
  'TIBIALISR',
  'RIGHTTIBIALIS',
  'TIBIALISRIGHT',
  'RLEG',
  'LEGR',
  'RIGHTLEG',
  'LEGRIGHT',
  'LEGRT',
  'RTLEG',
  'REMG',
  'EMGR',
  'RIGHTLM',
  'LMR',
  'RLM',
  'PLMR',
  'RPLM',
];
// numbered legs: by the usual montage convention "Leg 1" is the left and "Leg 2" the right
const LEFT_NUMBERED = ['LEG1', 'LEGEMG1', 'EMGLEG1', 'TIB1', 'TIBIALIS1', 'LM1', 'PLM1'];
const RIGHT_NUMBERED = ['LEG2', 'LEGEMG2', 'EMGLEG2', 'TIB2', 'TIBIALIS2', 'LM2', 'PLM2'];
const COMBINED = [
  'LEG',
  'LEGS',
  'LEGEMG',
  'EMGLEG',
  'EMGLEGS',
  'LEGSEMG',
  'LM',
  'PLM',
  'TIB',
  'TIBIALIS',
  'TIBS',
  'BOTHLEGS',
  'LEGBOTH',
];

function normalise(label: string): string {
  return label.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function compile(cores: string[]): RegExp {
  const alt = cores.join('|');
  // core, optional electrode number, optional second electrode of the same side ("LAT1-LAT2"),
  // optional EMG prefix/suffix
  return new RegExp(`^(?:EMG)?(?:${alt})\\d?(?:(?:${alt})?\\d)?(?:EMG)?$`);
}

const LEFT_RE = compile(LEFT_CORES);
const RIGHT_RE = compile(RIGHT_CORES);
const LEFT_NUM_RE = new RegExp(`^(?:EMG)?(?:${LEFT_NUMBERED.join('|')})(?:EMG)?$`);
const RIGHT_NUM_RE = new RegExp(`^(?:EMG)?(?:${RIGHT_NUMBERED.join('|')})(?:EMG)?$`);
const COMBINED_RE = new RegExp(`^(?:EMG)?(?:${COMBINED.join('|')})(?:EMG)?$`);

/** Which side a label names, if any: 'left', 'right', 'combined' or null. */
export function classifyLegLabel(label: string): 'left' | 'right' | 'combined' | null {
  const n = normalise(label);
  if (n.length === 0) return null;
  if (LEFT_RE.test(n) || LEFT_NUM_RE.test(n)) return 'left';
  if (RIGHT_RE.test(n) || RIGHT_NUM_RE.test(n)) return 'right';
  if (COMBINED_RE.test(n)) return 'combined';
  return null;
}

function resolveOverride(signals: readonly { label: string }[], o: ChannelOverride, side: string): LegChannel {
  if (typeof o === 'number') {
    if (!Number.isInteger(o) || o < 0 || o >= signals.length) {
      throw new MyoTraceError(
        'DETECT_CHANNEL_NOT_FOUND',
        `--${side} index ${o} is not a signal index (0..${signals.length - 1}).`,
        {
          field: side,
          hint: 'Give the exact channel label or a 0-based index of an ordinary signal.',
        },
      );
    }
    return { index: o, label: signals[o].label };
  }
  const want = o.trim().toUpperCase();
  let idx = signals.findIndex((s) => s.label.trim().toUpperCase() === want);
  if (idx < 0 && /^\d+$/.test(want)) idx = Number(want) < signals.length ? Number(want) : -1;
  if (idx < 0) {
    throw new MyoTraceError('DETECT_CHANNEL_NOT_FOUND', `No channel labelled "${o}" for the ${side} leg.`, {
      field: side,
      hint: `Choose one of: ${signals.map((s) => s.label).join(', ')}.`,
    });
  }
  return { index: idx, label: signals[idx].label };
}

/**
 * Finds the left and right tibialis EMG channels by label (LAT/RAT, Leg L/R, L Leg/R Leg,
 * EMG Tib-L/R, Tib L/R, LLEG/RLEG, Left Leg, LAT1-LAT2, Leg 1/2, ...), unless overridden.
 * Throws DETECT_NO_LEG_CHANNELS when no leg channel at all is found.
 */
export function findLegChannels(
  signals: readonly { label: string }[],
  overrides: { left?: ChannelOverride; right?: ChannelOverride } = {},
): LegChannels {
  let left: LegChannel | null = null;
  let right: LegChannel | null = null;
  let combined: LegChannel | null = null;
  const how: LegChannels['how'] = { left: null, right: null };
  if (overrides.left !== undefined) {
    left = resolveOverride(signals, overrides.left, 'left');
    how.left = 'override';
  }
  if (overrides.right !== undefined) {
    right = resolveOverride(signals, overrides.right, 'right');
    how.right = 'override';
  }
  for (let i = 0; i < signals.length; i++) {
    const kind = classifyLegLabel(signals[i].label);
    if (kind === 'left' && left === null) {
      left = { index: i, label: signals[i].label };
      how.left = 'label';
    } else if (kind === 'right' && right === null) {
      right = { index: i, label: signals[i].label };
      how.right = 'label';
    } else if (kind === 'combined' && combined === null) {
      combined = { index: i, label: signals[i].label };
    }
  }
  if (left !== null || right !== null) combined = null;
  if (left === null && right === null && combined === null) {
    throw new MyoTraceError('DETECT_NO_LEG_CHANNELS', 'No leg EMG channel was found among the signal labels.', {
      hint: 'Name the channels with --left LABEL and --right LABEL (for example --left "EMG5" --right "EMG6").',
    });
  }
  return { left, right, combined, how };
}
