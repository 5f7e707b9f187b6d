import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type BatchProgress,
  type BatchRef,
  type BatchSettings,
  BatchStore,
  type BatchStatus,
  batchId,
  batchSettings,
  enqueueBatch,
  queueCounts,
  readManifest,
  resultsToCsv,
  resultsToJson,
  runLocal,
  settingsHash,
} from '@myotrace/batch';
import type { ScoringStandard } from '@myotrace/detect';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { type CliIO, UsageError } from '../io.js';
import { VERSION } from '../version.js';
import { parseRuleOptions } from './score.js';

interface RunOptions {
  name?: string;
  workers?: string;
  queue?: string;
  database?: string;
  standard: ScoringStandard;
  child?: boolean;
  rule: string[];
  wait?: boolean;
  json?: boolean;
}

/** Default results database: DATABASE_URL when set, else an SQLite file under ./data. */
export function defaultDatabase(given?: string): string {
  return given ?? process.env.MYOTRACE_BATCH_DATABASE ?? process.env.DATABASE_URL ?? './data/batch.db';
}

const isPostgres = (url: string) => /^postgres(ql)?:\/\//i.test(url);

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1024) throw new UsageError('CLI_BAD_NUMBER', `${flag} takes a whole number from 0 to 1024`);
  return n;
}

export function register(program: Command, io: CliIO): void {
  const batch = program
    .command('batch')
    .description('score many recordings: locally with worker threads, or through a Redis queue to workers on many machines');

  batch
    .command('run', { isDefault: true })
    .description('score every recording of a manifest (CSV/TSV/JSON) or a folder')
    .argument('<input>', 'manifest file (columns: path, hypnogram, events, subject, cohort, id) or a folder of EDF/BDF files')
    .option('--name <name>', 'batch name (default: the manifest or folder name)')
    .option('--workers <n>', 'local worker threads (default: cores - 1; 0 scores in this process)')
    .option('--queue <url>', 'enqueue one job per recording on this Redis instead of scoring locally (redis://host:port)')
    .option('--database <url>', 'results database: postgres://... or an SQLite file (default $DATABASE_URL or ./data/batch.db)')
    .addOption(new Option('--standard <standard>', 'scoring rules').choices(['wasm2016', 'aasm']).default('wasm2016'))
    .option('--child', 'paediatric ICSD-3 threshold in the finding')
    .option('--rule <key=value>', 'change one rule setting (see myotrace score --help)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--wait', 'with --queue: follow the batch until every recording is done or failed')
    .option('--json', 'print the final summary as JSON')
    .action(async (input: string, opts: RunOptions) => {
      const database = defaultDatabase(opts.database);
      if (opts.queue && !isPostgres(database)) {
        throw new UsageError('CLI_QUEUE_NEEDS_POSTGRES', '--queue needs a PostgreSQL results database that every worker reaches: give --database postgres://...');
      }
      const settings = batchSettings({
        standard: opts.standard,
        rules: parseRuleOptions(opts.rule, opts.standard),
        child: opts.child === true,
        toolVersion: VERSION,
      });
      const manifest = await readManifest(input);
      const name = opts.name ?? manifest.name;
      const ref: BatchRef = { id: batchId(name, settings), name, settings, settingsHash: settingsHash(settings) };
      if (!isPostgres(database)) await mkdir(dirname(database), { recursive: true });
      const store = await BatchStore.open(database);
      try {
        const total = manifest.rows.length;
        const reporter = progressReporter(io, total);
        if (opts.queue) {
          const r = await enqueueBatch({ rows: manifest.rows, store, batch: ref, redisUrl: opts.queue, progress: reporter.progress });
          io.stderr(`batch ${ref.id}: ${r.queued} queued, ${r.skipped} already done, ${r.invalid.length} invalid\n`);
          if (opts.wait) await follow(store, ref.id, reporter);
          reporter.stop();
          await printStatus(io, await store.status(ref.id), opts.json === true);
          return;
        }
        const workers = opts.workers !== undefined ? positiveInt(opts.workers, '--workers') : Math.max(1, availableParallelism() - 1);
        io.stderr(`batch ${ref.id}: ${total} recordings, ${workers === 0 ? 'in process' : `${workers} worker thread(s)`}\n`);
        await runLocal({ rows: manifest.rows, store, batch: ref, workers, progress: reporter.progress });
        reporter.stop();
        await printStatus(io, await store.status(ref.id), opts.json === true);
      } finally {
        await store.close();
      }
    });

  batch
    .command('status')
    .description('progress of a batch: done, failed (with error codes), running, queued')
    .argument('<batch>', 'batch id (name@settings) or name (latest)')
    .option('--database <url>', 'results database (default $DATABASE_URL or ./data/batch.db)')
    .option('--queue <url>', 'also show the Redis queue counts (waiting, active, failed = dead letter)')
    .option('--json', 'JSON output')
    .action(async (id: string, opts: { database?: string; queue?: string; json?: boolean }) => {
      const store = await BatchStore.open(defaultDatabase(opts.database));
      try {
        const status = await store.status(id);
        const queue = opts.queue ? await queueCounts(opts.queue) : undefined;
        await printStatus(io, status, opts.json === true, queue);
      } finally {
        await store.close();
      }
    });

  batch
    .command('list')
    .description('batches in a results database')
    .option('--database <url>', 'results database (default $DATABASE_URL or ./data/batch.db)')
    .option('--json', 'JSON output')
    .action(async (opts: { database?: string; json?: boolean }) => {
      const store = await BatchStore.open(defaultDatabase(opts.database));
      try {
        const list = await store.listBatches();
        if (opts.json) io.stdout(`${JSON.stringify(list)}\n`);
        else for (const s of list) io.stdout(`${s.batchId}\t${s.done}/${s.total} done\t${s.failed} failed\t${s.createdAt}\n`);
      } finally {
        await store.close();
      }
    });

  batch
    .command('export')
    .description('one row per recording with every index, count, quality warning, tool version and settings')
    .argument('<batch>', 'batch id (name@settings) or name (latest)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--database <url>', 'results database (default $DATABASE_URL or ./data/batch.db)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (id: string, opts: { format: 'csv' | 'json'; database?: string; output?: string }) => {
      const store = await BatchStore.open(defaultDatabase(opts.database));
      try {
        const b = await store.resolveBatch(id);
        const settings = JSON.parse(b.settings_json) as BatchSettings;
        const rows = await store.results(b.id);
        const text = opts.format === 'json' ? resultsToJson(rows, settings) : resultsToCsv(rows, settings);
        if (opts.output) await writeFile(opts.output, text);
        else io.stdout(text);
      } finally {
        await store.close();
      }
    });
}

interface Reporter {
  progress: BatchProgress;
  update(status: BatchStatus): void;
  stop(): void;
}

/** A progress bar on a terminal; one line per recording otherwise (logs carry ids, never file contents). */
function progressReporter(io: CliIO, total: number): Reporter {
  const started = Date.now();
  const counts = { done: 0, failed: 0, skipped: 0, running: 0 };
  const bar = io.isTTY && process.stderr.isTTY
    ? new SingleBar({
        format: 'batch [{bar}] {value}/{total} | done {done} failed {failed} running {running} | {rate}/min | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      })
    : null;
  bar?.start(total, 0, { ...counts, rate: '0' });
  const tick = () => {
    const finished = counts.done + counts.failed + counts.skipped;
    const minutes = (Date.now() - started) / 60_000;
    bar?.update(finished, { ...counts, rate: minutes > 0 ? ((counts.done + counts.failed) / minutes).toFixed(1) : '0' });
  };
  const line = (s: string) => {
    if (!bar) io.stderr(`${s}\n`);
  };
  return {
    progress: {
      onStart: (id) => {
        counts.running++;
        tick();
        line(`start   ${id}`);
      },
      onDone: (id, scored) => {
        counts.running = Math.max(0, counts.running - 1);
        counts.done++;
        tick();
        const idx = scored.result.indices.plmsIndex;
        line(`done    ${id}  PLMS ${idx === null ? '-' : idx.toFixed(1)}/h  (${(scored.elapsedMs / 1000).toFixed(1)} s)`);
      },
      onFail: (f) => {
        counts.running = Math.max(0, counts.running - 1);
        counts.failed++;
        tick();
        line(`failed  ${f.id}  ${f.code}: ${f.message}`);
      },
      onSkip: (id) => {
        counts.skipped++;
        tick();
        line(`skip    ${id}  (already scored with these settings)`);
      },
    },
    update(status) {
      counts.done = status.done;
      counts.failed = status.failed;
      counts.running = status.running;
      tick();
    },
    stop: () => bar?.stop(),
  };
}

async function follow(store: BatchStore, id: string, reporter: Reporter): Promise<void> {
  for (;;) {
    const s = await store.status(id);
    reporter.update(s);
    if (s.queued === 0 && s.running === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function printStatus(io: CliIO, s: BatchStatus, json: boolean, queue?: Record<string, number>): Promise<void> {
  if (json) {
    io.stdout(`${JSON.stringify(queue ? { ...s, queue } : s)}\n`);
    return;
  }
  io.stdout(`batch     ${s.batchId}\n`);
  io.stdout(`settings  ${s.settingsHash.slice(0, 12)} (myotrace ${s.toolVersion})\n`);
  io.stdout(`total     ${s.total}\ndone      ${s.done}\nfailed    ${s.failed}\nrunning   ${s.running}\nqueued    ${s.queued}\n`);
  for (const f of s.failures) io.stdout(`  failed ${f.id}: ${f.code} ${f.message}\n`);
  if (queue) io.stdout(`queue     ${Object.entries(queue).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
}
