// Recordings analysed on this device live only in memory (this tab): the File, its progress and its result.
// The scoring runs in a Web Worker; screens subscribe to changes. Nothing is uploaded.
import type { ScoreResult } from '../api/types.js';
import { newUuid } from '../domain.js';
import type { WorkerResponse } from '../worker/protocol.js';

export interface LocalSession {
  id: string; file: File; result: ScoreResult | null; elapsedMs: number | null; error: string | null; progress: number;
}
export const localSessions = new Map<string, LocalSession>();
const listeners = new Set<() => void>();

export function onLocalSessions(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const changed = () => { for (const l of listeners) l(); };

export function startLocalAnalysis(file: File): LocalSession {
  const session: LocalSession = { id: `local-${newUuid()}`, file, result: null, elapsedMs: null, error: null, progress: 0 };
  localSessions.set(session.id, session);
  // Scoring competes for the (often two) cores with the viewer's first screen: let that go first.
  setTimeout(() => runScoring(session), SCORING_DELAY_MS);
  changed();
  return session;
}

const SCORING_DELAY_MS = 1500;

function runScoring(session: LocalSession): void {
  const file = session.file;
  const worker = new Worker(new URL('../worker/analyse.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
    const m = ev.data;
    if (m.type === 'progress') session.progress = m.fraction;
    else if (m.type === 'scored') { session.result = m.result; session.elapsedMs = m.elapsedMs; session.progress = 1; worker.terminate(); }
    else if (m.type === 'error') { session.error = `${m.code}: ${m.message}`; worker.terminate(); }
    else return;
    changed();
  };
  worker.postMessage({ type: 'score', file });
}
