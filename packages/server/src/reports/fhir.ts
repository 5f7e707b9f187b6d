/**
 * FHIR R4 export and import. Every diary resource carries standard fields (codes, times, values) for other
 * systems, plus a MyoTrace extension holding the exact diary entry, so importing MyoTrace's own export restores the
 * diary without loss. Import accepts only resources with that extension and validates each entry with the same
 * schema as the API.
 */
import type { Patient } from '../schemas/auth.js';
import { DIARY_KINDS, type DiaryKind, type DoseEventInput, type EpisodeInput, type ExerciseInput, type LabInput, type MedicineInput, type NoteInput, type RatingInput, type RemedyInput, type SideEffectInput, type SleepInput, UMRS_SECTIONS, type UmrsSection } from '../schemas/diary.js';
import { ApiError } from '../http/errors.js';
import type { ReportRecording } from './data.js';

export const ENTRY_EXT = 'https://myotrace.org/fhir/StructureDefinition/diary-entry';
export const KIND_EXT = 'https://myotrace.org/fhir/StructureDefinition/diary-kind';
export const CS = 'https://myotrace.org/fhir/CodeSystem';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const OBS_CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';

type Res = Record<string, unknown> & { resourceType: string; id: string };
const ref = (type: string, id: string) => ({ reference: `urn:uuid:${id}`, type });
const cat = (code: string) => [{ coding: [{ system: OBS_CAT, code }] }];
const myCode = (system: string, code: string, display?: string) => ({ coding: [{ system: `${CS}/${system}`, code, ...(display ? { display } : {}) }], text: display ?? code });
const ext = (kind: DiaryKind, data: object) => [
  { url: KIND_EXT, valueCode: kind },
  { url: ENTRY_EXT, valueString: JSON.stringify(data) },
];
const strip = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

function episodeObs(e: EpisodeInput, pid: string): Res {
  const components: Record<string, unknown>[] = [];
  for (const s of e.bodySites) components.push({ code: { coding: [{ system: SNOMED, code: '363698007', display: 'Finding site' }] }, valueCodeableConcept: myCode('body-site', s) });
  for (const t of e.triggers) components.push({ code: myCode('episode-attribute', 'trigger', 'Trigger'), valueCodeableConcept: myCode('trigger', t) });
  if (e.severity != null) components.push({ code: myCode('episode-attribute', 'severity', 'Severity (0-4, MyoTrace anchors)'), valueInteger: e.severity });
  if (e.durationSec != null) components.push({ code: myCode('episode-attribute', 'duration', 'Duration'), valueQuantity: { value: e.durationSec, unit: 's', system: 'http://unitsofmeasure.org', code: 's' } });
  if (e.context) components.push({ code: myCode('episode-attribute', 'context', 'Context'), valueCodeableConcept: myCode('context', e.context) });
  components.push({ code: myCode('episode-attribute', 'polarity', 'Positive or negative myoclonus'), valueCodeableConcept: myCode('polarity', e.polarity) });
  return strip({
    resourceType: 'Observation',
    id: e.id,
    extension: ext('episodes', e),
    status: 'final',
    category: cat('survey'),
    code: { coding: [{ system: SNOMED, code: '17450006', display: 'Myoclonus' }], text: 'Myoclonic jerk episode (patient diary)' },
    subject: ref('Patient', pid),
    effectiveDateTime: e.startAt,
    ...(e.count != null ? { valueInteger: e.count } : {}),
    ...(e.bodySites.length ? { bodySite: myCode('body-site', e.bodySites[0]) } : {}),
    ...(e.notes ? { note: [{ text: e.notes }] } : {}),
    component: components,
  });
}

function medicationStatement(m: MedicineInput, pid: string, today: string): Res {
  const stopped = m.stopDate && m.stopDate < today;
  return strip({
    resourceType: 'MedicationStatement',
    id: m.id,
    extension: ext('medicines', m),
    status: stopped ? 'completed' : 'active',
    medicationCodeableConcept: { ...(m.kbId ? { coding: [{ system: `${CS}/medicine`, code: m.kbId }] } : {}), text: m.name },
    subject: ref('Patient', pid),
    effectivePeriod: { start: m.startDate, ...(m.stopDate ? { end: m.stopDate } : {}) },
    ...(m.reason ? { reasonCode: [{ text: m.reason }] } : {}),
    dosage: [{ text: `${m.strength ?? ''} ${m.schedule.asNeeded ? 'as needed' : m.schedule.timesOfDay.join(', ')}`.trim(), ...(m.schedule.asNeeded ? { asNeededBoolean: true } : {}) }],
  });
}

function medicationAdministration(d: DoseEventInput, medName: string, pid: string): Res {
  return strip({
    resourceType: 'MedicationAdministration',
    id: d.id,
    extension: ext('doses', d),
    status: d.status === 'missed' ? 'not-done' : 'completed',
    medicationCodeableConcept: { text: medName },
    subject: ref('Patient', pid),
    supportingInformation: [ref('MedicationStatement', d.medicineId)],
    effectiveDateTime: d.at,
    ...(d.status === 'late' ? { note: [{ text: 'taken late' }] } : {}),
  });
}

const LAB_CODES: Record<LabInput['test'], { code: string; display: string; unit: string }> = {
  ferritin: { code: '2276-4', display: 'Ferritin [Mass/volume] in Serum or Plasma', unit: 'ug/L' },
  tsat: { code: '2502-3', display: 'Iron saturation [Mass Fraction] in Serum or Plasma', unit: '%' },
  egfr: { code: '33914-3', display: 'Glomerular filtration rate/1.73 sq M.predicted', unit: 'mL/min/{1.73_m2}' },
};

function labObs(l: LabInput, pid: string): Res {
  const c = LAB_CODES[l.test];
  return strip({
    resourceType: 'Observation',
    id: l.id,
    extension: ext('labs', l),
    status: 'final',
    category: cat('laboratory'),
    code: { coding: [{ system: LOINC, code: c.code, display: c.display }], text: l.test },
    subject: ref('Patient', pid),
    effectiveDateTime: l.takenOn,
    valueQuantity: { value: l.value, unit: l.unit ?? c.unit, system: 'http://unitsofmeasure.org', code: c.unit },
  });
}

function sleepObs(s: SleepInput, pid: string): Res {
  const comp = (code: string, display: string, v: Record<string, unknown>) => ({ code: myCode('sleep-diary', code, display), ...v });
  const components = [
    comp('bedtime', 'Bedtime', { valueDateTime: s.bedtime }),
    comp('wake-time', 'Final wake time', { valueDateTime: s.wakeTime }),
    ...(s.latencyMin != null ? [comp('latency', 'Time to fall asleep', { valueQuantity: { value: s.latencyMin, unit: 'min' } })] : []),
    ...(s.awakenings != null ? [comp('awakenings', 'Awakenings', { valueInteger: s.awakenings })] : []),
    ...(s.quality != null ? [comp('quality', 'Sleep quality (1-5)', { valueInteger: s.quality })] : []),
    ...(s.partnerNoticedJerks != null ? [comp('partner-jerks', 'Bed partner noticed jerks', { valueBoolean: s.partnerNoticedJerks })] : []),
  ];
  return strip({
    resourceType: 'Observation',
    id: s.id,
    extension: ext('sleep', s),
    status: 'final',
    category: cat('survey'),
    code: myCode('diary', 'sleep-diary', 'Sleep diary night'),
    subject: ref('Patient', pid),
    effectivePeriod: { start: s.bedtime, end: s.wakeTime },
    component: components,
  });
}

function simpleObs(kind: DiaryKind, id: string, code: string, display: string, when: string, pid: string, data: object, value: Record<string, unknown>): Res {
  return strip({
    resourceType: 'Observation',
    id,
    extension: ext(kind, data),
    status: 'final',
    category: cat(kind === 'ratings' ? 'exam' : 'survey'),
    code: myCode('diary', code, display),
    subject: ref('Patient', pid),
    effectiveDateTime: when,
    ...value,
  });
}

export interface FhirInput {
  patient: Patient;
  entries: { [K in DiaryKind]?: unknown[] };
  recordings: ReportRecording[];
  pdf?: { data: Buffer; from: string; to: string };
  today: string;
  generatedAt: string;
}

export function buildFhirBundle(inp: FhirInput): Record<string, unknown> {
  const pid = inp.patient.id;
  const out: Res[] = [];
  const p = inp.patient;
  out.push(
    strip({
      resourceType: 'Patient',
      id: pid,
      ...(p.isDemo ? { meta: { tag: [{ system: `${CS}/tag`, code: 'demo', display: 'Demo data' }] } } : {}),
      name: [{ text: p.name }],
      ...(p.profile.sex ? { gender: p.profile.sex === 'other' ? 'other' : p.profile.sex } : {}),
      ...(p.profile.birthYear ? { birthDate: String(p.profile.birthYear) } : {}),
    }),
  );
  const e = inp.entries;
  for (const x of (e.episodes ?? []) as EpisodeInput[]) out.push(episodeObs(x, pid));
  const meds = (e.medicines ?? []) as MedicineInput[];
  const medName = new Map(meds.map((m) => [m.id, m.name]));
  for (const m of meds) out.push(medicationStatement(m, pid, inp.today));
  for (const d of (e.doses ?? []) as DoseEventInput[]) out.push(medicationAdministration(d, medName.get(d.medicineId) ?? 'medicine', pid));
  for (const l of (e.labs ?? []) as LabInput[]) out.push(labObs(l, pid));
  for (const s of (e.sleep ?? []) as SleepInput[]) out.push(sleepObs(s, pid));
  for (const s of (e['side-effects'] ?? []) as SideEffectInput[]) out.push(simpleObs('side-effects', s.id, 'side-effect', 'Medicine side effect', s.startAt, pid, s, { valueString: s.description }));
  for (const x of (e.exercise ?? []) as ExerciseInput[]) out.push(simpleObs('exercise', x.id, 'exercise', 'Exercise session', x.startAt, pid, x, { valueQuantity: { value: x.minutes, unit: 'min' } }));
  for (const r of (e.remedies ?? []) as RemedyInput[]) {
    out.push(strip({ resourceType: 'MedicationAdministration', id: r.id, extension: ext('remedies', r), status: 'completed', medicationCodeableConcept: { text: r.name }, subject: ref('Patient', pid), effectiveDateTime: r.takenAt }));
  }
  for (const r of (e.ratings ?? []) as RatingInput[]) {
    const comps = (Object.keys(r.sections) as UmrsSection[])
      .filter((k) => r.sections[k] !== undefined)
      .map((k) => ({ code: myCode('umrs-section', k, UMRS_SECTIONS[k].label), valueInteger: r.sections[k], referenceRange: [{ low: { value: UMRS_SECTIONS[k].min }, high: { value: UMRS_SECTIONS[k].max } }] }));
    out.push(simpleObs('ratings', r.id, 'umrs', 'Unified Myoclonus Rating Scale section totals', r.ratedAt, pid, r, { component: comps }));
  }
  for (const n of (e.notes ?? []) as NoteInput[]) out.push(simpleObs('notes', n.id, 'clinical-note', 'Clinical note', n.at, pid, n, { valueString: n.text }));

  for (const rec of inp.recordings) {
    if (!rec.indices) continue;
    const obsIds = ['plmsIndex', 'lmIndex', 'plmIndex'] as const;
    const obs = obsIds
      .filter((k) => rec.indices?.[k] != null)
      .map((k) => ({
        resourceType: 'Observation',
        id: `${rec.id}-${k}`,
        status: 'final',
        category: cat('procedure'),
        code: myCode('plm-index', k, { plmsIndex: 'PLMS index (per hour of sleep)', lmIndex: 'Leg movement index', plmIndex: 'PLM index' }[k]),
        subject: ref('Patient', pid),
        effectiveDateTime: rec.uploadedAt,
        valueQuantity: { value: rec.indices?.[k], unit: '/h', system: 'http://unitsofmeasure.org', code: '/h' },
      }));
    out.push(...(obs as Res[]));
    out.push(
      strip({
        resourceType: 'DiagnosticReport',
        id: rec.id,
        status: rec.edited ? 'amended' : 'preliminary',
        code: myCode('report', 'plm-scoring', 'Leg movement and PLM scoring'),
        subject: ref('Patient', pid),
        effectiveDateTime: rec.uploadedAt,
        result: obs.map((o) => ref('Observation', o.id)),
        conclusion: `${rec.filename}: ${rec.indices.lmCount} leg movements, ${rec.indices.plmCount} periodic${rec.standard ? ` (${rec.standard} rules)` : ''}${rec.edited ? '; reviewed by a person' : '; automatic scoring, not reviewed'}.`,
      }),
    );
  }
  if (inp.pdf) {
    out.push({
      resourceType: 'DocumentReference',
      id: `report-${inp.pdf.from}-${inp.pdf.to}`,
      status: 'current',
      type: { text: 'MyoTrace clinician report' },
      subject: ref('Patient', pid),
      date: inp.generatedAt,
      description: `Clinician report ${inp.pdf.from} to ${inp.pdf.to}`,
      content: [{ attachment: { contentType: 'application/pdf', data: inp.pdf.data.toString('base64'), title: `myotrace-report-${inp.pdf.from}-${inp.pdf.to}.pdf` } }],
    });
  }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: inp.generatedAt,
    meta: { tag: [{ system: `${CS}/tag`, code: 'myotrace-export' }] },
    entry: out.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })),
  };
}

/** Diary entries found in a MyoTrace bundle, validated; throws 400 with the entry index for anything malformed. */
export function entriesFromBundle(bundle: unknown): { [K in DiaryKind]?: (Record<string, unknown> & { id: string })[] } {
  const b = bundle as { resourceType?: unknown; entry?: unknown };
  if (!b || b.resourceType !== 'Bundle' || !Array.isArray(b.entry)) throw new ApiError(400, 'API_VALIDATION', 'expected a FHIR Bundle with entries', { field: 'resourceType' });
  const out: { [K in DiaryKind]?: (Record<string, unknown> & { id: string })[] } = {};
  b.entry.forEach((en: unknown, i: number) => {
    const res = (en as { resource?: { extension?: { url?: string; valueCode?: string; valueString?: string }[] } })?.resource;
    const exts = res?.extension ?? [];
    const kind = exts.find((x) => x.url === KIND_EXT)?.valueCode as DiaryKind | undefined;
    const raw = exts.find((x) => x.url === ENTRY_EXT)?.valueString;
    if (!kind || raw === undefined) return;
    if (!(kind in DIARY_KINDS)) throw new ApiError(400, 'API_VALIDATION', `entry ${i}: unknown diary kind`, { field: `entry.${i}` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ApiError(400, 'API_VALIDATION', `entry ${i}: the MyoTrace extension is not valid JSON`, { field: `entry.${i}` });
    }
    const r = DIARY_KINDS[kind].schema.safeParse(parsed);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new ApiError(400, 'API_VALIDATION', `entry ${i}: ${issue?.message ?? 'invalid'}`, { field: `entry.${i}.${(issue?.path ?? []).join('.')}` });
    }
    (out[kind] ??= []).push(r.data as Record<string, unknown> & { id: string });
  });
  return out;
}
