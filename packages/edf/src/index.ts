export { openEdf } from './reader.js';
export { blobSource, bytesSource } from './source.js';
export { parseTals, type Tal, type TalParseResult } from './tal.js';
export type {
  ByteSource,
  EdfAnnotation,
  EdfFormat,
  EdfGap,
  EdfHeader,
  EdfPatient,
  EdfReader,
  EdfReadOptions,
  EdfRecordBlock,
  EdfRecording,
  EdfRecordsOptions,
  EdfSegment,
  EdfSignalInfo,
  EdfUnit,
} from './types.js';
export { normaliseUnit } from './units.js';
export {
  type EdfAnnotationWriteSpec,
  type EdfWriteAnnotation,
  type EdfWriteFormat,
  type EdfWritePatient,
  type EdfWriteRecording,
  type EdfWriteSignal,
  type EdfWriteSpec,
  encodeEdf,
  writeAnnotationEdf,
  writeEdf,
} from './writer.js';
