import { readFile, stat } from 'node:fs/promises';
import { type ByteSource, type EdfReader, openEdf } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';
import { MyoTraceError } from '@myotrace/errors';
import { fileSha256, sha256Hex } from './hash.js';
import { isUrl } from './manifest.js';

/** An opened recording: the reader, a content identity, and a way to release it. */
export interface OpenedRecording {
  reader: EdfReader;
  /** `sha256:<hex>` of the bytes for local files; `http:<hex>` of URL + ETag + length + Last-Modified for URLs. */
  contentHash: string;
  sizeBytes: number;
  close(): Promise<void>;
}

/** Opens a recording and computes its content identity (a full read of local files, streamed). */
export async function openRecording(path: string): Promise<OpenedRecording> {
  if (isUrl(path)) return openHttpRecording(path);
  const reader = await openEdfFile(path);
  try {
    const contentHash = `sha256:${await fileSha256(path)}`;
    return { reader, contentHash, sizeBytes: (await stat(path)).size, close: () => reader.close() };
  } catch (err) {
    await reader.close();
    throw err;
  }
}

/** Opens only the header and annotations (no content hash): for up-front validation. */
export async function openHeader(path: string): Promise<{ reader: EdfReader; close(): Promise<void> }> {
  if (isUrl(path)) return { reader: await openEdf(await httpSource(path)), close: async () => {} };
  const reader = await openEdfFile(path);
  return { reader, close: () => reader.close() };
}

/** Reads a sidecar file (hypnogram, events) from disk or over HTTP(S). */
export async function readSidecar(path: string): Promise<Uint8Array> {
  if (!isUrl(path)) return readFile(path);
  const res = await fetch(path);
  if (!res.ok) throw new MyoTraceError('BATCH_HTTP_ERROR', `GET ${redactUrl(path)} answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Query strings may carry access tokens: never print them. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '<url>';
  }
}

/**
 * A ByteSource over HTTP(S) range requests: the reader fetches only the header and the leg
 * channels' records, never the whole file.
 */
export async function httpSource(url: string): Promise<ByteSource & { identity: string }> {
  const head = await fetch(url, { method: 'HEAD' });
  if (!head.ok) throw new MyoTraceError('BATCH_HTTP_ERROR', `HEAD ${redactUrl(url)} answered ${head.status}`);
  const size = Number(head.headers.get('content-length'));
  if (!Number.isFinite(size) || size <= 0) {
    throw new MyoTraceError('BATCH_HTTP_NO_LENGTH', `${redactUrl(url)} gives no Content-Length`, {
      hint: 'the server must give the file size and support Range requests',
    });
  }
  if (!/bytes/i.test(head.headers.get('accept-ranges') ?? '')) {
    throw new MyoTraceError('BATCH_HTTP_NO_RANGES', `${redactUrl(url)} does not accept Range requests`, {
      hint: 'serve the recordings from a server that supports HTTP Range (any static file server does)',
    });
  }
  const identity = `http:${sha256Hex([url, head.headers.get('etag') ?? '', size, head.headers.get('last-modified') ?? ''].join('\n'))}`;
  return {
    size,
    identity,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const end = Math.min(size, offset + length) - 1;
      if (end < offset) return new Uint8Array(0);
      const res = await fetch(url, { headers: { range: `bytes=${offset}-${end}` } });
      if (res.status !== 206 && !(res.status === 200 && offset === 0 && end === size - 1)) {
        throw new MyoTraceError('BATCH_HTTP_ERROR', `range request to ${redactUrl(url)} answered ${res.status}`);
      }
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

async function openHttpRecording(url: string): Promise<OpenedRecording> {
  const source = await httpSource(url);
  const reader = await openEdf(source);
  return { reader, contentHash: source.identity, sizeBytes: source.size, close: async () => {} };
}
