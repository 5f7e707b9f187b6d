import { MyoTraceError } from '@myotrace/errors';
import { triageQuestions, type TriageQuestionId } from './questions.js';

/** Answers as given by a form, a JSON file or the CLI: option values (or names for `recentMedicines`). */
export type TriageAnswers = Partial<Record<TriageQuestionId, string | readonly string[]>>;

/** Answers after validation: every question present, multi answers as sets; "unsure" and missing become empty. */
export interface NormalisedAnswers {
  single: Readonly<Record<string, string | null>>;
  multi: Readonly<Record<string, ReadonlySet<string>>>;
  medicines: readonly string[];
  unanswered: TriageQuestionId[];
}

/**
 * Checks answers against the questionnaire. Anything not in it is an error with a stable code, never silently
 * ignored: a mistyped option would otherwise produce a confident but wrong result.
 */
export function normaliseAnswers(answers: unknown): NormalisedAnswers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new MyoTraceError('KB_BAD_ANSWER', 'triage answers must be an object mapping question ids to answers', {
      hint: `use question ids: ${triageQuestions.map((x) => x.id).join(', ')}`,
    });
  }
  const known = new Set<string>(triageQuestions.map((x) => x.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      throw new MyoTraceError('KB_UNKNOWN_QUESTION', `unknown triage question "${key}"`, {
        field: key,
        hint: `valid question ids: ${[...known].join(', ')}`,
      });
    }
  }
  const rec = answers as Record<string, unknown>;
  const single: Record<string, string | null> = {};
  const multi: Record<string, Set<string>> = {};
  let medicines: string[] = [];
  const unanswered: TriageQuestionId[] = [];
  for (const question of triageQuestions) {
    const raw = rec[question.id];
    if (raw === undefined || raw === null) {
      unanswered.push(question.id);
      if (question.kind === 'single') single[question.id] = null;
      else if (question.kind === 'multi') multi[question.id] = new Set();
      continue;
    }
    const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : null;
    if (values === null || values.some((v) => typeof v !== 'string')) {
      throw new MyoTraceError('KB_BAD_ANSWER', `answer to "${question.id}" must be ${question.kind === 'single' ? 'a string' : 'a list of strings'}`, { field: question.id });
    }
    if (question.kind === 'text-list') {
      medicines = (values as string[]).map((v) => v.trim()).filter((v) => v.length > 0);
      continue;
    }
    const allowed = new Set(question.options.map((o) => o.value));
    for (const v of values as string[]) {
      if (!allowed.has(v)) {
        throw new MyoTraceError('KB_UNKNOWN_ANSWER', `"${v}" is not an answer to "${question.id}"`, {
          field: question.id,
          hint: `choose from: ${[...allowed].join(', ')}`,
        });
      }
    }
    if (question.kind === 'single') {
      if (values.length !== 1) throw new MyoTraceError('KB_BAD_ANSWER', `"${question.id}" takes exactly one answer`, { field: question.id });
      single[question.id] = values[0] === 'unsure' ? null : (values[0] as string);
    } else {
      const set = new Set(values as string[]);
      if (question.exclusive && set.has(question.exclusive) && set.size > 1) {
        throw new MyoTraceError('KB_CONFLICTING_ANSWER', `"${question.id}": "${question.exclusive}" cannot be combined with other answers`, { field: question.id });
      }
      set.delete(question.exclusive ?? '');
      multi[question.id] = set;
    }
  }
  return { single, multi, medicines, unanswered };
}
