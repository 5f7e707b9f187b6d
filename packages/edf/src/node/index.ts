import { open } from 'node:fs/promises';
import { openEdf } from '../reader.js';
import type { ByteSource, EdfReader, EdfReadOptions } from '../types.js';

export type ClosableByteSource = ByteSource & { close(): Promise<void> };

/** A ByteSource over a file, read with positioned reads through one FileHandle. */
export async function fileSource(path: string): Promise<ClosableByteSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  const readInto = async (offset: number, target: Uint8Array): Promise<number> => {
    let done = 0;
    // a positioned read may return fewer bytes than asked; loop until full or end of file
    while (done < target.byteLength && offset + done < size) {
      const { bytesRead } = await handle.read(target, done, target.byteLength - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  };
  return {
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      const got = await readInto(offset, buf);
      return got === n ? buf : buf.subarray(0, got);
    },
    readInto,
    close: () => handle.close(),
  };
}

/** Opens an EDF/BDF file from disk. Call `close()` when done; the reader reads on demand. */
export async function openEdfFile(
  path: string,
  opts: EdfReadOptions = {},
): Promise<EdfReader & { close(): Promise<void> }> {
  const source = await fileSource(path);
  try {
    const reader = await openEdf(source, opts);
    return Object.assign(reader, { close: () => source.close() });
  } catch (err) {
    await source.close();
    throw err;
  }
}
