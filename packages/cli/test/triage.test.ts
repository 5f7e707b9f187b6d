import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../src/io.js';
import { runCli } from '../src/run.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'myotrace-triage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Runs `myotrace triage` in-process with `lines` as the piped answers (non-TTY input). */
async function interactive(lines: string[], ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from([lines.map((l) => `${l}\n`).join('')]);
  const io: CliIO & { stdin: Readable } = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, isTTY: false, stdin };
  const code = await runCli(['triage', ...argv], io);
  return { code, stdout, stderr };
}

describe('myotrace triage --answers', () => {
  it('prints an emergency for new jerks with fever and a stiff neck', async () => {
    const p = file('fever.json', JSON.stringify({ onset: 'hours-days', otherSymptoms: ['fever', 'stiff-neck'] }));
    const r = await cli('triage', '--answers', p);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('EMERGENCY: call emergency services now');
    expect(r.stdout).toContain('what to do: Call emergency services or go to an emergency department now.');
  });

  it('--json returns the triage result', async () => {
    const p = file('sleep.json', JSON.stringify({ ageGroup: '65-plus', timing: ['asleep'], bodyParts: ['legs'], otherSymptoms: ['leg-urge-evening'] }));
    const r = await cli('triage', '--answers', p, '--json');
    const out = JSON.parse(r.stdout) as { urgency: string; specialists: { entryId: string }[]; tests: { entryId: string }[] };
    expect(out.urgency).toBe('routine');
    expect(out.specialists.map((s) => s.entryId)).toEqual(['sleep-specialist']);
    expect(out.tests.map((t) => t.entryId)).toEqual(['polysomnography', 'blood-urine-tests']);
  });

  it('an unknown answer exits 1 with KB_UNKNOWN_ANSWER and the valid options', async () => {
    const p = file('bad.json', JSON.stringify({ ageGroup: 'adult' }));
    const r = await cli('triage', '--answers', p);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error KB_UNKNOWN_ANSWER: "adult" is not an answer to "ageGroup"');
    expect(r.stderr).toContain('what to do: choose from: under-3-months');
  });

  it('a malformed answers file exits 1 with KB_BAD_JSON; a missing one exits 1', async () => {
    expect((await cli('triage', '--answers', file('broken.json', '{ageGroup:'))).stderr).toContain('KB_BAD_JSON');
    expect((await cli('triage', '--answers', join(dir, 'missing.json'))).code).toBe(1);
  });

  it('--questions prints the questionnaire', async () => {
    const r = await cli('triage', '--questions');
    const qs = JSON.parse(r.stdout) as { id: string }[];
    expect(qs[0].id).toBe('ageGroup');
    expect(qs.length).toBe(13);
  });
});

describe('myotrace triage (interactive, piped input)', () => {
  it('asks each question and triages the answers given by number', async () => {
    // age 13-17, onset weeks, course skipped, timing on-waking, sleepOnly no, triggers sleep-loss, arms-hands; rest: end of input
    const r = await interactive(['4', '2', '', '3', '2', '9', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('How old is the person with the jerks?');
    expect(r.stdout).toContain('(end of input: remaining questions skipped)');
    expect(r.stdout).toContain('Juvenile myoclonic epilepsy (JME) (juvenile-myoclonic-epilepsy)');
    expect(r.stdout).toContain('Epilepsy specialist (epileptologist)');
  });

  it('accepts option values and comma-separated multi answers, re-asks after a bad answer', async () => {
    const r = await interactive(
      ['18-to-64-years', 'months-years', 'stable', '1', 'yes', 'none', 'arms-hands, 6', 'jerk', 'contraction', '', 'none', 'none', 'Keppra, Foo', 'none'],
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"jerk" is not one of the options 1–4; try again');
    const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { urgency: string; compatibleTypes: { entryId: string }[]; recognisedMedicines: { medicineId: string }[]; unrecognisedMedicines: string[]; unanswered: string[] };
    expect(out.urgency).toBe('self-care');
    expect(out.compatibleTypes.map((t) => t.entryId)).toEqual(['hypnic-jerks', 'physiological-myoclonus', 'positive-myoclonus', 'sleep-myoclonus']);
    expect(out.recognisedMedicines.map((m) => m.medicineId)).toEqual(['levetiracetam']);
    expect(out.unrecognisedMedicines).toEqual(['Foo']);
    expect(out.unanswered).toEqual(['pattern']);
  });

  it('three invalid answers to one question end with KB_UNKNOWN_ANSWER (exit 1)', async () => {
    const r = await interactive(['99', 'adult', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('KB_UNKNOWN_ANSWER');
    expect(r.stdout).toContain('"99" is not one of the options 1–6; try again');
  });

  it('empty input skips every question and still gives a safe result', async () => {
    const r = await interactive([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ROUTINE');
    expect(r.stdout).toContain('Family doctor');
  });
});
