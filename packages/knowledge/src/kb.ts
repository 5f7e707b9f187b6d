import { MyoTraceError } from '@myotrace/errors';
import { rawEntries } from './data/index.js';
import { EntrySchema, type Entry, type EntryKind } from './schema.js';

let validated: ReadonlyMap<string, Entry> | null = null;

/**
 * Validates every entry against the schema once (on first use) and indexes them by id. A bad entry is a
 * programming error in the data files, reported with its id and the failing field.
 */
function entries(): ReadonlyMap<string, Entry> {
  if (validated) return validated;
  const map = new Map<string, Entry>();
  for (const raw of rawEntries) {
    const parsed = EntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MyoTraceError('KB_INVALID_ENTRY', `knowledge entry "${(raw as { id?: string }).id ?? '?'}" is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}`, {
        hint: 'fix the entry in packages/knowledge/src/data',
      });
    }
    if (map.has(parsed.data.id)) throw new MyoTraceError('KB_DUPLICATE_ENTRY', `knowledge entry id "${parsed.data.id}" is used twice`);
    map.set(parsed.data.id, deepFreeze(parsed.data));
  }
  validated = map;
  return map;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** All entries (validated, frozen), optionally of one kind. */
export function listEntries(kind?: EntryKind): readonly Entry[] {
  const all = [...entries().values()];
  return kind === undefined ? all : all.filter((e) => e.kind === kind);
}

/** The entry with this id, or `undefined`. */
export function findEntry(id: string): Entry | undefined {
  return entries().get(id);
}

/** The entry with this id; throws `KB_UNKNOWN_ENTRY` when there is none. */
export function getEntry(id: string): Entry {
  const e = entries().get(id);
  if (!e) {
    throw new MyoTraceError('KB_UNKNOWN_ENTRY', `no knowledge entry with id "${id}"`, {
      hint: 'search first (myotrace kb search TEXT) and use an id from the results',
      field: 'id',
    });
  }
  return e;
}

/** Ids of all entries, in reading order. */
export function entryIds(): string[] {
  return [...entries().keys()];
}

/** A correction of the seed article, with the entry that carries it. */
export interface SeedCorrection {
  entryId: string;
  seedClaim: string;
  correction: string;
  sourceIds: string[];
}

/** Every place where an entry corrects or qualifies a claim of the seed article. */
export function listSeedCorrections(): SeedCorrection[] {
  return listEntries().flatMap((e) =>
    (e.corrections ?? []).map((c) => ({ entryId: e.id, seedClaim: c.seedClaim, correction: c.correction, sourceIds: c.sources.map((s) => s.id) })),
  );
}
