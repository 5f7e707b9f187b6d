import { z } from 'zod';
import { authorize } from '../http/access.js';
import type { AppContext } from '../http/context.js';
import { addDays } from '../insights/dates.js';
import { todayUtc } from '../insights/load.js';
import { CSV_COLUMNS, toCsv } from '../reports/csv.js';
import { gatherReport } from '../reports/data.js';
import { buildFhirBundle, entriesFromBundle } from '../reports/fhir.js';
import { renderReportPdf } from '../reports/pdf.js';
import { conflict } from '../http/errors.js';
import { DIARY_KIND_NAMES } from '../schemas/diary.js';
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

  api.get('/patients/:pid/report.pdf', { schema: { tags: ['reports'], params: PatientIdParams, querystring: RangeQuery } }, async (req, reply) => {
    await authorize(ctx, req, req.params.pid, 'report.read');
    const { from, to } = rangeOf(req.query);
    const pdf = await renderReportPdf(await gatherReport(ctx, req.params.pid, from, to));
    return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="myotrace-report-${from}-${to}.pdf"`).send(pdf);
  });

  api.get('/patients/:pid/fhir', { schema: { tags: ['reports'], params: PatientIdParams, querystring: RangeQuery } }, async (req, reply) => {
    await authorize(ctx, req, req.params.pid, 'report.read');
    const { from, to } = rangeOf(req.query);
    const pid = req.params.pid;
    const data = await gatherReport(ctx, pid, from, to);
    const entries: Record<string, unknown[]> = {};
    // the whole diary: the bundle is also the way to move an account, so the range limits only the PDF
    for (const k of DIARY_KIND_NAMES) entries[k] = await ctx.diary.data(pid, k);
    const bundle = buildFhirBundle({
      patient: data.patient,
      entries,
      recordings: data.recordings,
      pdf: { data: await renderReportPdf(data), from, to },
      today: todayUtc(),
      generatedAt: data.generatedAt,
    });
    return reply.type('application/fhir+json').header('Content-Disposition', `attachment; filename="myotrace-fhir-${from}-${to}.json"`).send(JSON.stringify(bundle));
  });

  api.post(
    '/patients/:pid/fhir/import',
    {
      bodyLimit: 200 * 1024 * 1024,
      schema: { tags: ['reports'], params: PatientIdParams, body: z.record(z.string(), z.unknown()), response: { 200: z.object({ imported: z.record(z.string(), z.number()) }), ...errs, 409: ErrorBody } },
    },
    async (req) => {
      const { session } = await authorize(ctx, req, req.params.pid, 'fhir.import');
      const pid = req.params.pid;
      const found = entriesFromBundle(req.body);
      if ((await ctx.diary.countAll(pid)) > 0) throw conflict('import needs an empty diary: this account already has entries');
      const actor = { id: session.user.id, name: session.user.name, role: session.user.role };
      const imported: Record<string, number> = {};
      // medicines first so dose events find them
      for (const k of DIARY_KIND_NAMES) {
        const list = found[k] ?? [];
        imported[k] = await ctx.diary.bulkInsert(pid, k, list, actor);
      }
      return { imported };
    },
  );
}
