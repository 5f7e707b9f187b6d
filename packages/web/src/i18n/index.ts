// Message lookup with {placeholder} interpolation. Numbers passed as params are locale-formatted.
import { formatNumber } from './format.js';
import { en, type MessageKey } from './messages.en.js';

export type { MessageKey } from './messages.en.js';
export * from './format.js';

type Catalogue = Record<MessageKey, string>;
const catalogues: Record<string, Partial<Catalogue>> = { en };
let active: Partial<Catalogue> = en;

export function setCatalogue(lang: string, messages?: Partial<Catalogue>): void {
  if (messages) catalogues[lang] = messages;
  active = catalogues[lang] ?? en;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = active[key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(v, 2) : v;
  });
}

/** Label of a coded value in a vocabulary, e.g. label('site', 'left_leg'). */
export function label(prefix: string, code: string | number): string {
  const key = `${prefix}.${code}` as MessageKey;
  return (active[key] ?? en[key] ?? String(code)) as string;
}
