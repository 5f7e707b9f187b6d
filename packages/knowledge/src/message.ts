import { formatMessage, type MessageCatalogue } from './text.js';

/** A user-facing string: a stable key for translators, the English text, and its parameters. */
export interface Message {
  key: string;
  text: string;
  params?: Readonly<Record<string, string | number>>;
}

/** English template registry: every keyed string used by triage and the medication rules, for extraction. */
const templates = new Map<string, string>();

/** Declares a keyed English template (once) and returns a renderer for it. */
export function defineMessage(key: string, en: string): (params?: Record<string, string | number>) => Message {
  const existing = templates.get(key);
  if (existing !== undefined && existing !== en) throw new Error(`message key ${key} defined twice with different text`);
  templates.set(key, en);
  return (params) => (params ? { key, text: formatMessage(en, params), params } : { key, text: en });
}

/** The English catalogue of triage and alert messages (key → template), e.g. to hand to translators. */
export function messageTemplates(): Record<string, string> {
  return Object.fromEntries(templates);
}

/** Renders a message in another language when the catalogue has its key, otherwise keeps the English text. */
export function translateMessage(message: Message, catalogue: MessageCatalogue): string {
  const t = catalogue[message.key];
  return t === undefined ? message.text : formatMessage(t, message.params ?? {});
}
