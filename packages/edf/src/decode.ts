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

/**
 * 24-bit little-endian two's complement samples (BDF) into Float32. When `words` (a Uint32 view of the
 * same bytes, little-endian host) is given, four samples are unpacked from three aligned 32-bit loads
 * after at most three byte-wise samples reach 4-byte alignment (3 and 4 are coprime).
 */
export function bdf24To32(
  b: Uint8Array,
  words: Uint32Array | null,
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
  let k = 0;
  if (words) {
    for (; k < n && (p & 3) !== 0; k++, p += 3) {
      const d = ((b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) << 8) >> 8;
      if (d < lo || d > hi) bad++;
      out[outStart + k] = gain * (offset + d);
    }
    let w = p >> 2;
    for (; k + 4 <= n; k += 4, w += 3, p += 12) {
      const w0 = words[w];
      const w1 = words[w + 1];
      const w2 = words[w + 2];
      const d0 = (w0 << 8) >> 8;
      const d1 = (((w0 >>> 24) | (w1 << 8)) << 8) >> 8;
      const d2 = (((w1 >>> 16) | (w2 << 16)) << 8) >> 8;
      const d3 = w2 >> 8;
      if (d0 < lo || d0 > hi || d1 < lo || d1 > hi || d2 < lo || d2 > hi || d3 < lo || d3 > hi) {
        bad +=
          (d0 < lo || d0 > hi ? 1 : 0) +
          (d1 < lo || d1 > hi ? 1 : 0) +
          (d2 < lo || d2 > hi ? 1 : 0) +
          (d3 < lo || d3 > hi ? 1 : 0);
      }
      const o = outStart + k;
      out[o] = gain * (offset + d0);
      out[o + 1] = gain * (offset + d1);
      out[o + 2] = gain * (offset + d2);
      out[o + 3] = gain * (offset + d3);
    }
  }
  for (; k < n; k++, p += 3) {
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
