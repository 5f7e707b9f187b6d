/** One Time-stamped Annotations List (EDF+ §2.2.2): onset, optional duration, zero or more texts. */
export interface Tal {
  /** Seconds from the header's start time, as written. */
  onset: number;
  duration: number | null;
  texts: string[];
}

export interface TalParseResult {
  tals: Tal[];
  /** Byte positions (within the block) of TALs that could not be parsed and were skipped. */
  errors: number[];
}

const utf8 = new TextDecoder('utf-8');

function parseDecimal(bytes: Uint8Array, start: number, end: number, signed: boolean): number | null {
  let i = start;
  let neg = false;
  if (signed) {
    if (bytes[i] === 0x2b) i++;
    else if (bytes[i] === 0x2d) {
      neg = true;
      i++;
    } else return null;
  }
  let digits = 0;
  let dots = 0;
  let s = '';
  for (; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x30 && b <= 0x39) digits++;
    else if (b === 0x2e || b === 0x2c) {
      dots++;
      if (dots > 1) return null;
      s += '.';
      continue;
    } else return null;
    s += String.fromCharCode(b);
  }
  if (digits === 0) return null;
  const v = Number(s);
  return Number.isFinite(v) ? (neg ? -v : v) : null;
}

/**
 * Parses the TALs in one record's bytes of one annotation signal. Grammar:
 * `Onset [0x15 Duration] 0x14 (Text 0x14)* 0x00`; unused bytes are 0x00. Text is UTF-8 and may
 * hold TAB, LF and CR. A malformed TAL is skipped up to its terminating 0x00 and reported.
 * Work is linear in the block length: every step advances the position.
 */
export function parseTals(bytes: Uint8Array, start = 0, end = bytes.length): TalParseResult {
  const tals: Tal[] = [];
  const errors: number[] = [];
  let p = start;
  while (p < end) {
    if (bytes[p] === 0) {
      p++;
      continue;
    }
    const talStart = p;
    // onset runs to 0x15 or 0x14
    let q = p;
    while (q < end && bytes[q] !== 0x14 && bytes[q] !== 0x15 && bytes[q] !== 0) q++;
    const onset = q < end && bytes[q] !== 0 ? parseDecimal(bytes, p, q, true) : null;
    let duration: number | null = null;
    let ok = onset !== null;
    if (ok && bytes[q] === 0x15) {
      const d0 = q + 1;
      q = d0;
      while (q < end && bytes[q] !== 0x14 && bytes[q] !== 0) q++;
      if (q >= end || bytes[q] !== 0x14) ok = false;
      else if (q > d0) {
        duration = parseDecimal(bytes, d0, q, false);
        if (duration === null) ok = false;
      }
    }
    if (!ok) {
      errors.push(talStart);
      while (p < end && bytes[p] !== 0) p++;
      continue;
    }
    // q is at the 0x14 that ends onset/duration
    q++;
    const texts: string[] = [];
    while (q < end && bytes[q] !== 0) {
      let r = q;
      while (r < end && bytes[r] !== 0x14 && bytes[r] !== 0) r++;
      texts.push(utf8.decode(bytes.subarray(q, r)));
      if (r < end && bytes[r] === 0x14) r++;
      else if (r >= end || bytes[r] === 0) {
        // text not closed by 0x14: keep it, but note the defect
        errors.push(talStart);
      }
      q = r;
    }
    tals.push({ onset: onset as number, duration, texts });
    p = q + 1;
  }
  return { tals, errors };
}
