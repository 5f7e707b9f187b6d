/**
 * Scored events a clinician can review: built from a ScoreResult, edited (accept, reject, add, move), and
 * re-scored. Re-scoring is injected (`Rescorer`, the detect package's PLM rules); `simpleRescore` is the
 * fallback used when no rescorer is given: WASM-style series of ≥ 4 LMs of 0.5–10 s with onset-to-onset
 * intervals of 10–90 s, indices per hour of sleep (or of recording without a hypnogram).
 */
import { randomUUID } from 'node:crypto';
import { notFound } from '../http/errors.js';
import type { EventEdit, Indices, ScoredEvent } from '../schemas/recordings.js';
import { type OriginalMovement, rescoreWithContext, type StoredSleepContext } from './sleep-context.js';

/** The subset of the detect package's ScoreResult the server reads. */
export interface ScoreResultLike {
  recording?: { startTime?: string | null; durationSec?: number };
  sleep?: { source?: string; tstMin?: number; wakeMin?: number };
  legMovements?: (OriginalMovement & { periodic: boolean })[];
  indices?: { lmIndex?: number | null; plmsIndex?: number | null };
  settings?: unknown;
  [k: string]: unknown;
}

export interface EventSet {
  events: ScoredEvent[];
  indices: Indices;
  edited: boolean;
}

export type Rescorer = (events: ScoredEvent[], ctx: { durationSec: number; sleepHours: number | null; settings: unknown }) => { periodic: boolean[]; plmsIndex: number | null } | null;

/** What re-scoring needs besides the events: with `sleepContext` (recordings scored since migration 003) the PLM
 * rules run with the original staging; without it (older rows, accelerometer nights) the fallback below. */
export interface RescoreContext {
  durationSec: number;
  sleepHours: number | null;
  settings: unknown;
  sleepContext?: StoredSleepContext | null;
  /** The original result's legMovements, matched to the events `lm-<i+1>`. */
  original?: readonly OriginalMovement[];
}

export function eventsFromResult(result: ScoreResultLike, sleepContext?: StoredSleepContext | null): EventSet {
  const events: ScoredEvent[] = (result.legMovements ?? []).map((m, i) => ({
    id: `lm-${i + 1}`,
    kind: 'lm',
    side: m.side === 'bilateral' ? 'both' : m.side,
    onsetSec: m.onset,
    durationSec: m.duration,
    status: 'auto',
    isPlm: !!m.periodic,
  }));
  const durationSec = result.recording?.durationSec ?? 0;
  if (sleepContext) return { events, indices: contextIndices(events, sleepContext, result.legMovements ?? []).indices, edited: false };
  const sleepHours = result.sleep && result.sleep.source !== 'none' && result.sleep.tstMin != null ? result.sleep.tstMin / 60 : null;
  return { events, indices: indicesOf(events, durationSec, sleepHours, result.indices?.plmsIndex ?? null), edited: false };
}

const round = (v: number) => Math.round(v * 100) / 100;
const roundOrNull = (v: number | null) => (v === null ? null : round(v));

/** Indices from the PLM rules over the stored sleep context (see sleep-context.ts). */
function contextIndices(events: ScoredEvent[], c: StoredSleepContext, original: readonly OriginalMovement[]): { periodic: boolean[]; indices: Indices } {
  const r = rescoreWithContext(events, original, c);
  const active = events.filter((e) => e.status !== 'rejected');
  const plm = r.periodic.filter(Boolean).length;
  const hours = c.durationSec / 3600;
  return {
    periodic: r.periodic,
    indices: {
      durationHours: round(hours),
      sleepHours: c.sleep.source === 'none' ? null : round(r.tstMin / 60),
      lmCount: active.length,
      plmCount: plm,
      lmIndex: r.indices.lmIndex === null ? 0 : round(r.indices.lmIndex),
      // every periodic LM (sleep and wake) per hour of recording; equals plmsIndex without staging
      plmIndex: hours > 0 ? round(plm / hours) : 0,
      plmsIndex: roundOrNull(r.indices.plmsIndex),
      plmwIndex: roundOrNull(r.indices.plmwIndex),
      plmsByStage: { ...r.plmsByStage, W: r.plmWake },
    },
  };
}

export function indicesOf(events: ScoredEvent[], durationSec: number, sleepHours: number | null, plmsIndex: number | null): Indices {
  const active = events.filter((e) => e.status !== 'rejected');
  const hours = durationSec / 3600;
  const lm = active.length;
  const plm = active.filter((e) => e.isPlm).length;
  const denom = sleepHours ?? hours;
  return {
    durationHours: round(hours),
    sleepHours: sleepHours === null ? null : round(sleepHours),
    lmCount: lm,
    plmCount: plm,
    lmIndex: denom > 0 ? round(lm / denom) : 0,
    plmIndex: denom > 0 ? round(plm / denom) : 0,
    plmsIndex: plmsIndex === null ? (denom > 0 ? round(plm / denom) : null) : round(plmsIndex),
  };
}

/** Fallback PLM series rule over the reviewed events (see the module comment). */
export function simplePeriodic(events: ScoredEvent[]): boolean[] {
  const order = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.status !== 'rejected' && e.durationSec >= 0.5 && e.durationSec <= 10)
    .sort((a, b) => a.e.onsetSec - b.e.onsetSec);
  const out = new Array<boolean>(events.length).fill(false);
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 4) for (const i of run) out[i] = true;
  };
  for (let k = 0; k < order.length; k++) {
    if (run.length === 0) {
      run = [order[k].i];
      continue;
    }
    const prev = events[run[run.length - 1]];
    const imi = order[k].e.onsetSec - prev.onsetSec;
    if (imi >= 10 && imi <= 90) run.push(order[k].i);
    else {
      flush();
      run = [order[k].i];
    }
  }
  flush();
  return out;
}

export function applyEdits(set: EventSet, edits: EventEdit[], ctx: RescoreContext, rescore?: Rescorer): EventSet {
  const events = set.events.map((e) => ({ ...e }));
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const ed of edits) {
    if (ed.op === 'add') {
      const e: ScoredEvent = { id: `user-${randomUUID()}`, kind: ed.kind, side: ed.side, onsetSec: ed.onsetSec, durationSec: ed.durationSec, status: 'added', isPlm: false };
      events.push(e);
      byId.set(e.id, e);
      continue;
    }
    const e = byId.get(ed.eventId);
    if (!e) throw notFound(`event ${ed.eventId}`);
    if (ed.op === 'accept') e.status = e.status === 'added' ? 'added' : 'accepted';
    else if (ed.op === 'reject') e.status = 'rejected';
    else {
      e.onsetSec = ed.onsetSec;
      e.durationSec = ed.durationSec;
      if (e.status !== 'added') e.status = 'moved';
    }
  }
  events.sort((a, b) => a.onsetSec - b.onsetSec);
  if (ctx.sleepContext) {
    const r = contextIndices(events, ctx.sleepContext, ctx.original ?? []);
    events.forEach((e, i) => {
      e.isPlm = r.periodic[i];
    });
    return { events, indices: r.indices, edited: true };
  }
  const external = rescore?.(events, ctx) ?? null;
  const periodic = external?.periodic ?? simplePeriodic(events);
  events.forEach((e, i) => {
    e.isPlm = e.status !== 'rejected' && periodic[i];
  });
  const plmsIndex = external ? external.plmsIndex : null;
  return { events, indices: indicesOf(events, ctx.durationSec, ctx.sleepHours, plmsIndex), edited: true };
}
