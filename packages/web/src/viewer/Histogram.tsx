// A small SVG histogram (event durations, intervals) with an accessible summary.
import { formatNumber } from '../i18n/index.js';

export function Histogram({ values, binWidth, max, unit }: { values: number[]; binWidth: number; max: number; unit: string }) {
  const bins = new Array(Math.ceil(max / binWidth)).fill(0) as number[];
  for (const v of values) { const b = Math.min(bins.length - 1, Math.max(0, Math.floor(v / binWidth))); bins[b]++; }
  const top = Math.max(1, ...bins);
  const W = 320; const H = 120; const bw = (W - 30) / bins.length;
  const median = values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : null;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H + 18}`} width="100%" role="img" aria-label={`n = ${values.length}, median ${median == null ? '–' : formatNumber(median, 1)} ${unit}`}>
        {bins.map((c, i) => <rect key={i} x={30 + i * bw} y={H - (c / top) * (H - 6)} width={Math.max(1, bw - 1)} height={(c / top) * (H - 6)} fill="#1f4e79" />)}
        <line x1="30" x2={W} y1={H} y2={H} stroke="#4b5563" />
        <text x="30" y={H + 14} fontSize="10" fill="#4b5563">0</text>
        <text x={W} y={H + 14} fontSize="10" fill="#4b5563" textAnchor="end">{max} {unit}</text>
        <text x="26" y="10" fontSize="10" fill="#4b5563" textAnchor="end">{top}</text>
      </svg>
      <figcaption className="hint">n = {values.length} · median {median == null ? '–' : formatNumber(median, 1)} {unit}</figcaption>
    </figure>
  );
}
