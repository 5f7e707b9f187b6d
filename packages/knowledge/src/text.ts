import type { Entry } from './schema.js';

/**
 * Translation support. Entry text is authored in English inside the entries; `extractMessages` turns every
 * user-facing string into a flat key → text catalogue (the file a translator works on), and `localizeEntry`
 * overlays a translated catalogue. Triage questions and safety alerts are authored as keys in `messages/en.ts`
 * and rendered with `formatMessage`.
 */
export type MessageCatalogue = Readonly<Record<string, string>>;

/** Replaces `{name}` placeholders; unknown placeholders are left visible rather than silently dropped. */
export function formatMessage(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const listFields = ['synonyms', 'details', 'indications', 'cautions', 'interactions', 'whenToSee'] as const;
const textFields = ['name', 'summary', 'whatItShows', 'whenUsed', 'evidence'] as const;

/** Every translatable string of the entries, keyed `entry.<id>.<field>[.<index>]`. */
export function extractMessages(entries: readonly Entry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const rec = e as unknown as Record<string, unknown>;
    for (const f of textFields) if (typeof rec[f] === 'string') out[`entry.${e.id}.${f}`] = rec[f] as string;
    for (const f of listFields) {
      const list = rec[f];
      if (Array.isArray(list)) list.forEach((v, i) => { out[`entry.${e.id}.${f}.${i}`] = v as string; });
    }
    if (e.kind === 'neurophysiology') {
      out[`entry.${e.id}.emg.description`] = e.emg.description;
      e.emg.analyses.forEach((a, i) => { out[`entry.${e.id}.emg.analyses.${i}.measures`] = a.measures; });
    }
    if (e.kind === 'exercise') {
      out[`entry.${e.id}.routine.frequency`] = e.routine.frequency;
      e.routine.steps.forEach((s, i) => { out[`entry.${e.id}.routine.steps.${i}`] = s.instruction; });
      e.routine.cautions.forEach((c, i) => { out[`entry.${e.id}.routine.cautions.${i}`] = c; });
    }
    e.corrections?.forEach((c, i) => {
      out[`entry.${e.id}.corrections.${i}.seedClaim`] = c.seedClaim;
      out[`entry.${e.id}.corrections.${i}.correction`] = c.correction;
    });
  }
  return out;
}

/** A copy of `entry` with every string found in `catalogue` replaced; missing keys keep the English text. */
export function localizeEntry<E extends Entry>(entry: E, catalogue: MessageCatalogue): E {
  const pick = (key: string, fallback: string): string => catalogue[key] ?? fallback;
  const rec = structuredClone(entry) as unknown as Record<string, unknown>;
  for (const f of textFields) if (typeof rec[f] === 'string') rec[f] = pick(`entry.${entry.id}.${f}`, rec[f] as string);
  for (const f of listFields) {
    const list = rec[f];
    if (Array.isArray(list)) rec[f] = list.map((v, i) => pick(`entry.${entry.id}.${f}.${i}`, v as string));
  }
  const out = rec as unknown as E;
  if (out.kind === 'neurophysiology') {
    out.emg.description = pick(`entry.${entry.id}.emg.description`, out.emg.description);
    out.emg.analyses.forEach((a, i) => { a.measures = pick(`entry.${entry.id}.emg.analyses.${i}.measures`, a.measures); });
  }
  if (out.kind === 'exercise') {
    out.routine.frequency = pick(`entry.${entry.id}.routine.frequency`, out.routine.frequency);
    out.routine.steps.forEach((s, i) => { s.instruction = pick(`entry.${entry.id}.routine.steps.${i}`, s.instruction); });
    out.routine.cautions = out.routine.cautions.map((c, i) => pick(`entry.${entry.id}.routine.cautions.${i}`, c));
  }
  out.corrections?.forEach((c, i) => {
    c.seedClaim = pick(`entry.${entry.id}.corrections.${i}.seedClaim`, c.seedClaim);
    c.correction = pick(`entry.${entry.id}.corrections.${i}.correction`, c.correction);
  });
  return out;
}
