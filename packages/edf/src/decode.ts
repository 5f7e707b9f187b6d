/**
 * Hot loops that turn stored samples into numbers. One function per (width, output) pair keeps each
 * loop monomorphic. Samples outside [lo, hi] are clipped to the digital range (EDFbrowser's repair)
 * and counted, so the caller can warn once.
 */

export const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** 16-bit samples, physical = gain × (offset + digital). `src` is an Int16 view of the chunk. */
export function edfPhysical(
  src: Int16Array, start: number, n: number, out: Float32Array | Float64Array, outStart: number,
  gain: number, offset: number, lo: number, hi: number,
): number {
  let bad = 0;
  for (let k = 0; k < n; k++) {
    const d = src[start + k];
    if (d < lo || d > hi) bad++;
    out[outStart + k] = gain * (offset + d);
  }
  return bad;
}

/** 16-bit samples from bytes (big-endian hosts or odd alignment). */
export function edfPhysicalBytes(
  b: Uint8Array, byteStart: number, n: number, out: Float32Array | Float64Array, outStart: number,
  gain: number, offset: number, lo: number, hi: number,
): number {
  let bad = 0;
  let p = byteStart;
  for (let k = 0; k < n; k++, p += 2) {
    const d = ((b[p] | (b[p + 1] << 8)) << 16) >> 16;
    if (d < lo || d > hi) bad++;
    out[outStart + k] = gain * (offset + d);
  }
  return bad;
}

/** 24-bit little-endian two's complement samples (BDF). */
export function bdfPhysical(
  b: Uint8Array, byteStart: number, n: number, out: Float32Array | Float64Array, outStart: number,
  gain: number, offset: number, lo: number, hi: number,
): number {
  let bad = 0;
  let p = byteStart;
  for (let k = 0; k < n; k++, p += 3) {
    const d = ((b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) << 8) >> 8;
    if (d < lo || d > hi) bad++;
    out[outStart + k] = gain * (offset + d);
  }
  return bad;
}

/** Stored integers without scaling or clipping. */
export function digital(b: Uint8Array, byteStart: number, n: number, bytesPerSample: 2 | 3, out: Int32Array, outStart: number): void {
  let p = byteStart;
  if (bytesPerSample === 2) {
    for (let k = 0; k < n; k++, p += 2) out[outStart + k] = ((b[p] | (b[p + 1] << 8)) << 16) >> 16;
  } else {
    for (let k = 0; k < n; k++, p += 3) out[outStart + k] = ((b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) << 8) >> 8;
  }
}
