import type { SleepStage } from '../score-types.js';

export type AnnotationMeaning =
  | { kind: 'stage'; stage: SleepStage | null }
  | { kind: 'respiratory' }
  | { kind: 'arousal' }
  | { kind: 'other' };

const STAGE_WORDS: Record<string, SleepStage | null> = {
  w: 'W',
  wake: 'W',
  '0': 'W',
  n1: 'N1',
  '1': 'N1',
  s1: 'N1',
  n2: 'N2',
  '2': 'N2',
  s2: 'N2',
  n3: 'N3',
  '3': 'N3',
  s3: 'N3',
  n4: 'N3',
  '4': 'N3',
  s4: 'N3',
  r: 'R',
  rem: 'R',
  '5': 'R',
  '?': null,
  u: null,
  unscored: null,
  unknown: null,
  mt: null,
  m: null,
  '6': null,
  '9': null,
  movement: null,
  'movement time': null,
};

/**
 * A stage name as found in a CSV cell or after "Sleep stage": AASM (W, N1–N3, R), R&K (W, 1–4, R,
 * with 3 and 4 both N3), NSRR numeric codes (0 wake, 1–4, 5 REM, 6 movement, 9 unscored).
 * Returns undefined when the word is not a stage at all, null for unscored/movement time.
 */
export function parseStageWord(word: string): SleepStage | null | undefined {
  const w = word.trim().toLowerCase();
  return Object.hasOwn(STAGE_WORDS, w) ? STAGE_WORDS[w] : undefined;
}

/**
 * What an annotation text means for scoring: a sleep stage (AASM `Sleep stage N2`, R&K
 * `Sleep stage 2`/`Sleep stage ?`, `Movement time`, NSRR concepts `Stage 2 sleep|2`, `REM sleep|5`,
 * `Wake|0`), a respiratory event (apnoea, hypopnoea, RERA; not desaturations), an arousal, or other.
 */
export function classifyAnnotation(text: string): AnnotationMeaning {
  const t = text.trim();
  const lower = t.toLowerCase();
  // NSRR concepts carry "name|code": the name decides
  const name = lower.includes('|') ? lower.slice(0, lower.indexOf('|')).trim() : lower;

  let m = /^sleep[ _]stage[ _:]*(\S+)$/.exec(name);
  if (m) {
    const stage = parseStageWord(m[1]);
    if (stage !== undefined) return { kind: 'stage', stage };
  }
  m = /^stage ([1-4]) sleep$/.exec(name);
  if (m) return { kind: 'stage', stage: parseStageWord(m[1]) ?? null };
  m = /^nrem ?([1-4])$/.exec(name); // NSRR variant concepts `NREM2|2`
  if (m) return { kind: 'stage', stage: parseStageWord(m[1]) ?? null };
  if (name === 'rem sleep' || name === 'rem' || name === 'stage r' || name === 'stage rem') return { kind: 'stage', stage: 'R' };
  if (name === 'wake' || name === 'stage w' || name === 'wakefulness') return { kind: 'stage', stage: 'W' };
  m = /^stage (n[1-4]|[1-4])$/.exec(name);
  if (m) return { kind: 'stage', stage: parseStageWord(m[1]) ?? null };
  if (name === 'movement time' || name === 'movement' || name === 'unscored' || name === 'stage ?') {
    return { kind: 'stage', stage: null };
  }

  if (/desat/.test(name)) return { kind: 'other' };
  if (/apn(o)?ea|hypopn(o)?ea|\brera\b|respiratory effort[- ]related arousal|^(oa|ca|ma|ha|ua|hyp)$/.test(name)) {
    return { kind: 'respiratory' };
  }
  if (/arousal/.test(name)) return { kind: 'arousal' };
  return { kind: 'other' };
}
