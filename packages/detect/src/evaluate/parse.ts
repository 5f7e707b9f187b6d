import { MyoTraceError } from '@myotrace/errors';
import type { ScoreResult } from '../score-types.js';

const STAGES = new Set(['W', 'N1', 'N2', 'N3', 'R']);
const SIDES = new Set(['left', 'right', 'bilateral']);
const SOURCES = new Set(['annotations', 'hypnogram', 'none']);
const INDEX_KEYS = ['lmIndex', 'clmIndex', 'plmsIndex', 'plmwIndex', 'plmsNrIndex', 'plmsArousalIndex', 'periodicityIndex'];

/**
 * Checks that a parsed JSON value is a score-contract object (as `myotrace score --json` writes it)
 * and returns it typed. Throws DETECT_SCORE_JSON_BAD naming the first wrong field.
 */
export function parseScoreResult(value: unknown, what = 'score JSON'): ScoreResult {
  const bad = (field: string, expected: string): never => {
    throw new MyoTraceError('DETECT_SCORE_JSON_BAD', `${what}: ${field} should be ${expected}`, {
      field,
      hint: 'Pass files written by `myotrace score --json` (or `myotrace simulate` ground truth).',
    });
  };
  const obj = (v: unknown, f: string): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : bad(f, 'an object');
  const num = (v: unknown, f: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : bad(f, 'a number'));
  const numOrNull = (v: unknown, f: string): number | null => (v === null ? null : num(v, f));
  const bool = (v: unknown, f: string): boolean => (typeof v === 'boolean' ? v : bad(f, 'true or false'));
  const str = (v: unknown, f: string): string => (typeof v === 'string' ? v : bad(f, 'a string'));

  const r = obj(value, '(top level)');
  if (r.error !== undefined) bad('(top level)', 'a score result, not an error report');
  const tool = obj(r.tool, 'tool');
  str(tool.name, 'tool.name');
  str(tool.version, 'tool.version');
  if (r.standard !== 'wasm2016' && r.standard !== 'aasm') bad('standard', '"wasm2016" or "aasm"');
  obj(r.settings, 'settings');
  const rec = obj(r.recording, 'recording');
  str(rec.file, 'recording.file');
  if (rec.startTime !== null) str(rec.startTime, 'recording.startTime');
  num(rec.durationSec, 'recording.durationSec');
  const ch = obj(r.channels, 'channels');
  for (const k of ['left', 'right', 'unit']) if (ch[k] !== null) str(ch[k], `channels.${k}`);
  const sl = obj(r.sleep, 'sleep');
  if (!SOURCES.has(sl.source as string)) bad('sleep.source', '"annotations", "hypnogram" or "none"');
  num(sl.tstMin, 'sleep.tstMin');
  num(sl.wakeMin, 'sleep.wakeMin');
  if (!Array.isArray(r.legMovements)) bad('legMovements', 'an array');
  (r.legMovements as unknown[]).forEach((m, i) => {
    const f = `legMovements[${i}]`;
    const o = obj(m, f);
    num(o.onset, `${f}.onset`);
    num(o.duration, `${f}.duration`);
    if (!SIDES.has(o.side as string)) bad(`${f}.side`, '"left", "right" or "bilateral"');
    for (const k of ['candidate', 'periodic', 'respiratory', 'arousal']) bool(o[k], `${f}.${k}`);
    if (o.stage !== null && !STAGES.has(o.stage as string)) bad(`${f}.stage`, 'W, N1, N2, N3, R or null');
  });
  if (!Array.isArray(r.plmSeries)) bad('plmSeries', 'an array');
  (r.plmSeries as unknown[]).forEach((s, i) => {
    const o = obj(s, `plmSeries[${i}]`);
    num(o.start, `plmSeries[${i}].start`);
    num(o.end, `plmSeries[${i}].end`);
    num(o.count, `plmSeries[${i}].count`);
  });
  const ix = obj(r.indices, 'indices');
  for (const k of INDEX_KEYS) {
    if (!(k in ix)) bad(`indices.${k}`, 'a number or null');
    numOrNull(ix[k], `indices.${k}`);
  }
  if (!Array.isArray(r.warnings)) bad('warnings', 'an array');
  (r.warnings as unknown[]).forEach((w, i) => {
    const o = obj(w, `warnings[${i}]`);
    str(o.code, `warnings[${i}].code`);
    str(o.message, `warnings[${i}].message`);
  });
  return value as ScoreResult;
}
