import { readFile } from 'node:fs/promises';
import { checkMedications, type MedicationCheckResult } from '@myotrace/knowledge';
import { MyoTraceError } from '@myotrace/errors';
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MyoTraceError('KB_BAD_JSON', `${what} is not valid JSON: ${(err as Error).message}`, { hint: 'check the file with a JSON validator' });
  }
}

/**
 * The profile file holds `{ "profile": {...}, "medicines": [...], "diary": {...} }`; `profile` may also be given
 * flat (the profile fields at the top level next to `medicines` and `diary`).
 */
function splitProfileFile(value: unknown): { profile: unknown; medicines: unknown[]; diary: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MyoTraceError('KB_BAD_PROFILE', 'the profile file must hold a JSON object', { hint: 'see docs/knowledge.md for the format' });
  }
  const { profile, medicines, diary, ...rest } = value as Record<string, unknown>;
  if (medicines !== undefined && !Array.isArray(medicines)) throw new MyoTraceError('KB_BAD_MEDICINE', '"medicines" must be a list', { field: 'medicines' });
  return { profile: profile ?? rest, medicines: (medicines as unknown[] | undefined) ?? [], diary };
}

export function register(program: Command, io: CliIO): void {
  const meds = program.command('meds').description('medication safety checks (informational; never a reason to stop a medicine on your own)');
  meds
    .command('check')
    .description('check a medicine list against the safety rules, and a jerk diary for rises after medicine changes')
    .requiredOption('--profile <file>', 'JSON file: { profile, medicines, diary? }')
    .option('--medicine <name...>', 'extra medicine names to check (brand or generic)')
    .option('--diary <file>', 'JSON jerk diary { days: [{ date, jerks }] } (overrides one in the profile file)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { profile: string; medicine?: string[]; diary?: string; json?: boolean }) => {
      const file = splitProfileFile(await readJson(opts.profile, 'profile file'));
      const diary = opts.diary ? await readJson(opts.diary, 'diary file') : file.diary;
      const result = checkMedications(file.profile, [...file.medicines, ...(opts.medicine ?? [])], diary ?? undefined);
      io.stdout(opts.json ? `${JSON.stringify(result)}\n` : medsText(result));
    });
}

export function medsText(r: MedicationCheckResult): string {
  const lines: string[] = [];
  if (r.recognised.length > 0) lines.push(`medicines recognised: ${r.recognised.map((m) => (m.input.toLowerCase() === m.name ? m.name : `${m.input} (${m.name})`)).join(', ')}`);
  if (r.unrecognised.length > 0) lines.push(`NOT recognised (no medicine-specific check done): ${r.unrecognised.join(', ')}`);
  lines.push('');
  if (r.alerts.length === 0) lines.push('no safety alerts for this list and profile');
  for (const a of r.alerts) {
    lines.push(`[${a.severity.toUpperCase()}] ${a.ruleId}`);
    lines.push(`  ${a.text.text}`);
    lines.push(`  what to do: ${a.action.text}`);
    lines.push(`  sources: ${a.sources.map((s) => s.url).join(' ; ')}`);
    lines.push('');
  }
  for (const n of r.notes) lines.push(`note: ${n.text}`);
  lines.push(r.disclaimer.text);
  return `${lines.join('\n')}\n`;
}
