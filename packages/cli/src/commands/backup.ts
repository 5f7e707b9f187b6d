import { join } from 'node:path';
import type { Command } from 'commander';
import { backupSqlite, restoreSqlite } from '@myotrace/server';
import { type CliIO, UsageError } from '../io.js';

/** `myotrace backup`: online backup of the SQLite database; `--restore FILE` puts a backup back (server stopped). */
export function register(program: Command, io: CliIO): void {
  program
    .command('backup')
    .description('back up the SQLite database while the server runs (or restore one with --restore)')
    .option('--data <dir>', 'data folder of the server', './data')
    .option('--out <file>', 'backup file to write (default: <data>/backups/myotrace-<time>.db)')
    .option('--restore <file>', 'restore this backup into the data folder (stop the server first)')
    .action(async (opts: { data: string; out?: string; restore?: string }) => {
      if (process.env.DATABASE_URL) {
        throw new UsageError('CLI_BACKUP_POSTGRES', 'DATABASE_URL is set: back up PostgreSQL with pg_dump; this command handles the embedded SQLite database');
      }
      const dbPath = join(opts.data, 'myotrace.db');
      if (opts.restore) {
        if (opts.out) throw new UsageError('CLI_BAD_OPTION', 'use either --out or --restore');
        await restoreSqlite(opts.restore, dbPath);
        io.stdout(`restored ${opts.restore} into ${dbPath}\n`);
        return;
      }
      const { mkdirSync } = await import('node:fs');
      const out = opts.out ?? join(opts.data, 'backups', `myotrace-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
      mkdirSync(join(out, '..'), { recursive: true });
      const r = await backupSqlite(dbPath, out);
      io.stdout(`backup written to ${out} (${r.pages} pages)\n`);
    });
}
