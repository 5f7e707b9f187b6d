import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesSource, type EdfReader, openEdf } from '../src/index.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const GOLDEN = join(import.meta.dirname, 'golden');
/** The team's reference collection; files without a permissive licence are only read from here. */
export const SHARED = process.env.MYOTRACE_EDF_DATA ?? '/work/shared/data/edf';
export const hasShared = existsSync(join(SHARED, 'MANIFEST.md'));

/** Path of a test file: the committed fixture, else the shared collection, else null (test skips). */
export function dataPath(rel: string): string | null {
  const local = join(FIXTURES, rel);
  if (existsSync(local)) return local;
  const shared = join(SHARED, rel);
  return existsSync(shared) ? shared : null;
}

export function has(rel: string): boolean {
  return dataPath(rel) !== null;
}

export function bytesOf(rel: string): Uint8Array {
  const p = dataPath(rel);
  if (!p) throw new Error(`test file ${rel} not available`);
  return new Uint8Array(readFileSync(p));
}

export function open(rel: string, strict = false): Promise<EdfReader> {
  return openEdf(bytesSource(bytesOf(rel)), { strict });
}

export function json<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** float64 from the 16-hex-digit big-endian bit pattern used by edfcore's golden files. */
export function fromBits(hex: string): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt(`0x${hex}`));
  return dv.getFloat64(0);
}

/** Physical values as float64 (record stream), for bit-exact comparison with pyEDFlib. */
export async function physical64(reader: EdfReader, index: number): Promise<Float64Array> {
  const s = reader.signals[index];
  const out = new Float64Array(s.sampleCount);
  let p = 0;
  for await (const b of reader.records({ signals: [index] })) {
    out.set(b.data[0], p);
    p += b.data[0].length;
  }
  return out;
}
