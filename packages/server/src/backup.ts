/**
 * SQLite backup and restore. Backup uses SQLite's online backup API (consistent while the server keeps writing);
 * restore checks the file's integrity first and replaces the database only when no server holds it.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MyoTraceError } from '@myotrace/errors';

export async function backupSqlite(dbPath: string, outPath: string): Promise<{ pages: number }> {
  if (!existsSync(dbPath)) throw new MyoTraceError('API_BACKUP_NO_DATABASE', `no database at ${dbPath}`, { hint: 'pass the --data folder the server uses' });
  if (existsSync(outPath)) throw new MyoTraceError('API_BACKUP_EXISTS', `${outPath} already exists`, { hint: 'choose a new file name; backups never overwrite' });
  const db = new BetterSqlite3(dbPath, { fileMustExist: true });
  try {
    const r = await db.backup(outPath);
    return { pages: r.totalPages };
  } finally {
    db.close();
  }
}

export function checkSqliteFile(path: string): void {
  if (!existsSync(path)) throw new MyoTraceError('API_BACKUP_NO_DATABASE', `no file at ${path}`);
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const r = db.pragma('integrity_check', { simple: true });
    if (r !== 'ok') throw new MyoTraceError('API_BACKUP_CORRUPT', `${path} failed the integrity check`);
    const t = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'entries'").get() as { n: number };
    if (t.n !== 1) throw new MyoTraceError('API_BACKUP_NOT_MYOTRACE', `${path} is not a MyoTrace database`);
  } catch (err) {
    if ((err as { isMyoTraceError?: boolean }).isMyoTraceError) throw err;
    throw new MyoTraceError('API_BACKUP_CORRUPT', `${path} is not a readable SQLite database`);
  } finally {
    db?.close();
  }
}

/** Replaces `dbPath` with a copy of `backupPath` (made via the backup API again, so the copy is consistent). */
export async function restoreSqlite(backupPath: string, dbPath: string): Promise<void> {
  checkSqliteFile(backupPath);
  // refuse while a server runs on this folder (it writes its pid next to the database)
  const pid = serverPid(dirname(dbPath));
  if (pid !== null) throw new MyoTraceError('API_RESTORE_BUSY', `a server (pid ${pid}) is using this data folder`, { hint: 'stop the server before restoring' });
  const tmp = `${dbPath}.restore-${process.pid}`;
  const src = new BetterSqlite3(backupPath, { readonly: true, fileMustExist: true });
  try {
    await src.backup(tmp);
  } finally {
    src.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(tmp, dbPath);
}

/** The pid file a running server keeps in its data folder; a stale file (process gone) counts as no server. */
export function serverPid(dataDir: string): number | null {
  const f = join(dataDir, 'server.pid');
  if (!existsSync(f)) return null;
  const pid = Number(readFileSync(f, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
export function writeServerPid(dataDir: string): () => void {
  const f = join(dataDir, 'server.pid');
  writeFileSync(f, String(process.pid));
  return () => rmSync(f, { force: true });
}
