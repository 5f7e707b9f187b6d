export { findLegChannels, classifyLegLabel, type LegChannel, type LegChannels, type ChannelOverride } from './channels.js';
export {
  detectLegMovements,
  type DetectedLegMovement,
  type LegMovementDetection,
  type LegPreprocessingRecord,
} from './detect.js';
export {
  defaultLegMovementSettings,
  resolveLegMovementSettings,
  type LegMovementSettings,
  type LegMovementSettingsInput,
} from './settings.js';
export { measureMains, type MainsLine, type MainsMeasurement } from './hum.js';
export { microvoltFactor, toMicrovolts } from './units.js';
