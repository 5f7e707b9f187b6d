import { MyoTraceError } from '@myotrace/errors';
import { littleEndian } from './decode.js';
import type { ByteSource } from './types.js';

/** About this many bytes are read per request in whole-file passes: large sequential reads, bounded memory. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface RecordChunk {
  firstRecord: number;
  recordCount: number;
  bytes: Uint8Array;
  /** Int16 view of `bytes` when it is aligned and the host is little-endian (EDF fast path), else null. */
  int16: Int16Array | null;
  /** Uint32 view of `bytes` when 4-byte aligned on a little-endian host (BDF fast path), else null. */
  uint32: Uint32Array | null;
}

/**
 * Reads runs of whole data records [from, to) in chunks. When the source can fill a caller's buffer,
 * one buffer is reused for the whole pass (fresh memory costs page faults on every chunk otherwise);
 * a chunk is only valid until the next one is requested.
 */
export async function* recordChunks(
  source: ByteSource,
  headerBytes: number,
  recordBytes: number,
  from: number,
  to: number,
  maxRecords = Math.max(1, Math.floor(CHUNK_BYTES / recordBytes)),
): AsyncGenerator<RecordChunk> {
  let buffer: Uint8Array | null = null;
  for (let r = from; r < to; r += maxRecords) {
    const count = Math.min(maxRecords, to - r);
    const length = count * recordBytes;
    const offset = headerBytes + r * recordBytes;
    let bytes: Uint8Array;
    if (source.readInto) {
      // the first chunk is the largest one
      if (!buffer || buffer.byteLength < length) buffer = new Uint8Array(length);
      bytes = buffer.subarray(0, length);
      const got = await source.readInto(offset, bytes);
      if (got !== length) throw shortRead(offset, length, got);
    } else {
      bytes = await source.read(offset, length);
      if (bytes.byteLength !== length) throw shortRead(offset, length, bytes.byteLength);
      if (bytes.byteOffset % 2 !== 0) bytes = bytes.slice();
    }
    const int16 =
      littleEndian && bytes.byteOffset % 2 === 0 ? new Int16Array(bytes.buffer, bytes.byteOffset, length >> 1) : null;
    const uint32 =
      littleEndian && bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, length >> 2) : null;
    yield { firstRecord: r, recordCount: count, bytes, int16, uint32 };
  }
}

function shortRead(offset: number, length: number, got: number): MyoTraceError {
  return new MyoTraceError('EDF_SHORT_READ', `expected ${length} bytes at this offset but the source returned ${got}`, {
    offset,
    hint: 'The file changed or was truncated while it was being read.',
  });
}
