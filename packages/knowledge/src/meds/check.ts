import { defineMessage, type Message } from '../message.js';
import { S } from '../sources.js';
import { matchMedicine } from './catalogue.js';
import { compareRates, diaryRiseSettings } from './diary.js';
import { parseDiary, parseMedicines, parseProfile, type JerkDiary, type MedicineInput, type PatientProfile } from './profile.js';
import { medicationRules, type AlertSeverity, type MedicationAlert, type TakenMedicine } from './rules.js';

export interface MedicationCheckResult {
  /** Alerts, most severe first. */
  alerts: MedicationAlert[];
  recognised: { input: string; medicineId: string; name: string }[];
  /** Names not in the catalogue: no medicine-specific rule was checked for them (the diary rule still was). */
  unrecognised: string[];
  notes: Message[];
  disclaimer: Message;
}

const severityOrder: Record<AlertSeverity, number> = { high: 0, moderate: 1, info: 2 };

const rise = defineMessage(
  'meds.diaryRise.text',
  'Jerks rose from {before} to {after} a day on average in the {daysAfter} diary days after {medicine} was {change} on {date} (compared with {daysBefore} diary days before).',
);
const riseDo = defineMessage('meds.diaryRise.action', 'Discuss this with your prescriber; bring the diary. Do not stop or change the medicine on your own.');
const changeStarted = defineMessage('meds.change.started', 'started');
const changeIncreased = defineMessage('meds.change.increased', 'increased');
const unrecognisedNote = defineMessage('meds.note.unrecognised', '"{name}" is not in the medicine catalogue, so no medicine-specific safety rule was checked for it. Check the spelling or ask a pharmacist.');
const disclaimer = defineMessage(
  'meds.disclaimer',
  'These alerts are information to discuss with your prescriber or pharmacist. They are not medical advice; never start, stop or change a medicine on the basis of this check alone.',
)();

/**
 * Checks a medicine list against the safety rules for this profile, and, with a jerk diary, looks for a rise in jerk
 * frequency after a medicine was started or its dose raised. Throws `KB_BAD_PROFILE`, `KB_BAD_MEDICINE` or
 * `KB_BAD_DIARY` for malformed input; unrecognised medicine names are reported, never guessed.
 */
export function checkMedications(profile: PatientProfile | unknown, medicines: readonly MedicineInput[] | unknown, diary?: JerkDiary | unknown): MedicationCheckResult {
  const p = parseProfile(profile);
  const meds = parseMedicines(medicines);
  const d = diary === undefined || diary === null ? null : parseDiary(diary);

  const taken: TakenMedicine[] = meds.map((x) => {
    const input = typeof x === 'string' ? x : x.name;
    const t: TakenMedicine = { input, medicine: matchMedicine(input), doseIncreasedOn: typeof x === 'string' ? [] : [...(x.doseIncreasedOn ?? [])] };
    if (typeof x !== 'string' && x.startedOn) t.startedOn = x.startedOn;
    return t;
  });

  const alerts: MedicationAlert[] = medicationRules.flatMap((r) => r.evaluate({ profile: p, medicines: taken }));

  if (d) {
    for (const t of taken) {
      const changes: Array<{ date: string; kind: 'started' | 'increased' }> = [
        ...(t.startedOn ? [{ date: t.startedOn, kind: 'started' as const }] : []),
        ...t.doseIncreasedOn.map((date) => ({ date, kind: 'increased' as const })),
      ];
      for (const c of changes) {
        const cmp = compareRates(d, c.date);
        if (!cmp?.rise) continue;
        const name = t.medicine?.name ?? t.input;
        const round = (x: number) => Math.round(x * 10) / 10;
        alerts.push({
          id: `diary-rise-after-change:${t.medicine?.id ?? t.input}:${c.date}`,
          ruleId: 'diary-rise-after-change',
          severity: 'moderate',
          medicineIds: t.medicine ? [t.medicine.id] : [],
          text: rise({
            before: round(cmp.beforePerDay),
            after: round(cmp.afterPerDay),
            daysBefore: cmp.daysBefore,
            daysAfter: cmp.daysAfter,
            medicine: name,
            change: (c.kind === 'started' ? changeStarted : changeIncreased)().text,
            date: c.date,
          }),
          action: riseDo(),
          sources: [S.desai2019, S.kim2017, S.gesche2021, S.levyChen2016],
          data: {
            changeDate: c.date,
            change: c.kind,
            beforePerDay: cmp.beforePerDay,
            afterPerDay: cmp.afterPerDay,
            daysBefore: cmp.daysBefore,
            daysAfter: cmp.daysAfter,
            windowDays: diaryRiseSettings.windowDays,
            minDaysEachSide: diaryRiseSettings.minDaysEachSide,
            minRatio: diaryRiseSettings.minRatio,
            minIncreasePerDay: diaryRiseSettings.minIncreasePerDay,
          },
        });
      }
    }
  }

  alerts.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  const recognised: MedicationCheckResult['recognised'] = [];
  const unrecognised: string[] = [];
  for (const t of taken) {
    if (t.medicine) recognised.push({ input: t.input, medicineId: t.medicine.id, name: t.medicine.name });
    else unrecognised.push(t.input);
  }
  return { alerts, recognised, unrecognised, notes: unrecognised.map((name) => unrecognisedNote({ name })), disclaimer };
}
