/**
 * Annotation-only EDF+ writer (one "EDF Annotations" signal, one data record). Adapter kept in the server until
 * `writeAnnotationEdf` of @myotrace/edf is available everywhere; the layout follows the EDF+ specification
 * (Kemp & Olivan 2003): time-keeping TAL first, then one TAL per event: "+onset\x15duration\x14text\x14\x00".
 */
export interface AnnotationSpec {
  startTime: Date;
  durationSec: number;
  annotations: { onsetSec: number; durationSec: number | null; text: string }[];
}

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const num = (v: number) => {
  // shortest decimal that fits 8 characters
  let s = String(v);
  if (s.length > 8) s = v.toFixed(Math.max(0, 7 - String(Math.trunc(v)).length));
  return s;
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const two = (n: number) => String(n).padStart(2, '0');
const secText = (v: number) => {
  const s = (Math.round(v * 1e4) / 1e4).toString();
  return s.includes('e') ? v.toFixed(4) : s;
};

export function writeAnnotationOnlyEdf(spec: AnnotationSpec): Uint8Array {
  const enc = new TextEncoder();
  const tals: number[] = [];
  const push = (s: string) => {
    for (const b of enc.encode(s)) tals.push(b);
  };
  push('+0\x14\x14\x00');
  for (const a of [...spec.annotations].sort((x, y) => x.onsetSec - y.onsetSec)) {
    const text = a.text.replace(/[\x00-\x1f]/g, ' ');
    push(`+${secText(a.onsetSec)}${a.durationSec != null ? `\x15${secText(a.durationSec)}` : ''}\x14${text}\x14\x00`);
  }
  if (tals.length % 2) tals.push(0);
  const samples = Math.max(1, tals.length / 2);
  const d = spec.startTime;
  const header =
    pad('0', 8) +
    pad('X X X X', 80) +
    pad(`Startdate ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} X X MyoTrace`, 80) +
    `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${two(d.getUTCFullYear() % 100)}` +
    `${two(d.getUTCHours())}.${two(d.getUTCMinutes())}.${two(d.getUTCSeconds())}` +
    pad('512', 8) +
    pad('EDF+C', 44) +
    pad('1', 8) +
    pad(num(Math.max(1, Math.ceil(spec.durationSec))), 8) +
    pad('1', 4) +
    pad('EDF Annotations', 16) +
    pad('', 80) +
    pad('', 8) +
    pad('-1', 8) +
    pad('1', 8) +
    pad('-32768', 8) +
    pad('32767', 8) +
    pad('', 80) +
    pad(String(samples), 8) +
    pad('', 32);
  const out = new Uint8Array(512 + samples * 2);
  for (let i = 0; i < 512; i++) out[i] = header.charCodeAt(i) & 0x7f;
  out.set(tals, 512);
  return out;
}
