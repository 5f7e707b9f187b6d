import { BatchStore, startWorker } from '@myotrace/batch';
import type { Command } from 'commander';
import { type CliIO, UsageError } from '../io.js';

interface WorkerCliOptions {
  queue?: string;
  database?: string;
  concurrency: string;
  lockMs: string;
  stalledMs: string;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('worker')
    .description('take score jobs from a Redis queue and write results to PostgreSQL; run as many as you have cores and machines')
    .option('--queue <url>', 'Redis URL (default $REDIS_URL)')
    .option('--database <url>', 'PostgreSQL URL (default $DATABASE_URL)')
    .option('--concurrency <n>', 'nights scored at once by this process', '1')
    .option('--lock-ms <ms>', 'job lock duration; a killed worker\'s job is taken back after this', '30000')
    .option('--stalled-ms <ms>', 'how often to look for jobs of dead workers', '30000')
    .action(async (opts: WorkerCliOptions) => {
      const queue = opts.queue ?? process.env.REDIS_URL;
      const database = opts.database ?? process.env.DATABASE_URL;
      if (!queue) throw new UsageError('CLI_NO_QUEUE', 'give the Redis queue with --queue redis://host:port (or set REDIS_URL)');
      if (!database || !/^postgres(ql)?:\/\//i.test(database)) {
        throw new UsageError('CLI_NO_DATABASE', 'give the PostgreSQL results database with --database postgres://... (or set DATABASE_URL)');
      }
      const num = (v: string, flag: string, min: number) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < min) throw new UsageError('CLI_BAD_NUMBER', `${flag} takes a whole number >= ${min}`);
        return n;
      };
      const store = await BatchStore.open(database);
      const worker = startWorker({
        redisUrl: queue,
        store,
        concurrency: num(opts.concurrency, '--concurrency', 1),
        lockDurationMs: num(opts.lockMs, '--lock-ms', 1000),
        stalledIntervalMs: num(opts.stalledMs, '--stalled-ms', 500),
        progress: {
          onStart: (id) => io.stderr(`start ${id}\n`),
          onDone: (id, s, stored) => io.stderr(`done ${id} ${stored ? '' : '(already stored) '}${(s.elapsedMs / 1000).toFixed(2)} s\n`),
          onFail: (f) => io.stderr(`failed ${f.id} ${f.code}\n`),
        },
      });
      await worker.ready;
      io.stderr(`worker ready (pid ${process.pid})\n`);
      // graceful shutdown: finish the current job, then leave; a second signal is not needed
      await new Promise<void>((resolve) => {
        const stop = (sig: string) => {
          io.stderr(`${sig}: finishing the current job, then stopping\n`);
          resolve();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      await worker.close();
      await store.close();
      io.stderr('worker stopped\n');
    });
}
