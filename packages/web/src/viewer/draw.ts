// Canvas drawing of the viewer: hypnogram strip, channel lanes (min/max per pixel column), event overlays, time axis.
import { formatOffset } from '../i18n/index.js';
import type { HypnoEpoch, ViewChannel, ViewEvent } from './model.js';
import { columnsMinMax } from './pyramid.js';

export const GUTTER = 96;
export const HYPNO_H = 28;
export const AXIS_H = 22;

export interface ViewState { t0: number; t1: number; selectedId: string | null; cursorSec: number | null }

const STAGE_Y: Record<HypnoEpoch['stage'], number> = { W: 0, R: 1, N1: 2, N2: 3, N3: 4, '?': 0 };
const STAGE_COLOR: Record<HypnoEpoch['stage'], string> = { W: '#e0a800', R: '#b3261e', N1: '#7fb3e6', N2: '#3d7cc0', N3: '#1f4e79', '?': '#9aa5b1' };

let colMin = new Float32Array(0);
let colMax = new Float32Array(0);

export function drawViewer(
  ctx: CanvasRenderingContext2D, cssW: number, cssH: number, dpr: number,
  channels: ViewChannel[], events: ViewEvent[], hypno: HypnoEpoch[], durationSec: number, v: ViewState,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, cssW, cssH);
  const plotW = Math.max(10, cssW - GUTTER);
  const laneTop = HYPNO_H + 4;
  const laneH = (cssH - laneTop - AXIS_H) / Math.max(1, channels.length);
  const span = v.t1 - v.t0;
  const xOf = (t: number) => GUTTER + ((t - v.t0) / span) * plotW;

  // Hypnogram strip (whole night, with the visible window outlined).
  ctx.fillStyle = '#f3f5f8';
  ctx.fillRect(GUTTER, 2, plotW, HYPNO_H - 2);
  if (hypno.length > 0) {
    const hx = (t: number) => GUTTER + (t / durationSec) * plotW;
    for (const e of hypno) {
      ctx.fillStyle = STAGE_COLOR[e.stage];
      const y = 3 + STAGE_Y[e.stage] * 4.6;
      ctx.fillRect(hx(e.onset), y, Math.max(1, hx(e.onset + e.duration) - hx(e.onset)), 5);
    }
  }
  // Event density ticks on the strip.
  ctx.fillStyle = 'rgba(179,38,30,0.6)';
  for (const e of events) if (e.status !== 'rejected') ctx.fillRect(GUTTER + (e.onsetSec / durationSec) * plotW, HYPNO_H - 5, 1, 4);
  ctx.strokeStyle = '#1b1f24';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(GUTTER + (v.t0 / durationSec) * plotW, 1.5, Math.max(2, (span / durationSec) * plotW), HYPNO_H - 2);
  ctx.fillStyle = '#4b5563';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(hypno.length ? 'Hypnogram' : 'Night', 6, HYPNO_H / 2);

  // Lane backgrounds, then events, then traces on top.
  for (let k = 0; k < channels.length; k++) {
    ctx.fillStyle = k % 2 ? '#f7f9fb' : '#ffffff';
    ctx.fillRect(GUTTER, laneTop + k * laneH, plotW, laneH);
  }
  for (const e of events) {
    const a = e.onsetSec;
    const b = e.onsetSec + e.durationSec;
    if (b < v.t0 || a > v.t1) continue;
    const x0 = Math.max(GUTTER, xOf(a));
    const x1 = Math.min(GUTTER + plotW, xOf(b));
    ctx.fillStyle = e.status === 'rejected' ? 'rgba(120,120,120,0.18)' : e.isPlm ? 'rgba(179,38,30,0.22)' : e.kind === 'burst' ? 'rgba(30,107,53,0.22)' : 'rgba(31,78,121,0.2)';
    ctx.fillRect(x0, laneTop, Math.max(2, x1 - x0), laneH * channels.length);
    if (e.id === v.selectedId) {
      ctx.strokeStyle = '#b3261e';
      ctx.lineWidth = 2;
      ctx.strokeRect(x0, laneTop + 1, Math.max(2, x1 - x0), laneH * channels.length - 2);
    }
  }

  // Traces.
  const cols = Math.max(1, Math.floor(plotW));
  if (colMin.length !== cols) { colMin = new Float32Array(cols); colMax = new Float32Array(cols); }
  channels.forEach((ch, k) => {
    const top = laneTop + k * laneH;
    const mid = top + laneH / 2;
    ctx.strokeStyle = '#e3e7ec';
    ctx.beginPath(); ctx.moveTo(GUTTER, top + 0.5); ctx.lineTo(GUTTER + plotW, top + 0.5); ctx.stroke();
    ctx.fillStyle = '#1b1f24';
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.fillText(ch.label.slice(0, 12), 6, mid - 7);
    ctx.fillStyle = '#4b5563';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(`±${fmtAmp(ch.half)} ${ch.unit ?? ''}`, 6, mid + 8);
    columnsMinMax(ch.pyramid, ch.raw, v.t0 * ch.fs, v.t1 * ch.fs, colMin, colMax);
    const scale = (laneH / 2 - 2) / ch.half;
    ctx.strokeStyle = '#1b1f24';
    ctx.lineWidth = 1;
    ctx.beginPath();
    const yMin = top + 1;
    const yMax = top + laneH - 1;
    for (let c = 0; c < cols; c++) {
      const mn = colMin[c];
      if (mn !== mn) continue;
      const x = GUTTER + c + 0.5;
      let y0 = mid - (colMax[c] - ch.center) * scale;
      let y1 = mid - (mn - ch.center) * scale;
      if (y0 < yMin) y0 = yMin; if (y1 > yMax) y1 = yMax;
      if (y0 > yMax) y0 = yMax; if (y1 < yMin) y1 = yMin;
      if (y1 - y0 < 1) y1 = y0 + 1;
      ctx.moveTo(x, y0);
      ctx.lineTo(x, y1);
    }
    ctx.stroke();
  });

  if (v.cursorSec !== null && v.cursorSec >= v.t0 && v.cursorSec <= v.t1) {
    ctx.strokeStyle = '#e0a800';
    ctx.lineWidth = 2;
    ctx.beginPath(); ctx.moveTo(xOf(v.cursorSec), laneTop); ctx.lineTo(xOf(v.cursorSec), laneTop + laneH * channels.length); ctx.stroke();
  }

  // Time axis.
  const axisY = cssH - AXIS_H;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, axisY, cssW, AXIS_H);
  ctx.strokeStyle = '#c5ccd6';
  ctx.beginPath(); ctx.moveTo(GUTTER, axisY + 0.5); ctx.lineTo(GUTTER + plotW, axisY + 0.5); ctx.stroke();
  const step = niceStep(span / Math.max(2, plotW / 110));
  ctx.fillStyle = '#4b5563';
  ctx.textAlign = 'center';
  for (let t = Math.ceil(v.t0 / step) * step; t <= v.t1; t += step) {
    const x = xOf(t);
    ctx.fillRect(x, axisY, 1, 5);
    ctx.fillText(step < 1 ? `${formatOffset(t)}.${Math.round((t % 1) * 10)}` : formatOffset(t), x, axisY + 13);
  }
  ctx.textAlign = 'start';
}

function niceStep(raw: number): number {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
  for (const s of steps) if (s >= raw) return s;
  return 7200;
}

function fmtAmp(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2);
}
