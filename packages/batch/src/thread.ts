import { parentPort } from 'node:worker_threads';
import type { ManifestRow } from './manifest.js';
import { failureOf, scoreRow } from './score-row.js';
import type { BatchSettings } from './settings.js';

/** Messages a local worker thread receives and sends back. */
export type ThreadRequest = { row: ManifestRow; settings: BatchSettings };
export type ThreadReply =
  | { ok: true; scored: Awaited<ReturnType<typeof scoreRow>> }
  | { ok: false; failure: ReturnType<typeof failureOf> };

const port = parentPort;
if (port) {
  port.on('message', async (req: ThreadRequest) => {
    let reply: ThreadReply;
    try {
      reply = { ok: true, scored: await scoreRow(req.row, req.settings) };
    } catch (err) {
      reply = { ok: false, failure: failureOf(req.row.id, err) };
    }
    port.postMessage(reply);
  });
  port.postMessage('ready');
}
