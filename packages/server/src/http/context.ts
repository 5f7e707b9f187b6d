import type { Db } from '../db/connect.js';
import type { LoginLimiter } from '../auth/rate-limit.js';
import type { JobQueue } from '../recordings/jobs.js';
import type { SafetyChecker } from '../insights/safety.js';
import type { DiaryStore } from '../diary/store.js';

export interface ServerConfig {
  dataDir: string;
  maxUploadBytes: number;
  /** Adds `Secure` to cookies (set when serving over TLS or behind a TLS proxy). */
  secureCookies: boolean;
  /** scrypt cost; tests lower it. */
  passwordHashN?: number;
}

export interface AppContext {
  db: Db;
  config: ServerConfig;
  limiter: LoginLimiter;
  jobs: JobQueue;
  safety: SafetyChecker;
  diary: DiaryStore;
}
