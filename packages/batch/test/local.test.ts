import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { scoreRecording } from '@myotrace/detect';
import { openEdfFile } from '@myotrace/edf/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BatchRef,
  BatchStore,
  batchId,
  batchSettings,
  EXPORT_COLUMNS,
  readManifest,
  resultsToCsv,
  runLocal,
  scoreRow,
  settingsHash,
} from '../src/index.js';
import { writeCorrupt, writeNights } from './nights.js';

const dir = mkdtempSync(join(tmpdir(), 'myotrace-batch-local-'));
const settings = batchSettings({ toolVersion: '0.1.0' });
const ref = (name: string): BatchRef => ({ id: batchId(name, settings), name, settings, settingsHash: settingsHash(settings) });
let nights: string[] = [];

beforeAll(() => {
  nights = writeNights(join(dir, 'cohort'), 4);
  writeCorrupt(join(dir, 'cohort'));
});

describe('local batch runs', () => {
  it('score every night once, equal to single-file scoring, with threads or without', async () => {
    const manifest = await readManifest(join(dir, 'cohort'));
    expect(manifest.rows.map((r) => r.id)).toEqual(['corrupt', 'night-00', 'night-01', 'night-02', 'night-03']);

    const inProcess = await BatchStore.open(join(dir, 'a.db'));
    const threaded = await BatchStore.open(join(dir, 'b.db'));
    try {
      const s0 = await runLocal({ rows: manifest.rows, store: inProcess, batch: ref('cohort'), workers: 0 });
      const s2 = await runLocal({ rows: manifest.rows, store: threaded, batch: ref('cohort'), workers: 2 });
      expect(s0).toMatchObject({ total: 5, scored: 4, failed: 0, invalid: 1, skipped: 0 });
      expect(s2).toMatchObject({ total: 5, scored: 4, failed: 0, invalid: 1, skipped: 0 });

      const a = await inProcess.results('cohort');
      const b = await threaded.results('cohort');
      expect(b.map((r) => r.result)).toEqual(a.map((r) => r.result));

      // the independent path: what `myotrace score` computes for the same file and settings
      const reader = await openEdfFile(nights[1]);
      const direct = await scoreRecording(reader, { standard: 'wasm2016', rules: {}, child: false, file: basename(nights[1]), tool: { name: 'myotrace', version: '0.1.0' } });
      await reader.close();
      expect(a.find((r) => r.recordingId === 'night-01')?.result).toEqual(direct);

      const corrupt = a.find((r) => r.recordingId === 'corrupt');
      expect(corrupt).toMatchObject({ state: 'failed', result: null });
      expect(corrupt?.errorCode).toMatch(/^EDF_/);
      const status = await inProcess.status('cohort');
      expect(status).toMatchObject({ total: 5, done: 4, failed: 1, running: 0, queued: 0 });

      // a re-run with the same settings scores nothing again; exactly one result row per night
      const again = await runLocal({ rows: manifest.rows, store: inProcess, batch: ref('cohort'), workers: 0 });
      expect(again).toMatchObject({ scored: 0, skipped: 4, invalid: 1 });
      expect([...(await inProcess.resultCount(ref('cohort').id)).values()]).toEqual([1, 1, 1, 1]);

      // changed settings: a new result set beside the old one
      const aasm = batchSettings({ toolVersion: '0.1.0', standard: 'aasm' });
      const aasmRef: BatchRef = { id: batchId('cohort', aasm), name: 'cohort', settings: aasm, settingsHash: settingsHash(aasm) };
      const s3 = await runLocal({ rows: manifest.rows.slice(1, 2), store: inProcess, batch: aasmRef, workers: 0 });
      expect(s3.scored).toBe(1);
      expect((await inProcess.listBatches()).map((x) => x.batchId).sort()).toEqual([aasmRef.id, ref('cohort').id].sort());
    } finally {
      await inProcess.close();
      await threaded.close();
    }
  });

  it('exports one CSV row per recording whose indices are the stored results', async () => {
    const store = await BatchStore.open(join(dir, 'a.db'));
    try {
      const rows = await store.results(ref('cohort').id);
      const csv = resultsToCsv(rows, settings).trimEnd().split('\n');
      expect(csv[0]).toBe(EXPORT_COLUMNS.join(','));
      expect(csv).toHaveLength(6);
      const night = csv.find((l) => l.includes(',night-02,'))!.split(',');
      const col = (name: string) => night[EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number])];
      const result = rows.find((r) => r.recordingId === 'night-02')!.result!;
      expect(Number(col('plms_index'))).toBeCloseTo(result.indices.plmsIndex ?? Number.NaN, 6);
      expect(Number(col('lm_count'))).toBe(result.legMovements.length);
      expect(Number(col('plm_count'))).toBe(result.legMovements.filter((m) => m.periodic).length);
      expect(col('state')).toBe('done');
      expect(col('tool_version')).toBe('0.1.0');
      expect(col('settings_hash')).toBe(settingsHash(settings));
    } finally {
      await store.close();
    }
  });
});

describe('recordings over HTTP range requests', () => {
  let server: Server;
  let base = '';
  const ranges: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const file = join(dir, 'cohort', decodeURIComponent((req.url ?? '/').slice(1)));
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        res.writeHead(404).end();
        return;
      }
      const headers = { 'accept-ranges': 'bytes', etag: '"v1"' };
      const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (req.method === 'HEAD') {
        res.writeHead(200, { ...headers, 'content-length': size }).end();
      } else if (m) {
        ranges.push(req.headers.range as string);
        const [start, end] = [Number(m[1]), Math.min(Number(m[2]), size - 1)];
        res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
        createReadStream(file, { start, end }).pipe(res);
      } else {
        res.writeHead(200, { ...headers, 'content-length': size });
        createReadStream(file).pipe(res);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('scores a URL exactly like the local file, reading only byte ranges', async () => {
    const local = await scoreRow({ id: 'n0', path: nights[0] }, settings);
    const remote = await scoreRow({ id: 'n0', path: `${base}/night-00.edf` }, settings);
    expect(remote.result).toEqual(local.result);
    expect(local.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(remote.contentHash).toMatch(/^http:[0-9a-f]{64}$/);
    expect(ranges.length).toBeGreaterThan(1);
    await expect(scoreRow({ id: 'x', path: `${base}/missing.edf` }, settings)).rejects.toMatchObject({ code: 'BATCH_HTTP_ERROR' });
  });
});
