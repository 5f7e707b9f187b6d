export type { LmEvent, TimedEvent, Movement, LegLm } from './types.js';
export {
  type PlmSettings,
  type PlmSettingsOverrides,
  TIME_EPS_SEC,
  wasm2016Settings,
  aasmSettings,
  defaultPlmSettings,
  plmSettings,
  validatePlmSettings,
} from './settings.js';
export { applyPlmRules, runPlmRules, type PlmRulesInput, type PlmRulesOutcome } from './apply.js';
export { findPlmSeries, type SeriesItem } from './series.js';
export { combineLegs } from './bilateral.js';
export { isCandidate } from './candidate.js';
export { prepareLeg } from './prepare.js';
export { computeIndices, ferriPeriodicityIndex, imiHistogram, type ImiHistogram } from './indices.js';
export { plmsFinding, type PlmsFinding } from './finding.js';
