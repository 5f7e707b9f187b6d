import type { ScoreResult } from './score-types.js';

const CSV_COLUMNS = ['onset', 'duration', 'side', 'candidate', 'periodic', 'respiratory', 'arousal', 'stage'] as const;

/** The scored LMs as CSV (one row per LM, contract field names as the header, times in seconds). */
export function scoreToCsv(result: ScoreResult): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const m of result.legMovements) {
    rows.push(
      [m.onset, m.duration, m.side, m.candidate, m.periodic, m.respiratory, m.arousal, m.stage ?? '']
        .map((v) => String(v))
        .join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

/** Annotation label of one LM: the most specific class first (PLM, CLM, LM), then the side, then flags. */
export function lmAnnotationText(m: ScoreResult['legMovements'][number]): string {
  const kind = m.periodic ? 'PLM' : m.candidate ? 'CLM' : 'LM';
  const flags = [m.respiratory ? 'resp' : '', m.arousal ? 'arousal' : ''].filter(Boolean);
  return `${kind} ${m.side}${flags.length ? ` (${flags.join(', ')})` : ''}`;
}

/**
 * Annotations for an annotation-only EDF+ that opens beside the recording: one per LM (`PLM left`,
 * `CLM bilateral (resp)`, `LM right`, ...) and one per PLM series (`PLM series (12)`), onsets in
 * seconds from the recording's first sample.
 */
export function scoreToAnnotations(result: ScoreResult): Array<{ onset: number; duration: number; text: string }> {
  const out = result.legMovements.map((m) => ({ onset: m.onset, duration: m.duration, text: lmAnnotationText(m) }));
  for (const s of result.plmSeries) out.push({ onset: s.start, duration: s.end - s.start, text: `PLM series (${s.count})` });
  return out.sort((a, b) => a.onset - b.onset);
}
