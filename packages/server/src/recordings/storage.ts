/**
 * Content-addressed storage of uploaded recordings: `<dataDir>/blobs/ab/abcdef…` named by SHA-256. The upload is
 * streamed to a temporary file while hashing; the size limit is enforced on the bytes actually read, so a lying
 * or missing Content-Length cannot get past it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ApiError } from '../http/errors.js';

export function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
}

export async function storeStream(dataDir: string, body: Readable, maxBytes: number): Promise<{ sha256: string; sizeBytes: number; path: string }> {
  const tmpDir = join(dataDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  const out = createWriteStream(tmp);
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          body.destroy();
          reject(new ApiError(413, 'API_TOO_LARGE', `the upload is larger than the limit of ${maxBytes} bytes`));
          return;
        }
        hash.update(chunk);
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      });
      body.on('end', () => out.end(() => resolve()));
      body.on('error', reject);
      out.on('error', reject);
    });
    // make the bytes durable before the database says they exist
    const fh = await open(tmp, 'r+');
    await fh.sync();
    await fh.close();
    const sha256 = hash.digest('hex');
    const path = blobPath(dataDir, sha256);
    await mkdir(join(dataDir, 'blobs', sha256.slice(0, 2)), { recursive: true });
    const existing = await stat(path).catch(() => null);
    if (existing) await rm(tmp, { force: true });
    else await rename(tmp, path);
    return { sha256, sizeBytes: size, path };
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Stores an in-memory buffer the same way (demo seed, FHIR import). */
export async function storeBytes(dataDir: string, bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number; path: string }> {
  const { Readable } = await import('node:stream');
  return storeStream(dataDir, Readable.from([Buffer.from(bytes)]), Number.MAX_SAFE_INTEGER);
}

/** Format from the first bytes: EDF starts with "0       ", BDF with 0xFF"BIOSEMI"; otherwise text CSV. */
export async function sniffFormat(path: string): Promise<'edf' | 'bdf' | 'accel-csv' | null> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    if (bytesRead >= 8 && buf[0] === 0xff && buf.subarray(1, 8).toString('latin1') === 'BIOSEMI') return 'bdf';
    if (bytesRead >= 8 && buf.subarray(0, 8).toString('latin1') === '0       ') return 'edf';
    const text = buf.subarray(0, bytesRead).toString('latin1');
    if (bytesRead > 0 && /^[\x09\x0a\x0d\x20-\x7e]+$/.test(text)) return 'accel-csv';
    return null;
  } finally {
    await fh.close();
  }
}
