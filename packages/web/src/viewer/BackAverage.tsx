// Jerk-locked back-averaging of the recording's EEG around the shown events, computed in a worker on demand.
import { useState } from 'react';
import { formatNumber, t } from '../i18n/index.js';
import type { BackAveragePlot, WorkerResponse } from '../worker/protocol.js';

export function BackAverage({ file, eeg, triggersSec }: { file: Blob; eeg: { index: number; label: string }[]; triggersSec: number[] }) {
  const [res, setRes] = useState<BackAveragePlot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  function run() {
    setBusy(true); setError(null);
    const w = new Worker(new URL('../worker/analyse.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const m = ev.data;
      if (m.type === 'backaveraged') { setRes(m.result); setBusy(false); w.terminate(); }
      else if (m.type === 'error') { setError(m.message); setBusy(false); w.terminate(); }
    };
    w.postMessage({ type: 'backaverage', file, channels: eeg.map((c) => c.index), triggersSec });
  }
  if (!res) {
    return (
      <div>
        <p className="hint">{eeg.map((c) => c.label).join(', ')} · {t('view.events', { n: triggersSec.length })}</p>
        <button type="button" className="btn" disabled={busy || triggersSec.length === 0} onClick={run}>{busy ? t('app.loading') : t('view.backAvgRun')}</button>
        {error && <p className="note error" role="alert">{error}</p>}
      </div>
    );
  }
  const W = 320; const H = 70;
  const t0 = res.timesMs[0]; const t1 = res.timesMs[res.timesMs.length - 1];
  const x = (ms: number) => 30 + ((ms - t0) / (t1 - t0)) * (W - 40);
  return (
    <figure style={{ margin: 0 }}>
      {res.channels.map((c) => {
        const m = Math.max(1e-6, ...c.averageUv.map(Math.abs));
        const pts = c.averageUv.map((v, i) => `${x(res.timesMs[i]).toFixed(1)},${(H / 2 - (v / m) * (H / 2 - 4)).toFixed(1)}`).join(' ');
        return (
          <svg key={c.label} viewBox={`0 0 ${W} ${H + 12}`} width="100%" style={{ maxWidth: 640, display: 'block' }} role="img" aria-label={`${c.label}: ±${formatNumber(m, 1)} µV`}>
            <line x1={x(0)} x2={x(0)} y1="0" y2={H} stroke="#b3261e" strokeDasharray="3 3" />
            <line x1="30" x2={W - 10} y1={H / 2} y2={H / 2} stroke="#c5ccd6" />
            <polyline points={pts} fill="none" stroke="#1f4e79" strokeWidth="1.5" />
            <text x="2" y="12" fontSize="9" fill="#1b1f24">{c.label}</text>
            <text x="2" y={H - 2} fontSize="8" fill="#4b5563">±{formatNumber(m, 1)} µV</text>
            <text x={x(t0)} y={H + 10} fontSize="8" fill="#4b5563">{Math.round(t0)} ms</text>
            <text x={x(0)} y={H + 10} fontSize="8" fill="#b3261e" textAnchor="middle">0</text>
            <text x={W - 10} y={H + 10} fontSize="8" fill="#4b5563" textAnchor="end">{Math.round(t1)} ms</text>
          </svg>
        );
      })}
      <figcaption className={res.significant ? 'note ok' : 'note'}>{res.statement} (n = {res.nUsed}/{res.nTriggers})</figcaption>
    </figure>
  );
}
