export type { StageSegment, SleepContext, RawAnnotation, SleepEvents } from './types.js';
export { NO_SLEEP_CONTEXT, isSleepStage, normaliseStages, stageAt, sleepMinutes, stagedFraction } from './context.js';
export { classifyAnnotation, parseStageWord, type AnnotationMeaning } from './labels.js';
export { interpretAnnotations, mergeEvents, type InterpretOptions } from './events.js';
export { parseNsrrXml, type NsrrXmlContent } from './nsrr-xml.js';
export { parseSleepCsv } from './csv.js';
export { parseSleepFile, resolveSleepInputs, secondsBetween, type SleepFile, type SleepFileFormat, type SleepInputs } from './load.js';
