// Interactive signal viewer: pan (drag, arrows), zoom (wheel, +/−), jump between events (N/P), select, and —
// for clinicians — accept, reject, add and move events. Drawing is on a canvas, one requestAnimationFrame per change.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatOffset, t } from '../i18n/index.js';
import { drawViewer, GUTTER, HYPNO_H, type ViewState } from './draw.js';
import { neighbourEvent, type ViewEvent, type ViewerModel } from './model.js';

export type EditOp =
  | { op: 'accept' | 'reject'; eventId: string }
  | { op: 'add'; kind: ViewEvent['kind']; side: ViewEvent['side']; onsetSec: number; durationSec: number }
  | { op: 'move'; eventId: string; onsetSec: number; durationSec: number };

const MIN_SPAN = 2;
const firstDrawn = new WeakSet<ViewerModel>();
const RAW_MAX_SPAN = 600; // fetch raw samples for windows up to 10 min; wider views use the pyramid only

export function Viewer({ model, events, onEdit, version }: { model: ViewerModel; events: ViewEvent[]; onEdit?: (e: EditOp[]) => void; version: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const dur = model.header.durationSec;
  const [view, setView] = useState<ViewState>({ t0: 0, t1: Math.min(dur, 30), selectedId: null, cursorSec: null });
  const [gains, setGains] = useState(0);
  const frame = useRef(0);
  const drag = useRef<{ x: number; t0: number; t1: number; moved: boolean } | null>(null);
  const rawReq = useRef(0);

  const paint = useCallback(() => {
    const c = canvasRef.current;
    const wrap = wrapRef.current;
    if (!c || !wrap) return;
    performance.mark('viewer-frame-start');
    const dpr = window.devicePixelRatio || 1;
    const w = wrap.clientWidth;
    const h = Math.max(260, Math.min(window.innerHeight - 260, 70 + model.channels.length * 90));
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr); c.height = Math.round(h * dpr);
      c.style.height = `${h}px`;
    }
    const ctx = c.getContext('2d');
    if (ctx) drawViewer(ctx, w, h, dpr, model.channels, events, model.hypnogram, dur, view);
    performance.mark('viewer-frame-end');
    performance.measure('viewer-frame', 'viewer-frame-start', 'viewer-frame-end');
    if (!firstDrawn.has(model)) {
      firstDrawn.add(model);
      performance.mark('viewer-first-frame');
    }
  }, [model, events, view, dur]);
  // Changes from outside a frame (resize, raw samples arriving) are coalesced into the next animation frame.
  const redraw = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(paint);
  }, [paint]);

  // View changes (pan, zoom, selection) paint synchronously after React commits, in the same frame as the input.
  useLayoutEffect(() => {
    cancelAnimationFrame(frame.current);
    paint();
  }, [paint, gains, version]);
  useEffect(() => {
    const ro = new ResizeObserver(() => redraw());
    if (wrapRef.current) ro.observe(wrapRef.current);
    return () => ro.disconnect();
  }, [redraw]);

  // Fetch raw samples around the window when zoomed in enough, then redraw.
  useEffect(() => {
    const span = view.t1 - view.t0;
    if (span > RAW_MAX_SPAN) return;
    const need = model.channels.some((ch) => !ch.raw || view.t0 * ch.fs < ch.raw.start || view.t1 * ch.fs > ch.raw.start + ch.raw.data.length);
    if (!need) return;
    const id = ++rawReq.current;
    const from = Math.max(0, view.t0 - span);
    const to = Math.min(dur, view.t1 + span);
    const h = window.setTimeout(() => {
      void model.readRaw(model.channels.map((c) => c.index), from, to).then((arrs) => {
        if (id !== rawReq.current) return;
        model.channels.forEach((ch, i) => { ch.raw = { start: Math.round(from * ch.fs), data: arrs[i] }; });
        redraw();
      }).catch(() => undefined);
    }, 60);
    return () => window.clearTimeout(h);
  }, [view.t0, view.t1, model, dur, redraw]);

  const setWindow = (t0: number, t1: number, extra: Partial<ViewState> = {}) => {
    let span = Math.max(MIN_SPAN, Math.min(dur, t1 - t0));
    let a = t0;
    if (a < 0) a = 0;
    if (a + span > dur) a = Math.max(0, dur - span);
    span = Math.min(span, dur);
    setView((v) => ({ ...v, ...extra, t0: a, t1: a + span }));
  };
  const pan = (frac: number) => { const s = view.t1 - view.t0; setWindow(view.t0 + frac * s, view.t1 + frac * s); };
  const zoom = (factor: number, at = (view.t0 + view.t1) / 2) => {
    const s = (view.t1 - view.t0) * factor;
    const r = (at - view.t0) / (view.t1 - view.t0);
    setWindow(at - r * s, at - r * s + s);
  };
  const selected = events.find((e) => e.id === view.selectedId) ?? null;
  const jump = (dir: 1 | -1) => {
    const ref = selected ? selected.onsetSec : dir === 1 ? view.t0 : view.t1;
    const e = neighbourEvent(events, ref, dir);
    if (!e) return;
    const s = view.t1 - view.t0;
    setWindow(e.onsetSec + e.durationSec / 2 - s / 2, e.onsetSec + e.durationSec / 2 + s / 2, { selectedId: e.id });
  };
  const edit = (ops: EditOp[]) => onEdit?.(ops);

  const onKey = (e: React.KeyboardEvent) => {
    const k = e.key;
    if (k === 'ArrowRight') pan(e.shiftKey ? 1 : 0.25);
    else if (k === 'ArrowLeft') pan(e.shiftKey ? -1 : -0.25);
    else if (k === '+' || k === '=') zoom(0.5);
    else if (k === '-' || k === '_') zoom(2);
    else if (k === 'n' || k === 'N') jump(1);
    else if (k === 'p' || k === 'P') jump(-1);
    else if ((k === 'a' || k === 'A') && selected) edit([{ op: 'accept', eventId: selected.id }]);
    else if ((k === 'r' || k === 'R' || k === 'Delete') && selected) edit([{ op: 'reject', eventId: selected.id }]);
    else if (k === 'Home') setWindow(0, view.t1 - view.t0);
    else if (k === 'End') setWindow(dur - (view.t1 - view.t0), dur);
    else return;
    e.preventDefault();
  };

  const timeAt = (clientX: number) => {
    const r = canvasRef.current?.getBoundingClientRect();
    if (!r) return view.t0;
    return view.t0 + ((clientX - r.left - GUTTER) / (r.width - GUTTER)) * (view.t1 - view.t0);
  };

  const onPointerDown = (e: React.PointerEvent) => {
    const r = canvasRef.current?.getBoundingClientRect();
    if (r && e.clientY - r.top < HYPNO_H + 2) {
      // Click on the overview strip: centre the window there.
      const tt = ((e.clientX - r.left - GUTTER) / (r.width - GUTTER)) * dur;
      const s = view.t1 - view.t0;
      setWindow(tt - s / 2, tt + s / 2);
      return;
    }
    (e.target as Element).setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, t0: view.t0, t1: view.t1, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const r = canvasRef.current?.getBoundingClientRect();
    if (!r) return;
    const dx = e.clientX - d.x;
    if (Math.abs(dx) > 3) d.moved = true;
    const dt = (-dx / (r.width - GUTTER)) * (d.t1 - d.t0);
    setWindow(d.t0 + dt, d.t1 + dt);
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) {
      const tt = timeAt(e.clientX);
      const hit = events.find((ev) => tt >= ev.onsetSec && tt <= ev.onsetSec + ev.durationSec);
      setView((v) => ({ ...v, selectedId: hit?.id ?? null, cursorSec: hit ? null : tt }));
    }
  };
  const onWheel = (e: React.WheelEvent) => {
    if (e.ctrlKey || Math.abs(e.deltaY) > Math.abs(e.deltaX)) zoom(e.deltaY > 0 ? 1.25 : 0.8, timeAt(e.clientX));
    else pan(e.deltaX / 500);
  };

  const span = view.t1 - view.t0;
  const active = events.filter((e) => e.status !== 'rejected');
  return (
    <div className="viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('view.title')}>
        <button type="button" className="btn small" onClick={() => jump(-1)} aria-label={t('view.prevEvent')}>‹ P</button>
        <button type="button" className="btn small" onClick={() => jump(1)} data-testid="next-event" aria-label={t('view.nextEvent')}>N ›</button>
        <button type="button" className="btn small" onClick={() => pan(-0.5)} aria-label="←">←</button>
        <button type="button" className="btn small" onClick={() => pan(0.5)} aria-label="→">→</button>
        <button type="button" className="btn small" onClick={() => zoom(0.5)} aria-label={t('view.zoomIn')}>+</button>
        <button type="button" className="btn small" onClick={() => zoom(2)} aria-label={t('view.zoomOut')}>−</button>
        <button type="button" className="btn small" onClick={() => setWindow(0, dur)} aria-label={t('view.whole')}>⇔ {formatOffset(dur)}</button>
        <span className="muted" aria-live="polite">{t('view.window', { s: `${formatOffset(view.t0)} – ${formatOffset(view.t1)} (${span < 120 ? `${span.toFixed(0)} s` : `${(span / 60).toFixed(0)} min`})` })} · {t('view.events', { n: active.length })}</span>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas region takes keyboard shortcuts */}
      <div ref={wrapRef} className="viewer-canvas-wrap" tabIndex={0} role="application" aria-label={`${t('view.title')}. ${t('view.shortcuts')}`}
        onKeyDown={onKey} data-testid="viewer">
        <canvas ref={canvasRef} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onWheel={onWheel} />
      </div>
      <p className="hint">{t('view.shortcuts')}</p>
      <div className="row">
        {model.channels.map((ch) => (
          <span key={ch.index} className="row" style={{ gap: '0.2rem', border: '1px solid var(--line)', borderRadius: 8, padding: '0 0.3rem' }}>
            <span>{ch.label}</span>
            <button type="button" className="btn small" aria-label={`${t('view.gain')} ${ch.label} +`} onClick={() => { ch.half /= 2; setGains((g) => g + 1); }}>+</button>
            <button type="button" className="btn small" aria-label={`${t('view.gain')} ${ch.label} −`} onClick={() => { ch.half *= 2; setGains((g) => g + 1); }}>−</button>
          </span>
        ))}
      </div>
      {onEdit && (
        <div className="card" aria-live="polite">
          {selected ? (
            <>
              <p data-testid="selected-event">{t('view.selected', { kind: `${selected.isPlm ? 'PLM' : selected.kind.toUpperCase()} ${selected.side ?? ''} · ${selected.status}`, t: formatOffset(selected.onsetSec), d: selected.durationSec.toFixed(1) })}</p>
              <div className="row">
                <button type="button" className="btn small" onClick={() => edit([{ op: 'accept', eventId: selected.id }])}>{t('view.accept')} (A)</button>
                <button type="button" className="btn small danger" data-testid="reject-event" onClick={() => edit([{ op: 'reject', eventId: selected.id }])}>{t('view.reject')} (R)</button>
                <button type="button" className="btn small" onClick={() => edit([{ op: 'move', eventId: selected.id, onsetSec: Math.max(0, selected.onsetSec - 0.5), durationSec: selected.durationSec }])}>{t('view.moveLeft')}</button>
                <button type="button" className="btn small" onClick={() => edit([{ op: 'move', eventId: selected.id, onsetSec: selected.onsetSec + 0.5, durationSec: selected.durationSec }])}>{t('view.moveRight')}</button>
              </div>
            </>
          ) : (
            <button type="button" className="btn small" disabled={view.cursorSec === null}
              onClick={() => view.cursorSec !== null && edit([{ op: 'add', kind: 'lm', side: 'left', onsetSec: view.cursorSec, durationSec: 1 }])}>
              {t('view.add')}{view.cursorSec !== null ? ` (${formatOffset(view.cursorSec)})` : ''}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
