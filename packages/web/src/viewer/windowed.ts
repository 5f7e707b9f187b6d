// Adapter over @myotrace/edf for instant windows of a large local file. `openEdf` makes one pass over every
// record for the EDF+ TALs, which for a 300 MB night is seconds of reading before anything can be drawn. For a
// contiguous file (EDF, EDF+C, BDF, BDF+C) a window is opened instead as a small virtual file: the header plus
// only the records that cover the window. The edf reader repairs the record count of that virtual file
// (lenient mode) and decodes it exactly as it would the whole file. EDF+D (discontinuous) falls back to the full
// reader, because its record times come from the TALs. Wanted upstream: openEdf(source, { scanTals: false }).
import { blobSource, type EdfReader, openEdf } from '@myotrace/edf';

export interface FileLayout { headerBytes: number; recordCount: number; recordDurationSec: number; recordBytes: number; discontinuous: boolean }

const ascii = (b: Uint8Array, from: number, len: number) => String.fromCharCode(...b.subarray(from, from + len)).trim();

/** Reads only the fixed and per-signal header fields needed to address records. */
export async function readLayout(file: Blob): Promise<FileLayout> {
  const fixed = new Uint8Array(await file.slice(0, 256).arrayBuffer());
  const bdf = fixed[0] === 0xff;
  const headerBytes = Number(ascii(fixed, 184, 8));
  const reserved = ascii(fixed, 192, 44);
  const recordCount = Number(ascii(fixed, 236, 8));
  const recordDurationSec = Number(ascii(fixed, 244, 8));
  const ns = Number(ascii(fixed, 252, 4));
  const sig = new Uint8Array(await file.slice(256, 256 + ns * 256).arrayBuffer());
  let samples = 0;
  for (let i = 0; i < ns; i++) samples += Number(ascii(sig, ns * 216 + i * 8, 8));
  return {
    headerBytes, recordCount, recordDurationSec, recordBytes: samples * (bdf ? 3 : 2),
    discontinuous: /^(EDF|BDF)\+D/.test(reserved),
  };
}

/** Whether the quick path applies; when not, callers open the whole file with openEdf. */
export function windowable(l: FileLayout): boolean {
  return !l.discontinuous && l.headerBytes > 256 && l.recordBytes > 0 && l.recordDurationSec > 0 && Number.isFinite(l.recordCount) && l.recordCount > 0;
}

/** A reader over the records covering [fromSec, toSec) and the offset (s) of its first sample in the file. */
export async function openWindow(file: Blob, l: FileLayout, fromSec: number, toSec: number): Promise<{ reader: EdfReader; offsetSec: number }> {
  const k0 = Math.max(0, Math.floor(fromSec / l.recordDurationSec));
  const k1 = Math.min(l.recordCount, Math.max(k0 + 1, Math.ceil(toSec / l.recordDurationSec)));
  const virtual = new Blob([file.slice(0, l.headerBytes), file.slice(l.headerBytes + k0 * l.recordBytes, l.headerBytes + k1 * l.recordBytes)]);
  const reader = await openEdf(blobSource(virtual));
  return { reader, offsetSec: k0 * l.recordDurationSec };
}

/** Physical samples of `indices` over [fromSec, toSec) read through a window. */
export async function readWindow(file: Blob, l: FileLayout, indices: number[], fromSec: number, toSec: number): Promise<Float32Array[]> {
  const { reader, offsetSec } = await openWindow(file, l, fromSec, toSec);
  return reader.readSignals(indices, fromSec - offsetSec, toSec - offsetSec);
}
