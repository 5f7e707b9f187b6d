export type {
  ByteSource, EdfAnnotation, EdfFormat, EdfGap, EdfHeader, EdfPatient, EdfReadOptions, EdfReader, EdfRecordBlock,
  EdfRecording, EdfRecordsOptions, EdfSegment, EdfSignalInfo, EdfUnit,
} from './types.js';
export { bytesSource, blobSource } from './source.js';
export { openEdf } from './reader.js';
export { parseTals, type Tal, type TalParseResult } from './tal.js';
export { normaliseUnit } from './units.js';
export {
  writeEdf, encodeEdf, writeAnnotationEdf,
  type EdfWriteSpec, type EdfWriteSignal, type EdfWriteAnnotation, type EdfWriteFormat, type EdfWritePatient,
  type EdfWriteRecording, type EdfAnnotationWriteSpec,
} from './writer.js';
