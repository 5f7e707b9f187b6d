// Recordings: upload to the server (scored there) or analyse on this device in a Web Worker (never uploaded).
import { useEffect, useState } from 'react';
import { api, uploadRecording } from '../api/client.js';
import { getCsrfToken } from '../api/http.js';
import type { Recording } from '../api/types.js';
import { Card, ErrorNote, Loading, useAsync } from '../components/ui.js';
import { formatDateTime, formatNumber, formatOffset, label, t } from '../i18n/index.js';
import { useSession as useSessionSafe } from '../session.js';
import { localSessions, onLocalSessions, startLocalAnalysis } from '../viewer/localSessions.js';
import { IndicesList } from '../viewer/ViewerScreen.js';

export default function Recordings() {
  const { patient } = useSessionSafe();
  const pid = patient?.id ?? '';
  const canUpload = patient?.relation !== 'clinician';
  const list = useAsync(() => api.recordings(pid).then((r) => r.items), [pid]);
  const [upload, setUpload] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [, setTick] = useState(0);

  // Poll while the server is scoring.
  const busy = (list.data ?? []).some((r) => r.job.status === 'queued' || r.job.status === 'running');
  useEffect(() => {
    if (!busy) return;
    const h = window.setInterval(list.reload, 1500);
    return () => window.clearInterval(h);
  }, [busy, list.reload]);

  async function doUpload(file: File) {
    setUploadError(null);
    setUpload(0);
    try {
      await uploadRecording(pid, file, getCsrfToken(), setUpload);
      list.reload();
    } catch (e) { setUploadError((e as Error).message); }
    finally { setUpload(null); }
  }

  useEffect(() => onLocalSessions(() => setTick((x) => x + 1)), []);
  // Fetch the viewer's code while the person chooses a file, so "Open viewer" shows signals at once.
  useEffect(() => { void import('../viewer/ViewerScreen.js'); }, []);

  return (
    <>
      <h1>{t('rec.title')}</h1>
      <div className="grid2">
        {canUpload && (
          <Card title={t('rec.upload')}>
            <p>{t('rec.uploadDesc')}</p>
            <label className="btn primary" htmlFor="upload-file">{t('rec.choose')}</label>
            <input id="upload-file" data-testid="upload-file" className="sr-only" type="file" accept=".edf,.bdf,.csv,.rec" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void doUpload(f); }} />
            {upload !== null && <p role="status">{t('rec.uploading', { pct: Math.round(upload * 100) })}</p>}
            {uploadError && <p className="note error" role="alert">{uploadError}</p>}
          </Card>
        )}
        <Card title={t('rec.local')}>
          <p>{t('rec.localDesc')}</p>
          <label className="btn" htmlFor="local-file">{t('rec.choose')}</label>
          <input id="local-file" data-testid="local-file" className="sr-only" type="file" accept=".edf,.bdf,.rec" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) startLocalAnalysis(f); }} />
        </Card>
      </div>
      {localSessions.size > 0 && (
        <Card title={t('rec.onDevice')}>
          <ul className="list" data-testid="local-results">
            {[...localSessions.values()].map((s) => (
              <li key={s.id}>
                <div className="entry-head"><strong>{s.file.name}</strong>
                  <span className="row">
                    {!s.result && !s.error && <span className="badge warn" role="status">{t('rec.analysing', { pct: Math.round(s.progress * 100) })}</span>}
                    <a className="btn small" href={`#/recordings/${s.id}`} data-testid="open-local">{t('rec.open')}</a>
                  </span></div>
                {s.error && <p className="note error">{s.error}</p>}
                {s.result && (
                  <>
                    <p className="entry-meta">{formatOffset(s.result.recording?.durationSec ?? 0)} · {s.result.legMovements.length} LM · {formatNumber((s.elapsedMs ?? 0) / 1000, 1)} s</p>
                    <IndicesList indices={pick(s.result.indices)} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t('nav.recordings')}>
        {list.loading && !list.data && <Loading />}
        {list.error && <ErrorNote error={list.error} retry={list.reload} />}
        {(list.data ?? []).length === 0 && !list.loading ? <p className="muted">{t('rec.none')}</p> : (
          <ul className="list" data-testid="server-recordings">
            {(list.data ?? []).map((r) => <RecordingRow key={r.id} r={r} />)}
          </ul>
        )}
      </Card>
    </>
  );
}

function RecordingRow({ r }: { r: Recording }) {
  const status = r.job.status;
  return (
    <li>
      <div className="entry-head">
        <strong>{r.filename}</strong>
        <span className="row">
          <span className={`badge ${status === 'done' ? 'ok' : status === 'failed' ? 'danger' : 'warn'}`} data-testid="rec-status">{label('rec.status', status)}</span>
          {r.isDemo && <span className="badge">{t('app.demo')}</span>}
          <a className="btn small" href={`#/recordings/${r.id}`}>{t('rec.open')}</a>
        </span>
      </div>
      <p className="entry-meta">{formatDateTime(r.uploadedAt)} · {r.format} · {formatNumber(r.sizeBytes / 1e6, 1)} MB{r.durationSec ? ` · ${formatOffset(r.durationSec)}` : ''}</p>
      {r.job.error && <p className="note error">{r.job.error.message}</p>}
    </li>
  );
}

function pick(i: Record<string, number | null>): Record<string, number | null> {
  const keys = ['plmsIndex', 'lmIndex', 'clmIndex', 'plmwIndex', 'periodicityIndex'];
  return Object.fromEntries(keys.filter((k) => k in i).map((k) => [k, i[k]]));
}

