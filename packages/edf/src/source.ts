import type { ByteSource } from './types.js';

/** A ByteSource over bytes already in memory; reads return views, not copies (so no readInto). */
export function bytesSource(data: Uint8Array): ByteSource {
  return {
    size: data.byteLength,
    read(offset, length) {
      const start = Math.max(0, Math.min(offset, data.byteLength));
      const end = Math.max(start, Math.min(start + length, data.byteLength));
      return Promise.resolve(data.subarray(start, end));
    },
  };
}

/** A ByteSource over a browser Blob or File (reads slices on demand). */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, blob.size));
      const end = Math.max(start, Math.min(start + length, blob.size));
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
  };
}
