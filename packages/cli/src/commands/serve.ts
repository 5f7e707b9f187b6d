import type { Command } from 'commander';
import { startServer } from '@myotrace/server';
import { type CliIO, UsageError } from '../io.js';

/** `myotrace serve`: the HTTP API and the web app. Runs until SIGINT/SIGTERM. */
export function register(program: Command, io: CliIO): void {
  program
    .command('serve')
    .description('serve the API and the web app (SQLite under --data, or PostgreSQL from DATABASE_URL; BullMQ when REDIS_URL is set)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', '8080')
    .option('--data <dir>', 'data folder (SQLite database and uploaded recordings)', './data')
    .option('--no-demo', 'do not create the demo patient and clinician')
    .option('--max-upload-bytes <n>', 'largest accepted recording upload in bytes', String(2 * 1024 ** 3))
    .option('--secure-cookies', 'mark cookies Secure (when served over HTTPS, e.g. behind a TLS proxy)')
    .action(async (opts: { host: string; port: string; data: string; demo: boolean; maxUploadBytes: string; secureCookies?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('CLI_BAD_PORT', `--port must be 0–65535, got ${opts.port}`);
      const maxUploadBytes = Number(opts.maxUploadBytes);
      if (!Number.isFinite(maxUploadBytes) || maxUploadBytes < 1) throw new UsageError('CLI_BAD_OPTION', '--max-upload-bytes must be a positive number');
      const server = await startServer({
        host: opts.host,
        port,
        dataDir: opts.data,
        demo: opts.demo,
        databaseUrl: process.env.DATABASE_URL || undefined,
        redisUrl: process.env.REDIS_URL || undefined,
        maxUploadBytes,
        secureCookies: !!opts.secureCookies,
      });
      io.stdout(`MyoTrace listening on ${server.url} (database: ${server.db.kind}${process.env.REDIS_URL ? ', jobs: BullMQ' : ''})\n`);
      if (server.demoLogins.length) {
        io.stdout('Demo accounts (demo data only, not for real patients):\n');
        for (const l of server.demoLogins) io.stdout(`  ${l.role.padEnd(9)} ${l.email}  password: ${l.password}\n`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
