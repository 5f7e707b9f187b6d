import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { triage, triageQuestions, type TriageAnswers, type TriageQuestion, type TriageResult } from '@myotrace/knowledge';
import { MyoTraceError } from '@myotrace/errors';
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

/** The CLI IO may carry an input stream (tests inject one); otherwise the process stdin is used. */
type TriageIO = CliIO & { stdin?: Readable };

const MAX_TRIES = 3;

/**
 * Asks the questionnaire line by line. Works with a terminal or a pipe: answers are option numbers or values,
 * comma-separated for multi-choice questions; an empty line skips a question; end of input skips the rest.
 */
export async function askTriage(io: CliIO, input: Readable): Promise<TriageAnswers> {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const answers: Record<string, string | string[]> = {};
  let ended = false;
  try {
    for (const q of triageQuestions) {
      if (ended) break;
      io.stdout(questionText(q));
      for (let attempt = 1; ; attempt++) {
        io.stdout('> ');
        const next = await lines.next();
        if (next.done) {
          ended = true;
          io.stdout('\n(end of input: remaining questions skipped)\n');
          break;
        }
        const parsed = parseAnswer(q, next.value);
        if (parsed.ok) {
          if (parsed.value !== null) answers[q.id] = parsed.value;
          break;
        }
        if (attempt >= MAX_TRIES) {
          throw new MyoTraceError('KB_UNKNOWN_ANSWER', `no valid answer to "${q.id}" after ${MAX_TRIES} tries: ${parsed.error}`, {
            field: q.id,
            hint: 'answer with the option numbers shown, or leave the line empty to skip',
          });
        }
        io.stdout(`  ${parsed.error}; try again (empty line to skip)\n`);
      }
    }
  } finally {
    rl.close();
  }
  return answers as TriageAnswers;
}

function questionText(q: TriageQuestion): string {
  let out = `\n${q.label.text}\n`;
  if (q.help) out += `  (${q.help.text})\n`;
  q.options.forEach((o, i) => { out += `  ${String(i + 1).padStart(2)}. ${o.label.text}\n`; });
  if (q.kind === 'multi') out += '  several answers: separate the numbers with commas\n';
  if (q.kind === 'text-list') out += '  separate names with commas\n';
  return out;
}

type Parsed = { ok: true; value: string | string[] | null } | { ok: false; error: string };

export function parseAnswer(q: TriageQuestion, line: string): Parsed {
  const text = line.trim();
  if (text.length === 0) return { ok: true, value: null };
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  if (q.kind === 'text-list') return { ok: true, value: parts };
  const values: string[] = [];
  for (const p of parts) {
    const n = Number(p);
    const byNumber = Number.isInteger(n) ? q.options[n - 1] : undefined;
    const option = byNumber ?? q.options.find((o) => o.value === p.toLowerCase());
    if (!option) return { ok: false, error: `"${p}" is not one of the options 1–${q.options.length}` };
    values.push(option.value);
  }
  if (q.kind === 'single') {
    if (values.length !== 1) return { ok: false, error: 'choose one answer' };
    return { ok: true, value: values[0] };
  }
  if (q.exclusive && values.includes(q.exclusive) && values.length > 1) return { ok: false, error: `"${q.exclusive}" cannot be combined with other answers` };
  return { ok: true, value: [...new Set(values)] };
}

export function register(program: Command, io: CliIO): void {
  program
    .command('triage')
    .description('symptom questionnaire: red flags, compatible types of jerks, whom to see and which tests to discuss (not a diagnosis)')
    .option('--answers <file>', 'JSON file of answers { questionId: value | [values] } instead of interactive questions')
    .option('--questions', 'print the questionnaire (ids and options) as JSON and exit')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { answers?: string; questions?: boolean; json?: boolean }) => {
      if (opts.questions) {
        io.stdout(`${JSON.stringify(triageQuestions)}\n`);
        return;
      }
      let answers: unknown;
      if (opts.answers) {
        const text = await readFile(opts.answers, 'utf8');
        try {
          answers = JSON.parse(text);
        } catch (err) {
          throw new MyoTraceError('KB_BAD_JSON', `answers file is not valid JSON: ${(err as Error).message}`, { hint: 'see `myotrace triage --questions` for the ids and values' });
        }
      } else {
        answers = await askTriage(io, (io as TriageIO).stdin ?? process.stdin);
      }
      const result = triage(answers as TriageAnswers);
      io.stdout(opts.json ? `${JSON.stringify(result)}\n` : triageText(result));
    });
}

const headline: Record<TriageResult['urgency'], string> = {
  emergency: 'EMERGENCY: call emergency services now',
  urgent: 'URGENT: see a doctor today or within a day',
  soon: 'SOON: arrange an appointment in the coming days',
  routine: 'ROUTINE: see a doctor when convenient, sooner if things change',
  'self-care': 'These sound like jerks healthy people have; see your doctor if they bother you or change',
};

export function triageText(r: TriageResult): string {
  const lines: string[] = ['', headline[r.urgency], ''];
  if (r.redFlags.length > 0) {
    lines.push('red flags');
    for (const f of r.redFlags) lines.push(`  [${f.urgency}] ${f.text.text}`, `    what to do: ${f.action.text}`);
    lines.push('');
  }
  if (r.compatibleTypes.length > 0) {
    lines.push('your answers are compatible with');
    for (const t of r.compatibleTypes) lines.push(`  - ${t.name} (${t.entryId}): ${t.reasons.map((x) => x.text).join(' ')}`);
    lines.push('');
  }
  lines.push('whom to see');
  for (const s of r.specialists) lines.push(`  - ${s.name}: ${s.reason.text}`);
  if (r.tests.length > 0) lines.push('', `tests to discuss: ${r.tests.map((t) => t.name).join('; ')}`);
  if (r.unrecognisedMedicines.length > 0) lines.push('', `medicines not recognised (not checked): ${r.unrecognisedMedicines.join(', ')}`);
  lines.push('', `read more: myotrace kb show ${r.links.slice(0, 6).join(' | ')}`, '', r.disclaimer.text);
  return `${lines.join('\n')}\n`;
}
