// Viewer screen: a recording analysed on this device (File in memory) or one stored on the server.
import { writeAnnotationEdf } from '@myotrace/edf';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { Indices, ScoreResult, ScoredEvent } from '../api/types.js';
import { Card, download, ErrorNote, Loading } from '../components/ui.js';
import { formatNumber, label, t } from '../i18n/index.js';
import { rescoreEdited } from '../lib/detect.js';
import { useSession } from '../session.js';
import { BackAverage } from './BackAverage.js';
import { Histogram } from './Histogram.js';
import { loadModel } from './load.js';
import { localSessions, onLocalSessions } from './localSessions.js';
import { eventsFromScore, type ViewEvent, type ViewerModel } from './model.js';
import { type EditOp, Viewer } from './Viewer.js';

export default function ViewerScreen({ id }: { id: string }) {
  const { patient } = useSession();
  const pid = patient?.id ?? '';
  const local = id.startsWith('local-') ? localSessions.get(id) ?? null : null;
  const [model, setModel] = useState<ViewerModel | null>(null);
  const [events, setEvents] = useState<ViewEvent[]>([]);
  const [indices, setIndices] = useState<Record<string, number | null> | null>(null);
  const [localResult, setLocalResult] = useState<ScoreResult | null>(local?.result ?? null);
  const [error, setError] = useState<Error | null>(null);
  const [pyramid, setPyramid] = useState(0);
  const [title, setTitle] = useState(local?.file.name ?? '');
  const [tick, setTick] = useState(0);
  const [blob, setBlob] = useState<Blob | null>(null);
  const eeg = (model?.header.signals ?? []).filter((x) => /eeg|^c[34]|^f[34z]|^p[34z]|^o[12]|^cz|^fz|^pz/i.test(x.label)).slice(0, 4).map((x) => ({ index: x.index, label: x.label }));

  useEffect(() => {
    let stop = () => {};
    let live = true;
    (async () => {
      let blob: Blob;
      if (id.startsWith('local-')) {
        if (!local) throw new Error('This recording was analysed in another session; choose the file again.');
        blob = local.file;
        if (local.result) { setEvents(eventsFromScore(local.result.legMovements)); setIndices(local.result.indices); }
      } else {
        const [rec, ev] = await Promise.all([api.recording(pid, id), api.events(pid, id).catch(() => null)]);
        setTitle(rec.filename);
        if (ev) { setEvents(ev.events.map(fromServer)); setIndices(serverIndices(ev.indices)); }
        const res = await fetch(api.fileUrl(pid, id), { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        blob = await res.blob();
      }
      setBlob(blob);
      const loaded = await loadModel(blob, (f) => live && setPyramid(f), () => live && setTick((x) => x + 1));
      stop = loaded.stop;
      if (live) setModel(loaded.model);
    })().catch((e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))));
    return () => { live = false; stop(); };
  }, [id, pid, local]);

  // On-device scoring may still be running when the viewer opens: overlay its events when it finishes.
  useEffect(() => {
    if (!local) return;
    return onLocalSessions(() => {
      if (local.result && !localResult) {
        setLocalResult(local.result);
        setEvents(eventsFromScore(local.result.legMovements));
        setIndices(local.result.indices);
      }
      setTick((x) => x + 1);
    });
  }, [local, localResult]);

  // On the device anyone may correct their own copy; on the server the policy allows owners and clinicians.
  const canEdit = local !== null || patient?.relation === 'clinician' || patient?.relation === 'self';

  async function onEdit(ops: EditOp[]) {
    if (local && localResult) {
      const next = applyLocal(events, ops);
      const stages = (model?.hypnogram ?? []).map((h) => ({ onsetSec: h.onset, durationSec: h.duration, stage: h.stage === '?' ? null : h.stage }));
      const kept = next.filter((e) => e.status !== 'rejected');
      const rescored = rescoreEdited(localResult, kept, stages);
      // Keep the person's statuses; take periodicity from the re-applied rules.
      const periodic = new Set(rescored.legMovements.filter((m) => m.periodic).map((m) => m.onset.toFixed(3)));
      setEvents(next.map((e) => ({ ...e, isPlm: e.status !== 'rejected' && periodic.has(e.onsetSec.toFixed(3)) })));
      setIndices(rescored.indices);
      setLocalResult({ ...localResult, indices: rescored.indices });
      return;
    }
    try {
      const r = await api.editEvents(pid, id, ops);
      setEvents(r.events.map(fromServer));
      setIndices(serverIndices(r.indices));
    } catch (e) { setError(e as Error); }
  }

  async function exportEdf() {
    if (!local) { await download(api.annotationsUrl(pid, id), `${title || id}-events.edf`); return; }
    const start = model?.header.startTime ?? '2000-01-01T00:00:00';
    const bytes = writeAnnotationEdf({
      startTime: start,
      annotations: events.filter((e) => e.status !== 'rejected').map((e) => ({ onset: e.onsetSec, duration: e.durationSec, text: e.isPlm ? `PLM ${e.side ?? ''}`.trim() : `LM ${e.side ?? ''}`.trim() })),
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    a.download = `${local.file.name.replace(/\.[^.]+$/, '')}-events.edf`;
    a.click();
  }

  const durations = useMemo(() => events.filter((e) => e.status !== 'rejected').map((e) => e.durationSec), [events]);
  const imis = useMemo(() => {
    const on = events.filter((e) => e.status !== 'rejected').map((e) => e.onsetSec).sort((a, b) => a - b);
    return on.slice(1).map((x, i) => x - on[i]).filter((x) => x <= 120);
  }, [events]);

  return (
    <>
      <div className="row spread">
        <h1>{title || t('view.title')}</h1>
        {local && <span className="badge ok">{t('rec.onDevice')}</span>}
        {local && !local.result && !local.error && <span className="badge warn" role="status">{t('rec.analysing', { pct: Math.round(local.progress * 100) })}</span>}
        {local?.error && <span className="note error">{local.error}</span>}
      </div>
      {error && <ErrorNote error={error} />}
      {indices && (
        <Card title={t('rec.indices')}>
          <IndicesList indices={indices} />
        </Card>
      )}
      {!model && !error && <Loading />}
      {model && (
        <Card>
          <Viewer model={model} events={events} onEdit={canEdit ? (ops) => void onEdit(ops) : undefined} version={Math.round(pyramid * 100) + tick * 1000} />
          {pyramid < 1 && <p className="hint" role="status">Overview {formatNumber(100 * pyramid, 0)}%</p>}
          <div className="row" style={{ marginTop: '0.5rem' }}>
            <button type="button" className="btn" onClick={() => void exportEdf()} data-testid="export-edf">{t('view.export')}</button>
          </div>
        </Card>
      )}
      {events.length > 0 && (
        <div className="grid2">
          <Card title={t('view.bursts')}><Histogram values={durations} binWidth={0.5} max={15} unit="s" /></Card>
          <Card title={t('view.imi')}><Histogram values={imis} binWidth={5} max={120} unit="s" /></Card>
        </div>
      )}
      {blob && eeg.length > 0 && events.length > 0 && (
        <Card title={t('view.backAvg')}>
          <BackAverage file={blob} eeg={eeg} triggersSec={events.filter((e) => e.status !== 'rejected').map((e) => e.onsetSec)} />
        </Card>
      )}
    </>
  );
}

export function IndicesList({ indices }: { indices: Record<string, number | null> }) {
  const keys = Object.keys(indices).filter((k) => indices[k] !== undefined);
  return (
    <dl className="kv" data-testid="indices">
      {keys.map((k) => {
        const v = indices[k];
        const isIndex = /Index$/.test(k);
        return (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{label('idx', k)}</dt>
            <dd data-testid={`idx-${k}`}>{v == null ? '–' : isIndex ? t('idx.perHour', { v: formatNumber(v, 1) }) : formatNumber(v, 1)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

function fromServer(e: ScoredEvent): ViewEvent {
  return { ...e };
}

function serverIndices(i: Indices): Record<string, number | null> {
  return { plmsIndex: i.plmsIndex, lmIndex: i.lmIndex, plmIndex: i.plmIndex, lmCount: i.lmCount, plmCount: i.plmCount, sleepHours: i.sleepHours, durationHours: i.durationHours };
}

function applyLocal(events: ViewEvent[], ops: EditOp[]): ViewEvent[] {
  let out = events.slice();
  for (const op of ops) {
    if (op.op === 'add') out.push({ id: `add-${Date.now()}-${out.length}`, kind: op.kind, side: op.side, onsetSec: op.onsetSec, durationSec: op.durationSec, status: 'added', isPlm: false });
    else out = out.map((e) => e.id !== op.eventId ? e : op.op === 'move' ? { ...e, onsetSec: op.onsetSec, durationSec: op.durationSec, status: 'moved' } : { ...e, status: op.op === 'accept' ? 'accepted' : 'rejected' });
  }
  return out.sort((a, b) => a.onsetSec - b.onsetSec);
}
