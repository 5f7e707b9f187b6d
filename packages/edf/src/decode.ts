/**
 * Hot loops that turn stored samples into numbers. One function per (width, output type) pair keeps
 * each loop monomorphic (a Float32Array|Float64Array union would make element stores polymorphic).
 * Samples outside [lo, hi] are kept (scaled linearly, as MNE and EDFlib do) and counted, so the caller
 * can warn once.
 */

export const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** 16-bit samples through an Int16 view of the chunk, physical = gain × (offset + digital), into Float32. */
export function edf16To32(
  src: Int16Array,
  start: number,
  n: number,
  out: Float32Array,
  outStart: number,
  gain: number,
  offset: number,
  lo: number,
  hi: number,
): number {
  let bad = 0;
  for (let k = 0; k < n; k++) {
    const d = src[start + k];
    if (d < lo || d > hi) bad++;
    out[outStart + k] = gain * (offset + d);
  }
  return bad;
}

/** As edf16To32, into Float64. */
export function edf16To64(
  src: Int16Array,
  start: number,
  n: number,
  out: Float64Array,
  outStart: number,
  gain: number,
  offset: number,
  lo: number,
  hi: number,
): number {
  let bad = 0;
  for (let k = 0; k < n; k++) {
    const d = src[start + k];
    if (d < lo || d > hi) bad++;
    out[outStart + k] = gain * (offset + d);
  }
  return bad;
}

/** 16-bit samples from bytes (big-endian hosts or odd alignment), into Float32 or Float64. */
export function edfBytesPhysical(
  b: Uint8Array,
  byteStart: number,
  n: number,
  out: Float32Array | Float64Array,
  outStart: number,
  gain: number,
  offset: number,
  lo: number,
  hi: number,
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

/** 24-bit little-endian two's complement samples (BDF) into Float32. */
export function bdf24To32(
  b: Uint8Array,
  byteStart: number,
  n: number,
  out: Float32Array,
  outStart: number,
  gain: number,
  offset: number,
  lo: number,
  hi: number,
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

/** As bdf24To32, into Float64. */
export function bdf24To64(
  b: Uint8Array,
  byteStart: number,
  n: number,
  out: Float64Array,
  outStart: number,
  gain: number,
  offset: number,
  lo: number,
  hi: number,
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

/** Stored integers without scaling. */
export function digital(
  b: Uint8Array,
  byteStart: number,
  n: number,
  bytesPerSample: 2 | 3,
  out: Int32Array,
  outStart: number,
): void {
  let p = byteStart;
  if (bytesPerSample === 2) {
    for (let k = 0; k < n; k++, p += 2) out[outStart + k] = ((b[p] | (b[p + 1] << 8)) << 16) >> 16;
  } else {
    for (let k = 0; k < n; k++, p += 3) out[outStart + k] = ((b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) << 8) >> 8;
  }
}
