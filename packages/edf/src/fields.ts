import { MyoTraceError } from '@myotrace/errors';
import type { Repairs } from './repairs.js';

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * Decodes a header text field. The header should be printable ASCII (EDF+ item 1); other bytes
 * are a repaired defect: valid UTF-8 is decoded as UTF-8, anything else as Latin-1, and control
 * bytes (a line feed inside a field) become spaces. NUL bytes are treated as padding.
 */
export function textField(bytes: Uint8Array, offset: number, width: number, repairs: Repairs, what: string): string {
  const end = offset + width;
  let odd = -1;
  let nonAscii = false;
  let nul = false;
  for (let i = offset; i < end; i++) {
    const b = bytes[i];
    if (b === 0) {
      nul = true;
      continue;
    }
    if (b < 32 || b > 126) {
      if (odd < 0) odd = i;
      if (b > 127) nonAscii = true;
    }
  }
  let s: string;
  if (odd < 0 && !nul) {
    s = latin1(bytes, offset, end);
  } else {
    if (odd >= 0)
      repairs.add(
        'EDF_NON_ASCII_HEADER',
        `non-printable or non-ASCII byte in the ${what} field, decoded leniently`,
        odd,
      );
    s = '';
    if (nonAscii) {
      try {
        s = utf8Fatal.decode(bytes.subarray(offset, end));
      } catch {
        s = latin1(bytes, offset, end);
      }
    } else {
      s = latin1(bytes, offset, end);
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control bytes is the point
    s = s.replace(/\u0000/g, ' ').replace(/[\u0001-\u001f\u007f]/g, ' ');
  }
  return s.trim();
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a numeric header field. Left-justified, space-padded ASCII is the standard; right-justified
 * or NUL-padded numbers and a comma decimal separator are repaired with a warning. Anything that is
 * still not a number is a structural error with the field's byte offset.
 */
export function numberField(
  bytes: Uint8Array,
  offset: number,
  width: number,
  repairs: Repairs,
  what: string,
  integer: boolean,
): number {
  const value = tryNumberField(bytes, offset, width, repairs, what, integer);
  if (value === null) {
    throw new MyoTraceError('EDF_BAD_NUMBER', `the ${what} field is not a${integer ? 'n integer' : ' number'}`, {
      offset,
      hint: 'The header is damaged here; a header editor (e.g. EDFbrowser) can repair it.',
    });
  }
  return value;
}

/** Like numberField but returns null instead of throwing when the field is not a number. */
export function tryNumberField(
  bytes: Uint8Array,
  offset: number,
  width: number,
  repairs: Repairs,
  what: string,
  integer: boolean,
): number | null {
  const end = offset + width;
  let first = offset;
  let hasNul = false;
  let lead = false;
  let i = offset;
  while (i < end && (bytes[i] === 32 || bytes[i] === 0)) {
    if (bytes[i] === 0) hasNul = true;
    else lead = true;
    i++;
  }
  first = i;
  let last = end;
  while (last > first && (bytes[last - 1] === 32 || bytes[last - 1] === 0)) {
    if (bytes[last - 1] === 0) hasNul = true;
    last--;
  }
  if (last === first) return null;
  let s = latin1(bytes, first, last);
  // a NUL in the middle ends the value (C-string writers), as MNE reads it
  const nulAt = s.indexOf('\u0000');
  if (nulAt >= 0) {
    hasNul = true;
    s = s.slice(0, nulAt).trim();
  }
  let comma = false;
  if (!s.includes('.') && (s.match(/,/g) ?? []).length === 1) {
    s = s.replace(',', '.');
    comma = true;
  }
  if (!numberPattern.test(s)) return null;
  const v = Number(s);
  if (!Number.isFinite(v) || (integer && !Number.isInteger(v))) return null;
  if (lead && first > offset)
    repairs.add('EDF_NUMBER_RIGHT_JUSTIFIED', `the ${what} field is not left-justified`, offset);
  if (hasNul) repairs.add('EDF_NUMBER_NUL_PADDED', `the ${what} field is padded with NUL bytes`, offset);
  if (comma) repairs.add('EDF_COMMA_DECIMAL', `the ${what} field uses a comma as decimal separator`, offset);
  return v;
}
