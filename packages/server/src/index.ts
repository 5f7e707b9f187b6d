export { buildApp, defaultWebDist, DEFAULT_MAX_UPLOAD_BYTES, type App, type BuildAppOptions } from './app.js';
export { openDb, openPostgres, openSqlite, type Db, type DbKind } from './db/connect.js';
export { migrateToLatest } from './db/migrations.js';
export { isAllowed, isAudited, relationOf, type Action, type Relation } from './policy.js';
export { computeInsights, type InsightsInput } from './insights/compute.js';
export { InProcessQueue, runScoringJob, unavailableScorer, type JobQueue, type Scorer, type ScoreInput } from './recordings/jobs.js';
export { createUser } from './auth/sessions.js';
export type { SafetyChecker } from './insights/safety.js';
export { VERSION } from './version.js';
