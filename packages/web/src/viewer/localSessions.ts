// Recordings analysed on this device live only in memory (and in this tab): the File and its result.
import type { ScoreResult } from '../api/types.js';

export interface LocalSession { id: string; file: File; result: ScoreResult | null; elapsedMs: number | null; error: string | null }
export const localSessions = new Map<string, LocalSession>();
