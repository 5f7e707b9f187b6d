import { authorize } from '../http/access.js';
import type { AppContext } from '../http/context.js';
import { badRequest } from '../http/errors.js';
import { loadInsights } from '../insights/load.js';
import { daysBetween } from '../insights/dates.js';
import { ErrorBody, PatientIdParams } from '../schemas/common.js';
import { Insights, InsightsQuery } from '../schemas/insights.js';
import type { Api } from './types.js';

export const MAX_INSIGHT_DAYS = 3660;

export async function insightsRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/patients/:pid/insights',
    { schema: { tags: ['insights'], params: PatientIdParams, querystring: InsightsQuery, response: { 200: Insights, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } } },
    async (req) => {
      await authorize(ctx, req, req.params.pid, 'insights.read');
      const { from, to } = req.query;
      if (from && to && from > to) throw badRequest('from must not be after to', 'query.from');
      if (from && to && daysBetween(from, to) > MAX_INSIGHT_DAYS) throw badRequest(`at most ${MAX_INSIGHT_DAYS} days at once`, 'query.to');
      return loadInsights(ctx, req.params.pid, { from, to });
    },
  );
}
