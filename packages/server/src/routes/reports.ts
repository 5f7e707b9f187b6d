import { z } from 'zod';
import { authorize } from '../http/access.js';
import type { AppContext } from '../http/context.js';
import { addDays } from '../insights/dates.js';
import { todayUtc } from '../insights/load.js';
import { CSV_COLUMNS, toCsv } from '../reports/csv.js';
import { DateOnly, ErrorBody, PatientIdParams } from '../schemas/common.js';
import type { DiaryKind } from '../schemas/diary.js';
import type { Api } from './types.js';

const RangeQuery = z.object({ from: DateOnly.optional(), to: DateOnly.optional() });
const CsvQuery = RangeQuery.extend({
  kind: z.enum(['episodes', 'medicines', 'doses', 'side-effects', 'labs', 'sleep', 'exercise', 'remedies']).default('episodes'),
});

export function rangeOf(q: { from?: string; to?: string }): { from: string; to: string } {
  const to = q.to ?? todayUtc();
  return { from: q.from ?? addDays(to, -89), to };
}

export async function reportRoutes(api: Api, ctx: AppContext): Promise<void> {
  const errs = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
  api.get('/patients/:pid/export.csv', { schema: { tags: ['reports'], params: PatientIdParams, querystring: CsvQuery } }, async (req, reply) => {
    await authorize(ctx, req, req.params.pid, 'report.read');
    const { from, to } = rangeOf(req.query);
    const kind = req.query.kind as DiaryKind;
    // medicines are listed whatever their start date: a report range should show what was being taken
    const rows = kind === 'medicines' ? await ctx.diary.data(req.params.pid, kind) : await ctx.diary.data(req.params.pid, kind, from, to);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="myotrace-${kind}-${from}-${to}.csv"`)
      .send(toCsv(CSV_COLUMNS[kind] ?? [], rows));
  });
}
