import { entryKinds, getEntry, listEntries, routineDurationSec, search, type Entry, type EntryKind } from '@myotrace/knowledge';
import { MyoTraceError } from '@myotrace/errors';
import type { Command } from 'commander';
import { type CliIO, UsageError } from '../io.js';

function parseKind(kind: string | undefined): EntryKind | undefined {
  if (kind === undefined) return undefined;
  if (!(entryKinds as readonly string[]).includes(kind)) throw new UsageError('CLI_BAD_KIND', `--kind must be one of ${entryKinds.join(', ')}; got "${kind}"`);
  return kind as EntryKind;
}

function parseLimit(limit: string): number {
  const n = Number(limit);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError('CLI_BAD_LIMIT', `--limit must be a whole number from 1 to 100; got "${limit}"`);
  return n;
}

export function register(program: Command, io: CliIO): void {
  const kb = program.command('kb').description('the cited knowledge base on myoclonus, PLMD, tests, treatments and exercises (informational, not a diagnosis)');

  kb.command('search')
    .description('full-text search (synonyms, brand names, typos tolerated)')
    .argument('<text...>', 'what to look for')
    .option('--limit <n>', 'maximum number of hits', '10')
    .option('--kind <kind>', `only entries of this kind (${entryKinds.join(', ')})`)
    .option('--json', 'print hits as JSON')
    .action((words: string[], opts: { limit: string; kind?: string; json?: boolean }) => {
      const kinds = parseKind(opts.kind);
      const hits = search(words.join(' '), { limit: parseLimit(opts.limit), ...(kinds ? { kinds: [kinds] } : {}) });
      if (opts.json) {
        io.stdout(`${JSON.stringify({ query: words.join(' '), hits })}\n`);
        return;
      }
      if (hits.length === 0) {
        io.stdout(`no entries match "${words.join(' ')}"\n`);
        return;
      }
      const idWidth = Math.max(...hits.map((h) => h.id.length));
      for (const h of hits) io.stdout(`${h.id.padEnd(idWidth)}  ${h.kind.padEnd(15)}  ${h.name}\n`);
      io.stdout(`\nshow one with: myotrace kb show ID\n`);
    });

  kb.command('show')
    .description('show one entry with its sources')
    .argument('<id>', 'entry id (from kb search or kb list)')
    .option('--json', 'print the entry as JSON')
    .action((id: string, opts: { json?: boolean }) => {
      let entry: Entry;
      try {
        entry = getEntry(id);
      } catch (err) {
        const near = search(id.replace(/-/g, ' '), { limit: 3 }).map((h) => h.id);
        throw new MyoTraceError('KB_UNKNOWN_ENTRY', `no knowledge entry with id "${id}"`, {
          hint: near.length > 0 ? `did you mean: ${near.join(', ')}?` : 'list ids with: myotrace kb list',
          field: 'id',
          cause: err,
        });
      }
      io.stdout(opts.json ? `${JSON.stringify(entry)}\n` : entryText(entry));
    });

  kb.command('list')
    .description('list entry ids')
    .option('--kind <kind>', `only entries of this kind (${entryKinds.join(', ')})`)
    .option('--json', 'print as JSON')
    .action((opts: { kind?: string; json?: boolean }) => {
      const entries = listEntries(parseKind(opts.kind));
      if (opts.json) io.stdout(`${JSON.stringify(entries.map((e) => ({ id: e.id, kind: e.kind, name: e.name })))}\n`);
      else for (const e of entries) io.stdout(`${e.id.padEnd(34)}  ${e.kind.padEnd(15)}  ${e.name}\n`);
    });
}

/** Word-wraps `text`; the first line starts with `first`, continuation lines with `indent`. */
function wrap(text: string, indent = '  ', width = 100, first = indent): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const lead = lines.length === 0 ? first : indent;
    if (line.length > 0 && lead.length + line.length + 1 + w.length > width) {
      lines.push(lead + line);
      line = w;
    } else line = line.length > 0 ? `${line} ${w}` : w;
  }
  if (line.length > 0) lines.push((lines.length === 0 ? first : indent) + line);
  return `${lines.join('\n')}\n`;
}

/** Plain-text rendering of an entry for the terminal. */
export function entryText(e: Entry): string {
  let out = `${e.name}  [${e.kind}: ${e.id}]\n`;
  if (e.synonyms.length > 0) out += wrap(`also: ${e.synonyms.join(', ')}`);
  out += `\n${wrap(e.summary)}\n`;
  for (const p of e.details) out += wrap(p);
  const list = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    out += `\n${title}\n`;
    for (const i of items) out += wrap(i, '    ', 100, '  - ');
  };
  switch (e.kind) {
    case 'neurophysiology':
      out += `\nEMG signature${e.emg.burstDurationMs ? ` (bursts typically ${e.emg.burstDurationMs[0]}–${e.emg.burstDurationMs[1]} ms)` : ''}\n${wrap(e.emg.description)}`;
      list('measured by', e.emg.analyses.map((a) => `${a.command}: ${a.measures}`));
      break;
    case 'test':
      out += `\nwhat it shows\n${wrap(e.whatItShows)}when it is used\n${wrap(e.whenUsed)}`;
      break;
    case 'treatment':
      list('used for', e.indications);
      list('cautions', e.cautions);
      break;
    case 'remedy':
      out += `\nevidence: ${e.evidenceGrade}\n${wrap(e.evidence)}`;
      list('interactions and cautions', e.interactions);
      break;
    case 'exercise': {
      const total = routineDurationSec(e.routine);
      out += `\nroutine (${Math.round(total / 60)} min${e.routine.rounds > 1 ? `, ${e.routine.rounds} rounds` : ''}; ${e.routine.frequency})\n`;
      e.routine.steps.forEach((s, i) => { out += wrap(`${i + 1}. [${s.durationSec} s] ${s.instruction}`); });
      list('cautions', e.routine.cautions);
      break;
    }
    case 'specialist':
      list('when to see', e.whenToSee);
      break;
    default:
      break;
  }
  if (e.analyses && e.analyses.length > 0) list('MyoTrace analyses', e.analyses.map((a) => `${a.command}: ${a.measures}`));
  if (e.codes) {
    const c = e.codes;
    const parts = [c.icd10cm && `ICD-10-CM ${c.icd10cm.join(', ')}`, c.icd11 && `ICD-11 ${c.icd11.join(', ')}`, c.snomedCt && `SNOMED CT ${c.snomedCt.join(', ')}`, c.hpo && `HPO ${c.hpo.join(', ')}`].filter(Boolean);
    out += `\ncodes: ${parts.join('; ')}\n`;
  }
  for (const c of e.corrections ?? []) {
    out += `\ncorrection of the seed article\n${wrap(`claim: ${c.seedClaim}`)}${wrap(`better sources: ${c.correction}`)}`;
  }
  list('sources', e.sources.map((s) => `${s.citation} ${s.url}`));
  if (e.related.length > 0) out += `\nsee also: ${e.related.join(', ')}\n`;
  out += `last reviewed ${e.lastReviewed}. Information only, not a diagnosis.\n`;
  return out;
}
