// Diary vocabularies shared by the screens. They mirror the server's fixed lists (issue 6 / docs/api.md);
// labels come from the message catalogue, keyed by these codes.

export const BODY_SITES = [
  'eyes', 'face', 'palate-ear-click', 'neck', 'trunk',
  'arm-left', 'arm-right', 'hand-left', 'hand-right',
  'leg-left', 'leg-right', 'foot-left', 'foot-right', 'whole-body',
] as const;
export type BodySite = (typeof BODY_SITES)[number];

export const POLARITIES = ['positive', 'negative', 'unsure'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const CONTEXTS = ['rest', 'action', 'stimulus', 'falling-asleep', 'asleep'] as const;
export type JerkContext = (typeof CONTEXTS)[number];

export const TRIGGERS = [
  'noise', 'touch', 'light', 'startle', 'movement', 'stress', 'sleep-loss', 'alcohol', 'caffeine',
  'missed-dose', 'new-medicine', 'fever', 'menstruation', 'other',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const IMPACTS = ['fall', 'dropped-object', 'speech', 'eating', 'writing'] as const;
export type Impact = (typeof IMPACTS)[number];

export const SEVERITIES = [0, 1, 2, 3, 4] as const;

/** A jerk episode as the API stores it (docs/api.md); the client UUID is its identity everywhere. */
export interface EpisodeInput {
  id: string;
  startAt: string; // ISO with offset
  durationSec?: number | null;
  count?: number | null;
  bodySites: BodySite[];
  polarity: Polarity;
  context?: JerkContext | null;
  triggers: Trigger[];
  triggerOther?: string | null;
  severity?: number | null;
  impact: Impact[];
  response?: 'none' | 'rescue-medicine' | 'emergency-care' | null;
  notes?: string | null;
  recordedFor?: 'self' | 'someone-else' | null;
}

export interface StoredMeta {
  patientId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  recordedBy: { id: string; name: string; role: string };
}

export type Episode = EpisodeInput & Partial<StoredMeta>;

export function newUuid(): string {
  const c: Crypto = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // RFC 4122 v4 from getRandomValues (older Safari).
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
