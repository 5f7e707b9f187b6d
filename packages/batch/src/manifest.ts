import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { MyoTraceError } from '@myotrace/errors';

/** One recording of a batch. Paths are absolute (or http(s) URLs) once the manifest is read. */
export interface ManifestRow {
  /** Unique within the batch; defaults to the file's stem. */
  id: string;
  path: string;
  hypnogram?: string;
  events?: string;
  subject?: string;
  cohort?: string;
}

export interface Manifest {
  /** Default batch name: the manifest file's or folder's base name. */
  name: string;
  rows: ManifestRow[];
}

const RECORDING_EXT = new Set(['.edf', '.bdf', '.rec']);
const COLUMNS = ['id', 'path', 'hypnogram', 'events', 'subject', 'cohort'] as const;

export function isUrl(p: string): boolean {
  return /^https?:\/\//i.test(p);
}

/**
 * Reads a manifest (CSV/TSV with a header row, or a JSON array of rows) or builds one from a
 * folder of recordings, pairing each with its hypnogram or NSRR XML by name.
 */
export async function readManifest(input: string): Promise<Manifest> {
  const info = await stat(input).catch((err: NodeJS.ErrnoException) => {
    throw new MyoTraceError('BATCH_INPUT_NOT_FOUND', `cannot read ${input}: ${err.code ?? err.message}`, {
      hint: 'give a manifest file (.csv, .tsv, .json) or a folder of EDF/BDF recordings',
    });
  });
  if (info.isDirectory()) return { name: basename(resolve(input)), rows: await scanFolder(resolve(input)) };
  const text = await readFile(input, 'utf8');
  const base = dirname(resolve(input));
  const raw = extname(input).toLowerCase() === '.json' ? parseJsonManifest(text) : parseDelimitedManifest(text);
  const rows = raw.map((r) => ({
    ...r,
    path: absolutise(r.path, base),
    ...(r.hypnogram ? { hypnogram: absolutise(r.hypnogram, base) } : {}),
    ...(r.events ? { events: absolutise(r.events, base) } : {}),
  }));
  return { name: basename(input, extname(input)), rows: uniqueIds(rows) };
}

function absolutise(p: string, base: string): string {
  return isUrl(p) || isAbsolute(p) ? p : join(base, p);
}

type RawRow = Omit<ManifestRow, 'id'> & { id?: string };

function parseJsonManifest(text: string): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new MyoTraceError('BATCH_BAD_MANIFEST', `the manifest is not valid JSON: ${(err as Error).message}`, {
      hint: 'a JSON manifest is an array of objects with at least a "path"',
    });
  }
  const list = Array.isArray(data) ? data : (data as { recordings?: unknown })?.recordings;
  if (!Array.isArray(list)) {
    throw new MyoTraceError('BATCH_BAD_MANIFEST', 'a JSON manifest must be an array of rows (or {"recordings": [...]})');
  }
  return list.map((item, i) => {
    if (typeof item !== 'object' || item === null || typeof (item as { path?: unknown }).path !== 'string') {
      throw new MyoTraceError('BATCH_BAD_MANIFEST', `row ${i + 1} of the manifest has no "path"`, { line: i + 1 });
    }
    const o = item as Record<string, unknown>;
    const row: RawRow = { path: o.path as string };
    for (const k of ['id', 'hypnogram', 'events', 'subject', 'cohort'] as const) {
      if (o[k] !== undefined && o[k] !== null && o[k] !== '') row[k] = String(o[k]);
    }
    return row;
  });
}

function parseDelimitedManifest(text: string): RawRow[] {
  const lines = text.split(/\r?\n/);
  const headerLine = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  if (headerLine < 0) throw new MyoTraceError('BATCH_BAD_MANIFEST', 'the manifest is empty');
  const sep = lines[headerLine].includes('\t') ? '\t' : ',';
  const header = splitRow(lines[headerLine], sep).map((h) => h.trim().toLowerCase());
  const pathCol = header.indexOf('path');
  if (pathCol < 0) {
    throw new MyoTraceError('BATCH_BAD_MANIFEST', `the manifest's header has no "path" column (found: ${header.join(', ')})`, {
      line: headerLine + 1,
      hint: `columns: ${COLUMNS.join(', ')} (only path is required)`,
    });
  }
  const rows: RawRow[] = [];
  for (let i = headerLine + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = splitRow(line, sep);
    if (cells.length > header.length) {
      throw new MyoTraceError('BATCH_BAD_MANIFEST', `line ${i + 1} has ${cells.length} cells but the header has ${header.length}`, {
        line: i + 1,
      });
    }
    const get = (name: string): string | undefined => {
      const c = header.indexOf(name);
      const v = c >= 0 ? cells[c]?.trim() : undefined;
      return v ? v : undefined;
    };
    const path = get('path');
    if (!path) throw new MyoTraceError('BATCH_BAD_MANIFEST', `line ${i + 1} has an empty path`, { line: i + 1 });
    const row: RawRow = { path };
    for (const k of ['id', 'hypnogram', 'events', 'subject', 'cohort'] as const) {
      const v = get(k);
      if (v) row[k] = v;
    }
    rows.push(row);
  }
  return rows;
}

/** Splits one CSV/TSV line, honouring double-quoted cells with "" escapes. */
function splitRow(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function uniqueIds(rows: RawRow[]): ManifestRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const wanted = r.id ?? stemOf(r.path);
    const n = (seen.get(wanted) ?? 0) + 1;
    seen.set(wanted, n);
    const id = r.id !== undefined && n > 1 ? null : n === 1 ? wanted : `${wanted}-${n}`;
    if (id === null) throw new MyoTraceError('BATCH_DUPLICATE_ID', `the manifest names recording id "${wanted}" twice`);
    return { ...r, id };
  });
}

function stemOf(p: string): string {
  const name = isUrl(p) ? decodeURIComponent(new URL(p).pathname.split('/').pop() ?? p) : basename(p);
  return name.replace(/\.(edf|bdf|rec)$/i, '').replace(/-PSG$/i, '');
}

/** Hypnogram / events file stems, with their conventional suffixes removed. */
function sidecarStem(name: string): string | null {
  const m = /^(.*?)(?:[-_.](?:hypnogram|hyp|nsrr|profusion|events|stages))?\.(edf|xml|csv)$/i.exec(name);
  if (!m) return null;
  const isSidecar = /hypnogram|hyp|nsrr|profusion|events|stages/i.test(name) || /\.(xml|csv)$/i.test(name);
  return isSidecar ? m[1] : null;
}

async function scanFolder(root: string): Promise<ManifestRow[]> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 8 && !e.name.startsWith('.')) await walk(p, depth + 1);
      } else if (e.isFile()) files.push(p);
    }
  };
  await walk(root, 0);
  const sidecars = new Map<string, string[]>();
  const recordings: string[] = [];
  for (const f of files) {
    const name = basename(f);
    const stem = sidecarStem(name);
    if (stem !== null) {
      const key = join(dirname(f), stem).toLowerCase();
      sidecars.set(key, [...(sidecars.get(key) ?? []), f]);
    } else if (RECORDING_EXT.has(extname(name).toLowerCase())) recordings.push(f);
  }
  const rows = recordings.map((path): RawRow => {
    const stem = stemOf(path);
    const dir = dirname(path);
    // exact stem, or the Sleep-EDF convention where PSG and hypnogram differ in the last character (SC4001E0 / SC4001EC)
    const candidates = sidecars.get(join(dir, stem).toLowerCase()) ??
      (stem.length > 2 ? [...sidecars.entries()].find(([k]) => k.length === join(dir, stem).length && k.startsWith(join(dir, stem.slice(0, -1)).toLowerCase()))?.[1] : undefined) ??
      [];
    const row: RawRow = { path, subject: stem, cohort: relative(root, dir) || undefined };
    const xml = candidates.find((c) => /\.xml$/i.test(c));
    const hyp = candidates.find((c) => /hypnogram|hyp|stages/i.test(basename(c))) ?? xml;
    const ev = candidates.find((c) => /events/i.test(basename(c))) ?? xml;
    if (hyp) row.hypnogram = hyp;
    if (ev) row.events = ev;
    if (row.cohort === undefined) delete row.cohort;
    return row;
  });
  if (rows.length === 0) {
    throw new MyoTraceError('BATCH_EMPTY', `no EDF/BDF recordings found under ${root}`, {
      hint: 'recordings must end in .edf, .bdf or .rec',
    });
  }
  return uniqueIds(rows);
}
