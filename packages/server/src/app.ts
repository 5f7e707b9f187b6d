/**
 * The Fastify application factory. Everything stateful is injected (database, data folder, job queue, safety
 * checker) so tests build an app per database and drive it with `app.inject()`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { isMyoTraceError } from '@myotrace/errors';
import { LoginLimiter } from './auth/rate-limit.js';
import { resolveSession, SESSION_COOKIE } from './auth/sessions.js';
import type { Db } from './db/connect.js';
import { DiaryStore } from './diary/store.js';
import type { AppContext, ServerConfig } from './http/context.js';
import { ApiError } from './http/errors.js';
import { registerSecurityHeaders } from './http/security.js';
import { noSafetyChecks, type SafetyChecker } from './insights/safety.js';
import { InProcessQueue, type JobQueue, type Scorer, unavailableScorer } from './recordings/jobs.js';
import { authRoutes } from './routes/auth.js';
import { diaryRoutes } from './routes/diary.js';
import { insightsRoutes } from './routes/insights.js';
import { patientRoutes } from './routes/patients.js';
import { recordingRoutes } from './routes/recordings.js';
import { reportRoutes } from './routes/reports.js';
import { researchRoutes } from './routes/research.js';
import { VERSION } from './version.js';

export interface BuildAppOptions {
  db: Db;
  dataDir: string;
  maxUploadBytes?: number;
  secureCookies?: boolean;
  /** Folder of the built web app (index.html); served at `/` with SPA fallback when it exists. */
  webDist?: string | null;
  /** Scoring function for recordings (injected; defaults to the detect package adapter when given by the caller). */
  scorer?: Scorer;
  /** Job queue; defaults to an in-process queue over `scorer`. */
  jobs?: JobQueue;
  safety?: SafetyChecker;
  limiter?: LoginLimiter;
  passwordHashN?: number;
  /** Called for unexpected errors with no patient data (name, code, stack frames). */
  logError?: (info: { reqId: string; route: string; name: string; code?: string; stack: string[] }) => void;
  /** Cohort batch results (`myotrace batch`): postgres://... or an SQLite file. Default: <dataDir>/batch.db. */
  batchDatabase?: string;
  /** Request logging (Fastify's pino); off by default. */
  logger?: boolean;
}

export type App = FastifyInstance & { ctx: AppContext; routeList: { method: string; url: string }[] };

const MB = 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * MB;

export function defaultWebDist(): string {
  return resolve(new URL('.', import.meta.url).pathname, '..', '..', 'web', 'dist');
}

function defaultLogError(info: { reqId: string; route: string; name: string; code?: string; stack: string[] }): void {
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'unhandled error', ...info })}\n`);
}

/** Zod issue path → `field` of the error body: body fields bare (`bodySites.0`), others prefixed (`query.from`). */
function fieldOf(context: string | undefined, instancePath: string | undefined): string | undefined {
  const p = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const prefix = context === 'querystring' ? 'query' : context === 'params' ? 'params' : context === 'headers' ? 'headers' : '';
  if (!prefix) return p || undefined;
  return p ? `${prefix}.${p}` : prefix;
}

export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const config: ServerConfig = {
    dataDir: opts.dataDir,
    maxUploadBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    secureCookies: !!opts.secureCookies,
    passwordHashN: opts.passwordHashN,
  };
  const jobs = opts.jobs ?? new InProcessQueue(opts.db, opts.dataDir, opts.scorer ?? unavailableScorer);
  let closeResearch: () => Promise<void> = async () => {};
  const ctx: AppContext = {
    db: opts.db,
    config,
    limiter: opts.limiter ?? new LoginLimiter(),
    jobs,
    safety: opts.safety ?? noSafetyChecks,
    diary: new DiaryStore(opts.db),
  };
  const logError = opts.logError ?? defaultLogError;

  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: MB, trustProxy: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // responses are built by our own code from typed values: plain JSON, no second validation pass per response
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('session', null);
  (app as unknown as { ctx: AppContext }).ctx = ctx;
  const routeList: { method: string; url: string }[] = [];
  (app as unknown as { routeList: typeof routeList }).routeList = routeList;
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routeList.push({ method: m, url: r.url });
  });

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { hsts: config.secureCookies });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const v = err.validation[0];
      const field = fieldOf(err.validationContext, v?.instancePath);
      return reply.status(400).send({ error: { code: 'API_VALIDATION', message: `${field ?? 'request'}: ${v?.message ?? 'invalid'}`, ...(field ? { field } : {}) } });
    }
    if (err instanceof ApiError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.extra ?? {}) } });
    }
    if (isMyoTraceError(err)) {
      // coded errors from the format and detector packages are about the user's input
      return reply.status(400).send({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } });
    }
    const fcode = err.code;
    if (fcode === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400)) {
      return reply.status(400).send({ error: { code: 'API_BAD_JSON', message: 'the body is not valid JSON' } });
    }
    if (fcode === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send({ error: { code: 'API_TOO_LARGE', message: 'the body is too large' } });
    if (fcode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send({ error: { code: 'API_UNSUPPORTED_MEDIA', message: 'unsupported content type' } });
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'API_BAD_REQUEST', message: 'the request could not be read' } });
    }
    // unknown: never echo the message (it may hold values from the request); log only where it came from
    logError({
      reqId: String(req.id),
      route: `${req.method} ${req.routeOptions?.url ?? '?'}`,
      name: err.name,
      ...(typeof fcode === 'string' ? { code: fcode } : {}),
      stack: (err.stack ?? '').split('\n').slice(1, 8).map((s) => s.trim()),
    });
    return reply.status(500).send({ error: { code: 'API_INTERNAL', message: 'internal error' } });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'MyoTrace API', version: VERSION, description: 'Diary, insights, recordings and reports. See docs/api.md.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (req) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) req.session = await resolveSession(ctx.db, token);
      });
      api.addHook('preHandler', async (req) => {
        if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
        const url = req.routeOptions.url ?? '';
        if (url.endsWith('/auth/login') || url.endsWith('/auth/register')) return;
        const s = req.session;
        if (!s) throw new ApiError(401, 'API_UNAUTHENTICATED', 'sign in first');
        const header = req.headers['x-csrf-token'];
        if (typeof header !== 'string' || header !== s.csrfToken) {
          throw new ApiError(403, 'API_CSRF', 'missing or wrong X-CSRF-Token header', { hint: 'send the csrfToken from /auth/me' });
        }
      });
      api.get('/health', { schema: { tags: ['meta'] } }, async () => ({ ok: true, db: ctx.db.kind, version: VERSION }));
      await authRoutes(api, ctx);
      await patientRoutes(api, ctx);
      await diaryRoutes(api, ctx);
      await insightsRoutes(api, ctx);
      await recordingRoutes(api, ctx);
      await reportRoutes(api, ctx);
      closeResearch = await researchRoutes(api, { location: opts.batchDatabase ?? join(opts.dataDir, 'batch.db') });
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist === undefined ? defaultWebDist() : opts.webDist;
  const hasWeb = !!webDist && existsSync(join(webDist, 'index.html'));
  if (hasWeb && webDist) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
      if (hasWeb) return (reply as unknown as { sendFile: (f: string) => unknown }).sendFile('index.html');
      return reply
        .status(200)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><title>MyoTrace</title><p>MyoTrace API is running. The web app is not built yet (<code>npm run build -w packages/web</code>). API documentation: <a href="/api/docs">/api/docs</a>.</p>');
    }
    return reply.status(404).send({ error: { code: 'API_NOT_FOUND', message: 'no such route' } });
  });

  app.addHook('onClose', async () => {
    await closeResearch();
    await ctx.jobs.close();
  });
  return app as unknown as App;
}
