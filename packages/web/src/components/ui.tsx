// Small accessible building blocks used across screens.
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '../i18n/index.js';

export function Card({ title, children, actions, id }: { title?: ReactNode; children: ReactNode; actions?: ReactNode; id?: string }) {
  const hid = useId();
  return (
    <section className="card" aria-labelledby={title ? hid : undefined} id={id}>
      {(title || actions) && (
        <div className="card-head">
          {title && <h2 id={hid}>{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** A group of toggle chips (multi or single choice) with a visible legend. */
export function ChipGroup<T extends string | number>({
  legend, options, value, onChange, labelOf, multiple = true,
}: {
  legend: string; options: readonly T[]; value: readonly T[]; onChange: (v: T[]) => void; labelOf: (v: T) => string; multiple?: boolean;
}) {
  return (
    <fieldset className="chips">
      <legend>{legend}</legend>
      <div className="chip-row">
        {options.map((o) => {
          const on = value.includes(o);
          return (
            <button
              key={String(o)}
              type="button"
              className={on ? 'chip on' : 'chip'}
              aria-pressed={on}
              onClick={() => onChange(multiple ? (on ? value.filter((x) => x !== o) : [...value, o]) : on ? [] : [o])}
            >
              {labelOf(o)}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Field({ label, children, hint }: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}

export interface ToastState { message: string; action?: { label: string; run: () => void } }

/** A polite live region for confirmations with an optional action (Undo). Stays 8 s; longer than WCAG's minimum. */
export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const h = window.setTimeout(onClose, 8000);
    return () => window.clearTimeout(h);
  }, [toast, onClose]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <button type="button" className="btn ghost-inverse" onClick={() => { toast.action?.run(); onClose(); }}>
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function useToast() {
  const [toast, setToast] = useState<ToastState | null>(null);
  const close = useCallback(() => setToast(null), []);
  return { toast, show: setToast, close };
}

/** Load data with loading/error states; `reload` re-runs it. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: Error | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [n, setN] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef.current().then(
      (d) => { if (live) { setData(d); setError(null); setLoading(false); } },
      (e: unknown) => { if (live) { setError(e instanceof Error ? e : new Error(String(e))); setLoading(false); } },
    );
    return () => { live = false; };
  }, [...deps, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, loading, reload };
}

export function Loading() {
  return <p className="muted" role="status">{t('app.loading')}</p>;
}

export function ErrorNote({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <div className="note error" role="alert">
      {t('app.error', { message: error.message })}{' '}
      {retry && <button type="button" className="btn small" onClick={retry}>{t('app.retry')}</button>}
    </div>
  );
}

/** Trigger a file download from a same-origin URL (session cookie goes along). */
export async function download(url: string, filename: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
