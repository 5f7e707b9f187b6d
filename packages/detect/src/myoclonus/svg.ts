/**
 * Hand-written SVG figures (no DOM, so they work in Node and the browser): back-averaged EEG
 * traces and burst-duration histograms with the class cut-offs. Text is escaped; coordinates
 * are rounded to 0.1 px to keep files small.
 */
import type { BackAverageResult } from './backaverage.js';
import type { BurstResult } from './bursts.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r1 = (v: number) => (Math.round(v * 10) / 10).toString();

export interface SvgOptions {
  width: number;
  rowHeight: number;
}

/** Stacked per-channel averages, trigger at 0 ms, search window shaded, largest deflection marked. */
export function backAverageSvg(result: BackAverageResult, options: Partial<SvgOptions> = {}): string {
  const width = options.width ?? 640;
  const rowH = options.rowHeight ?? 120;
  const left = 70,
    right = 20,
    top = 40,
    bottom = 40;
  const plotW = width - left - right;
  const height = top + bottom + rowH * result.channels.length;
  const t0 = result.timesMs[0];
  const t1 = result.timesMs[result.timesMs.length - 1];
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * plotW;
  let maxAbs = 1;
  for (const ch of result.channels) for (const v of ch.averageUv) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const scale = (rowH / 2 - 8) / maxAbs;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
  );
  const sig = result.significance;
  parts.push(`<title>Jerk-locked back-average (${result.nUsed} jerks)</title>`);
  parts.push(
    `<text x="${left}" y="16" font-size="13">${esc(`Jerk-locked back-average: ${result.nUsed} jerks, surrogate p = ${sig.pValue.toFixed(3)}${sig.significant ? ' (significant)' : ''}`)}</text>`,
  );
  const [s0, s1] = result.settings.searchMs;
  parts.push(
    `<rect x="${r1(x(s0))}" y="${top}" width="${r1(x(s1) - x(s0))}" height="${rowH * result.channels.length}" fill="#f2f2f2"/>`,
  );
  parts.push(
    `<line x1="${r1(x(0))}" y1="${top}" x2="${r1(x(0))}" y2="${top + rowH * result.channels.length}" stroke="#c00" stroke-dasharray="4 3"/>`,
  );
  result.channels.forEach((ch, i) => {
    const mid = top + rowH * i + rowH / 2;
    parts.push(`<text x="8" y="${r1(mid + 4)}">${esc(ch.label)}</text>`);
    parts.push(`<line x1="${left}" y1="${r1(mid)}" x2="${left + plotW}" y2="${r1(mid)}" stroke="#ccc"/>`);
    // EEG convention in many labs is negative up; we draw positive up and say so in the axis note
    const pts = ch.averageUv.map((v, k) => `${r1(x(result.timesMs[k]))},${r1(mid - v * scale)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="#1f4e9c" stroke-width="1.2" points="${pts}"/>`);
    const d = ch.deflection;
    parts.push(`<circle cx="${r1(x(d.latencyMs))}" cy="${r1(mid - d.amplitudeUv * scale)}" r="3" fill="#c00"/>`);
    parts.push(
      `<text x="${r1(x(d.latencyMs) + 5)}" y="${r1(mid - d.amplitudeUv * scale - 5)}" fill="#c00">${esc(`${d.amplitudeUv.toFixed(1)} µV at ${d.latencyMs.toFixed(0)} ms`)}</text>`,
    );
  });
  const axisY = top + rowH * result.channels.length;
  for (let k = 0; k <= 6; k++) {
    const t = t0 + ((t1 - t0) * k) / 6;
    parts.push(`<line x1="${r1(x(t))}" y1="${axisY}" x2="${r1(x(t))}" y2="${axisY + 4}" stroke="#000"/>`);
    parts.push(`<text x="${r1(x(t))}" y="${axisY + 16}" text-anchor="middle">${Math.round(t)}</text>`);
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${axisY + 32}" text-anchor="middle">${esc(`ms from EMG onset (positive up; bar = ${(maxAbs).toFixed(1)} µV)`)}</text>`,
  );
  parts.push(
    `<line x1="${left - 10}" y1="${top + rowH / 2}" x2="${left - 10}" y2="${r1(top + rowH / 2 - maxAbs * scale)}" stroke="#000" stroke-width="2"/>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Burst-duration histograms (one row per channel) with the class cut-offs drawn in. */
export function burstDurationSvg(results: BurstResult[], options: Partial<SvgOptions> = {}): string {
  const width = options.width ?? 640;
  const rowH = options.rowHeight ?? 120;
  const left = 70,
    right = 20,
    top = 30,
    bottom = 40;
  const plotW = width - left - right;
  const height = top + bottom + rowH * Math.max(1, results.length);
  const maxMs = 500;
  const binMs = 10;
  const x = (ms: number) => left + (Math.min(ms, maxMs) / maxMs) * plotW;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
  );
  parts.push('<title>EMG burst durations</title>');
  parts.push(
    `<text x="${left}" y="16" font-size="13">EMG burst durations (10 ms bins; longer than ${maxMs} ms in the last bin)</text>`,
  );
  results.forEach((res, i) => {
    const bins = new Array(maxMs / binMs).fill(0);
    for (const b of res.bursts) bins[Math.min(bins.length - 1, Math.floor(b.durationMs / binMs))]++;
    const peak = Math.max(1, ...bins);
    const base = top + rowH * (i + 1) - 6;
    parts.push(`<text x="8" y="${r1(base - rowH / 2)}">${esc(res.label ?? `channel ${i + 1}`)}</text>`);
    parts.push(`<text x="8" y="${r1(base - rowH / 2 + 14)}">${esc(`n = ${res.bursts.length}`)}</text>`);
    bins.forEach((c, k) => {
      if (c === 0) return;
      const h = (c / peak) * (rowH - 20);
      parts.push(
        `<rect x="${r1(x(k * binMs) + 0.5)}" y="${r1(base - h)}" width="${r1(x(binMs) - left - 1)}" height="${r1(h)}" fill="#1f4e9c"/>`,
      );
    });
    for (const cut of [
      res.settings.classes.corticalMaxMs,
      res.settings.classes.corticalSubcorticalMaxMs,
      res.settings.classes.subcorticalMaxMs,
    ]) {
      parts.push(
        `<line x1="${r1(x(cut))}" y1="${r1(base - rowH + 14)}" x2="${r1(x(cut))}" y2="${r1(base)}" stroke="#c00" stroke-dasharray="3 3"/>`,
      );
    }
    if (res.durations.medianMs !== null) {
      parts.push(
        `<text x="${left + plotW - 4}" y="${r1(base - rowH + 24)}" text-anchor="end">${esc(`median ${res.durations.medianMs.toFixed(1)} ms`)}</text>`,
      );
    }
    parts.push(`<line x1="${left}" y1="${r1(base)}" x2="${left + plotW}" y2="${r1(base)}" stroke="#000"/>`);
  });
  const axisY = top + rowH * Math.max(1, results.length) - 6;
  for (let ms = 0; ms <= maxMs; ms += 100) {
    parts.push(`<text x="${r1(x(ms))}" y="${axisY + 16}" text-anchor="middle">${ms}</text>`);
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${axisY + 32}" text-anchor="middle">burst duration, ms (dashed: class cut-offs)</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
