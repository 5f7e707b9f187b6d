import { defineMessage, type Message } from '../message.js';
import type { Source } from '../schema.js';
import { S } from '../sources.js';
import type { Medicine, MedicineClass } from './catalogue.js';
import type { PatientProfile, ProfileCondition } from './profile.js';

export type AlertSeverity = 'high' | 'moderate' | 'info';

export interface MedicationAlert {
  /** Unique within one result: rule id, plus the medicine id when a rule fires per medicine. */
  id: string;
  ruleId: string;
  severity: AlertSeverity;
  /** Catalogue ids of the medicines involved (empty for lab-only rules or unrecognised medicines). */
  medicineIds: string[];
  text: Message;
  /** What to do, in plain words. Never "stop taking it". */
  action: Message;
  sources: Source[];
  /** Numbers behind the alert (e.g. before/after jerk rates) and the settings used. */
  data?: Record<string, number | string>;
}

/** A recognised medicine with the dates that matter to the diary rule. */
export interface TakenMedicine {
  input: string;
  medicine: Medicine | null;
  startedOn?: string;
  doseIncreasedOn: string[];
}

export interface RuleContext {
  profile: PatientProfile;
  medicines: readonly TakenMedicine[];
}

export interface MedicationRule {
  id: string;
  sources: readonly Source[];
  evaluate(ctx: RuleContext): MedicationAlert[];
}

const withClass = (ctx: RuleContext, cls: MedicineClass): Medicine[] => {
  const out: Medicine[] = [];
  for (const m of ctx.medicines) if (m.medicine && m.medicine.classes.includes(cls) && !out.includes(m.medicine)) out.push(m.medicine);
  return out;
};
const withId = (ctx: RuleContext, ...ids: string[]): Medicine[] => {
  const out: Medicine[] = [];
  for (const m of ctx.medicines) if (m.medicine && ids.includes(m.medicine.id) && !out.includes(m.medicine)) out.push(m.medicine);
  return out;
};
const hasCondition = (p: PatientProfile, ...c: ProfileCondition[]) => c.some((x) => p.conditions?.includes(x) ?? false);

/** Females of unknown childbearing status are assumed able to conceive between 10 and 55 (or at unknown age). */
export function mayBecomePregnant(p: PatientProfile): boolean {
  if (p.childbearingPotential !== undefined) return p.childbearingPotential;
  if (p.sex !== 'female') return false;
  return p.ageYears === undefined || (p.ageYears >= 10 && p.ageYears <= 55);
}

const myoclonicConditions: ProfileCondition[] = ['juvenile-myoclonic-epilepsy', 'dravet-syndrome', 'progressive-myoclonus-epilepsy', 'myoclonic-epilepsy', 'myoclonus', 'cortical-myoclonus'];

const m = {
  valproatePregnant: defineMessage('meds.valproatePregnancy.text', 'Valproate taken during pregnancy carries a high risk of birth defects (about 1 in 10) and of developmental problems (30–40% of children).'),
  valproatePregnantDo: defineMessage('meds.valproatePregnancy.action', 'Contact your specialist urgently. Do not stop valproate on your own: stopping suddenly can cause seizures that also harm the baby.'),
  valproatePpp: defineMessage('meds.valproatePpp.text', 'Valproate can seriously harm an unborn baby. For anyone who could become pregnant it is only used under a Pregnancy Prevention Programme.'),
  valproatePppDo: defineMessage('meds.valproatePpp.action', 'Check with your specialist that you have highly effective contraception, an annual review and a signed risk acknowledgement form; tell them before trying for a baby. Do not stop the medicine on your own.'),
  valproateAsk: defineMessage('meds.valproateAsk.text', 'Valproate can seriously harm an unborn baby. If you could become pregnant, it is only used under a Pregnancy Prevention Programme; add this to your profile so the check can be specific.'),
  topiramate: defineMessage('meds.topiramatePpp.text', 'Topiramate taken in pregnancy raises the risk of birth defects and, about 2–3 times, of intellectual disability, autism and ADHD in the child. In the UK it is only used under a Pregnancy Prevention Programme for anyone who could become pregnant, and it can weaken some hormonal contraceptives.'),
  topiramateDo: defineMessage('meds.topiramatePpp.action', 'Discuss contraception (a method not weakened by topiramate) and any pregnancy plans with your prescriber; if you might be pregnant, contact them urgently. Do not stop topiramate on your own.'),
  valproateMale: defineMessage('meds.valproateMale.text', 'Since 2024 regulators advise precautions for men taking valproate: children conceived during treatment may have a small increased risk of developmental disorders (about 5 in 100 versus 3 in 100).'),
  valproateMaleDo: defineMessage('meds.valproateMale.action', 'Use effective contraception (you and your partner) and talk to your specialist before planning a family or donating sperm; do not stop valproate on your own.'),
  valproateMito: defineMessage('meds.valproateMito.text', 'Valproate can cause severe liver failure in mitochondrial disease, especially POLG-related disease, and is avoided when such disease is suspected.'),
  valproateMitoDo: defineMessage('meds.valproateMito.action', 'Discuss this with your specialist promptly; report yellowing skin, vomiting, drowsiness or worsening seizures at once.'),
  lamotrigine: defineMessage('meds.lamotrigineMyoclonus.text', 'Lamotrigine can make myoclonus worse in some epilepsies: about 8% of people with juvenile myoclonic epilepsy in one cohort, and most children with Dravet syndrome in another.'),
  lamotrigineDo: defineMessage('meds.lamotrigineMyoclonus.action', 'Tell your epilepsy specialist if jerks increased since lamotrigine was started or raised; keep a diary. Do not stop it on your own.'),
  sodium: defineMessage('meds.sodiumChannel.text', '{medicine} can aggravate myoclonic seizures and cortical myoclonus.'),
  sodiumDo: defineMessage('meds.sodiumChannel.action', 'Discuss with your specialist whether {medicine} is the right choice for you; do not stop it suddenly.'),
  a2d: defineMessage('meds.alpha2delta.text', '{medicine} can cause jerks (positive or negative myoclonus) in some people, even with normal kidney function and at low doses.'),
  a2dRls: defineMessage('meds.alpha2deltaRls.text', '{medicine} is a first-line treatment for restless legs and PLMD, but it can also cause jerks (positive or negative myoclonus) in some people.'),
  a2dDo: defineMessage('meds.alpha2delta.action', 'If jerks start or increase after starting {medicine} or raising its dose, note the dates and counts and discuss them with your prescriber; the dose should suit your kidney function.'),
  benzo: defineMessage('meds.benzodiazepine.text', '{medicine} is a benzodiazepine: the body gets used to it (physical dependence), and stopping suddenly or cutting the dose too fast can cause withdrawal reactions, including seizures.'),
  benzoDo: defineMessage('meds.benzodiazepine.action', 'Never stop {medicine} abruptly. Any reduction is planned slowly with your prescriber. Avoid alcohol; report drowsiness or falls.'),
  benzoOpioid: defineMessage('meds.benzodiazepineOpioid.text', 'Taking {benzodiazepine} together with {opioid} (an opioid) can cause profound sedation, slowed breathing, coma and death.'),
  benzoOpioidDo: defineMessage('meds.benzodiazepineOpioid.action', 'Make sure every prescriber knows you take both. Seek help at once for extreme sleepiness or slow or shallow breathing. Do not stop either medicine suddenly.'),
  augmentation: defineMessage('meds.augmentation.text', 'With long-term use, {medicine} can cause augmentation in restless legs or PLMD: symptoms start earlier in the day, become stronger, or spread to the arms.'),
  augmentationDo: defineMessage('meds.augmentation.action', 'Tell your doctor if symptoms start earlier, get stronger, spread to the arms or need higher doses; ask for iron studies. Do not raise the dose or stop on your own.'),
  ironLow: defineMessage('meds.ironLow.text', 'Iron stores are below the level recommended for restless legs or PLMD (ferritin {ferritin} µg/L, transferrin saturation {tsat}%; treatment is suggested at ferritin ≤ 75 µg/L or saturation < 20%).'),
  ironLowDo: defineMessage('meds.ironLow.action', 'Discuss iron treatment (by mouth or infusion) with your doctor. Do not start iron supplements without their advice.'),
  ironIvOnly: defineMessage('meds.ironIvOnly.text', 'Ferritin of {ferritin} µg/L is in the 75–100 range where guidelines consider intravenous iron only (not tablets) for restless legs or PLMD.'),
  ironIvOnlyDo: defineMessage('meds.ironIvOnly.action', 'Ask your doctor whether intravenous iron is worth considering.'),
  ironTsatHigh: defineMessage('meds.ironTsatHigh.text', 'Transferrin saturation is {tsat}%: at 45% or more intravenous iron is not given, because of the risk of iron overload.'),
  ironTsatHighDo: defineMessage('meds.ironTsatHigh.action', 'Discuss the result with your doctor before any iron treatment.'),
  ironNotFasting: defineMessage('meds.ironNotFasting.text', 'The iron results were not taken in the morning without iron for 24 hours, so they may read falsely high.'),
  ironNotFastingDo: defineMessage('meds.ironNotFasting.action', 'Ask whether the test should be repeated in the morning, without iron supplements or iron-rich food the day before.'),
};

function fmt(x: number | undefined): string {
  return x === undefined ? 'not measured' : String(Math.round(x * 10) / 10);
}

export const medicationRules: readonly MedicationRule[] = [
  {
    id: 'valproate-pregnancy',
    sources: [S.emaValproate2018, S.mhraValproate2024],
    evaluate: (ctx) =>
      ctx.profile.pregnant === true && withClass(ctx, 'valproate').length > 0
        ? [{ id: 'valproate-pregnancy', ruleId: 'valproate-pregnancy', severity: 'high', medicineIds: ['valproate'], text: m.valproatePregnant(), action: m.valproatePregnantDo(), sources: [S.emaValproate2018, S.mhraValproate2024] }]
        : [],
  },
  {
    id: 'valproate-pregnancy-prevention',
    sources: [S.emaValproate2018, S.mhraValproate2024],
    evaluate: (ctx) =>
      ctx.profile.pregnant !== true && mayBecomePregnant(ctx.profile) && withClass(ctx, 'valproate').length > 0
        ? [{ id: 'valproate-pregnancy-prevention', ruleId: 'valproate-pregnancy-prevention', severity: 'high', medicineIds: ['valproate'], text: m.valproatePpp(), action: m.valproatePppDo(), sources: [S.emaValproate2018, S.mhraValproate2024] }]
        : [],
  },
  {
    id: 'valproate-pregnancy-question',
    sources: [S.emaValproate2018, S.mhraValproate2024],
    // sex not given (or "other"/"unknown") and childbearing potential not stated: ask rather than assume either way
    evaluate: (ctx) =>
      ctx.profile.pregnant !== true &&
      ctx.profile.childbearingPotential === undefined &&
      (ctx.profile.sex === undefined || ctx.profile.sex === 'other' || ctx.profile.sex === 'unknown') &&
      withClass(ctx, 'valproate').length > 0
        ? [{ id: 'valproate-pregnancy-question', ruleId: 'valproate-pregnancy-question', severity: 'info', medicineIds: ['valproate'], text: m.valproateAsk(), action: m.valproatePppDo(), sources: [S.emaValproate2018, S.mhraValproate2024] }]
        : [],
  },
  {
    id: 'topiramate-pregnancy-prevention',
    sources: [S.mhraTopiramate2024],
    evaluate: (ctx) =>
      (ctx.profile.pregnant === true || mayBecomePregnant(ctx.profile)) && withId(ctx, 'topiramate').length > 0
        ? [{ id: 'topiramate-pregnancy-prevention', ruleId: 'topiramate-pregnancy-prevention', severity: 'high', medicineIds: ['topiramate'], text: m.topiramate(), action: m.topiramateDo(), sources: [S.mhraTopiramate2024] }]
        : [],
  },
  {
    id: 'valproate-male-precautions',
    sources: [S.mhraValproateMen2024, S.emaValproateMen2024],
    evaluate: (ctx) =>
      ctx.profile.sex === 'male' && withClass(ctx, 'valproate').length > 0
        ? [{ id: 'valproate-male-precautions', ruleId: 'valproate-male-precautions', severity: ctx.profile.planningConception ? 'high' : 'moderate', medicineIds: ['valproate'], text: m.valproateMale(), action: m.valproateMaleDo(), sources: [S.mhraValproateMen2024, S.emaValproateMen2024] }]
        : [],
  },
  {
    id: 'valproate-mitochondrial',
    sources: [S.ferlazzo2017],
    evaluate: (ctx) =>
      hasCondition(ctx.profile, 'mitochondrial-disease', 'polg') && withClass(ctx, 'valproate').length > 0
        ? [{ id: 'valproate-mitochondrial', ruleId: 'valproate-mitochondrial', severity: 'high', medicineIds: ['valproate'], text: m.valproateMito(), action: m.valproateMitoDo(), sources: [S.ferlazzo2017] }]
        : [],
  },
  {
    id: 'lamotrigine-myoclonic-epilepsy',
    sources: [S.guerrini1998, S.gesche2021, S.medlinkJme, S.ferlazzo2017],
    evaluate: (ctx) =>
      withId(ctx, 'lamotrigine').length > 0 && hasCondition(ctx.profile, 'juvenile-myoclonic-epilepsy', 'dravet-syndrome', 'myoclonic-epilepsy', 'progressive-myoclonus-epilepsy')
        ? [{
            id: 'lamotrigine-myoclonic-epilepsy',
            ruleId: 'lamotrigine-myoclonic-epilepsy',
            // Dravet: 80% worsened and "inappropriate" per Guerrini 1998; otherwise a risk to monitor
            severity: hasCondition(ctx.profile, 'dravet-syndrome') ? 'high' : 'moderate',
            medicineIds: ['lamotrigine'],
            text: m.lamotrigine(),
            action: m.lamotrigineDo(),
            sources: [S.guerrini1998, S.gesche2021, S.medlinkJme, S.ferlazzo2017],
          }]
        : [],
  },
  {
    id: 'sodium-channel-blocker-aggravation',
    sources: [S.levyChen2016, S.ferlazzo2017, S.gelisse2004, S.medlinkMyoclonicSeizures],
    evaluate: (ctx) =>
      hasCondition(ctx.profile, ...myoclonicConditions)
        ? withId(ctx, 'carbamazepine', 'oxcarbazepine', 'phenytoin').map((med) => ({
            id: `sodium-channel-blocker-aggravation:${med.id}`,
            ruleId: 'sodium-channel-blocker-aggravation',
            severity: 'moderate' as const,
            medicineIds: [med.id],
            text: m.sodium({ medicine: med.name }),
            action: m.sodiumDo({ medicine: med.name }),
            sources: med.id === 'oxcarbazepine' ? [S.gelisse2004] : [S.levyChen2016, S.ferlazzo2017, S.medlinkMyoclonicSeizures],
          }))
        : [],
  },
  {
    id: 'alpha2delta-myoclonus',
    sources: [S.desai2019, S.kim2017, S.aasm2024, S.medlinkMyoclonicSeizures],
    evaluate: (ctx) =>
      withClass(ctx, 'alpha2delta-ligand').map((med) => {
        const renal = hasCondition(ctx.profile, 'kidney-disease') || (ctx.profile.labs?.egfrMlMin ?? Infinity) < 60;
        const myoclonic = hasCondition(ctx.profile, ...myoclonicConditions);
        const rls = hasCondition(ctx.profile, 'restless-legs-syndrome', 'plmd');
        const alert: MedicationAlert = {
          id: `alpha2delta-myoclonus:${med.id}`,
          ruleId: 'alpha2delta-myoclonus',
          severity: renal || myoclonic ? 'moderate' : 'info',
          medicineIds: [med.id],
          text: (rls ? m.a2dRls : m.a2d)({ medicine: med.name }),
          action: m.a2dDo({ medicine: med.name }),
          sources: [S.desai2019, S.kim2017, ...(rls ? [S.aasm2024] : []), ...(myoclonic ? [S.medlinkMyoclonicSeizures] : [])],
        };
        if (ctx.profile.labs?.egfrMlMin !== undefined) alert.data = { egfrMlMin: ctx.profile.labs.egfrMlMin };
        return alert;
      }),
  },
  {
    id: 'benzodiazepine-dependence',
    sources: [S.fdaBenzo2020],
    evaluate: (ctx) =>
      withClass(ctx, 'benzodiazepine').map((med) => ({
        id: `benzodiazepine-dependence:${med.id}`,
        ruleId: 'benzodiazepine-dependence',
        severity: 'moderate' as const,
        medicineIds: [med.id],
        text: m.benzo({ medicine: med.name }),
        action: m.benzoDo({ medicine: med.name }),
        sources: [S.fdaBenzo2020],
      })),
  },
  {
    id: 'benzodiazepine-opioid',
    sources: [S.fdaBenzo2020],
    evaluate: (ctx) => {
      const benzos = withClass(ctx, 'benzodiazepine');
      const opioids = withClass(ctx, 'opioid');
      if (benzos.length === 0 || opioids.length === 0) return [];
      return [{
        id: 'benzodiazepine-opioid',
        ruleId: 'benzodiazepine-opioid',
        severity: 'high',
        medicineIds: [...benzos, ...opioids].map((x) => x.id),
        text: m.benzoOpioid({ benzodiazepine: benzos.map((x) => x.name).join(', '), opioid: opioids.map((x) => x.name).join(', ') }),
        action: m.benzoOpioidDo(),
        sources: [S.fdaBenzo2020],
      }];
    },
  },
  {
    id: 'dopamine-agonist-augmentation',
    sources: [S.aasm2024, S.aan2016],
    evaluate: (ctx) =>
      hasCondition(ctx.profile, 'restless-legs-syndrome', 'plmd')
        ? [...withClass(ctx, 'dopamine-agonist'), ...withClass(ctx, 'levodopa')].map((med) => ({
            id: `dopamine-agonist-augmentation:${med.id}`,
            ruleId: 'dopamine-agonist-augmentation',
            severity: 'moderate' as const,
            medicineIds: [med.id],
            text: m.augmentation({ medicine: med.name }),
            action: m.augmentationDo(),
            sources: [S.aasm2024, S.aan2016],
          }))
        : [],
  },
  {
    id: 'iron-thresholds',
    sources: [S.aasm2024, S.allen2018],
    evaluate: (ctx) => {
      const labs = ctx.profile.labs;
      if (!labs || !hasCondition(ctx.profile, 'restless-legs-syndrome', 'plmd')) return [];
      const { ferritinUgL: ferritin, tsatPercent: tsat } = labs;
      if (ferritin === undefined && tsat === undefined) return [];
      const out: MedicationAlert[] = [];
      const data: Record<string, number | string> = {};
      if (ferritin !== undefined) data.ferritinUgL = ferritin;
      if (tsat !== undefined) data.tsatPercent = tsat;
      if (labs.drawnOn) data.drawnOn = labs.drawnOn;
      const low = (ferritin !== undefined && ferritin <= 75) || (tsat !== undefined && tsat < 20);
      if (low) {
        out.push({ id: 'iron-thresholds:low', ruleId: 'iron-thresholds', severity: 'moderate', medicineIds: [], text: m.ironLow({ ferritin: fmt(ferritin), tsat: fmt(tsat) }), action: m.ironLowDo(), sources: [S.aasm2024], data });
      } else if (ferritin !== undefined && ferritin > 75 && ferritin <= 100 && (tsat === undefined || tsat < 45)) {
        out.push({ id: 'iron-thresholds:iv-only', ruleId: 'iron-thresholds', severity: 'info', medicineIds: [], text: m.ironIvOnly({ ferritin: fmt(ferritin) }), action: m.ironIvOnlyDo(), sources: [S.aasm2024], data });
      }
      if (tsat !== undefined && tsat >= 45) {
        out.push({ id: 'iron-thresholds:tsat-high', ruleId: 'iron-thresholds', severity: 'info', medicineIds: [], text: m.ironTsatHigh({ tsat: fmt(tsat) }), action: m.ironTsatHighDo(), sources: [S.allen2018], data });
      }
      if (labs.morningFasting === false) {
        out.push({ id: 'iron-thresholds:not-fasting', ruleId: 'iron-thresholds', severity: 'info', medicineIds: [], text: m.ironNotFasting(), action: m.ironNotFastingDo(), sources: [S.aasm2024] });
      }
      return out;
    },
  },
];
