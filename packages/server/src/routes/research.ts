import { existsSync } from 'node:fs';
import { type BatchSettings, BatchStore, flattenResult } from '@myotrace/batch';
import { z } from 'zod';
import { requireSession } from '../http/access.js';
import { forbidden, notFound } from '../http/errors.js';
import { isAllowedForRole } from '../policy.js';
import { ErrorBody } from '../schemas/common.js';
import type { Api } from './types.js';

/**
 * Research view of cohort batches (`myotrace batch`, `myotrace worker`): progress and per-recording
 * results from the batch results database. Cohort rows are pseudonymous study ids, not diary data,
 * so access is by role (clinicians and researchers), not by patient relation.
 */
const BatchSummary = z.object({
  batchId: z.string(),
  name: z.string(),
  settingsHash: z.string(),
  toolVersion: z.string(),
  createdAt: z.string(),
  total: z.number(),
  queued: z.number(),
  running: z.number(),
  done: z.number(),
  failed: z.number(),
  failures: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});

const BatchRow = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export interface ResearchOptions {
  /** postgres://... or an SQLite file; a missing SQLite file means "no batches yet" (it is not created). */
  location: string;
}

export async function researchRoutes(api: Api, opts: ResearchOptions): Promise<() => Promise<void>> {
  let store: Promise<BatchStore> | null = null;
  const isPg = /^postgres(ql)?:\/\//i.test(opts.location);
  const open = async (): Promise<BatchStore | null> => {
    if (!isPg && !existsSync(opts.location)) return null;
    store ??= BatchStore.open(opts.location);
    return store;
  };
  const guard = (req: Parameters<typeof requireSession>[0]) => {
    const s = requireSession(req);
    if (!isAllowedForRole(s.user.role, 'research.read')) throw forbidden();
  };

  api.get(
    '/research/batches',
    { schema: { tags: ['research'], summary: 'Cohort batches and their progress', response: { 200: z.object({ batches: z.array(BatchSummary) }), 401: ErrorBody, 403: ErrorBody } } },
    async (req) => {
      guard(req);
      const s = await open();
      return { batches: s ? await s.listBatches() : [] };
    },
  );

  api.get(
    '/research/batches/:batchId',
    {
      schema: {
        tags: ['research'],
        summary: 'One batch: progress and one row per recording (indices, counts, warnings, provenance)',
        params: z.object({ batchId: z.string().min(1).max(300) }),
        response: { 200: z.object({ status: BatchSummary, rows: z.array(BatchRow) }), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      guard(req);
      const s = await open();
      if (!s) throw notFound('batch');
      const batch = await s.resolveBatch(req.params.batchId).catch(() => {
        throw notFound('batch');
      });
      const settings = JSON.parse(batch.settings_json) as BatchSettings;
      const rows = await s.results(batch.id);
      return {
        status: await s.status(batch.id),
        rows: rows.map((r) => {
          const { settings_json: _omit, ...flat } = flattenResult(r, settings);
          return flat;
        }),
      };
    },
  );

  return async () => {
    if (store) await (await store).close();
  };
}
