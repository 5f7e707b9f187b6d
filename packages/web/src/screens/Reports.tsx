// Reports: date range → PDF for the clinician, CSV of each diary kind, FHIR R4 bundle.
import { useState } from 'react';
import { api } from '../api/client.js';
import { Card, download, Field } from '../components/ui.js';
import { localDay, t } from '../i18n/index.js';
import { useSession } from '../session.js';

const CSV_KINDS = ['episodes', 'medicines', 'doses', 'sleep', 'labs', 'exercise', 'remedies', 'side-effects'];

export default function Reports() {
  const { patient } = useSession();
  const pid = patient?.id ?? '';
  const [from, setFrom] = useState(localDay(new Date(Date.now() - 89 * 86400_000)));
  const [to, setTo] = useState(localDay(new Date()));
  const [kind, setKind] = useState('episodes');
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<void>) => { setError(null); p.catch((e: Error) => setError(e.message)); };
  return (
    <>
      <h1>{t('rep.title')}</h1>
      <Card>
        <p>{t('rep.desc')}</p>
        <div className="form-grid">
          <Field label={t('rep.from')}>{(id) => <input id={id} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />}</Field>
          <Field label={t('rep.to')}>{(id) => <input id={id} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />}</Field>
        </div>
        {error && <p className="note error" role="alert">{error}</p>}
        <div className="row">
          <button type="button" className="btn primary" data-testid="download-pdf" onClick={() => run(download(api.reportUrl(pid, from, to), `myotrace-report-${from}-${to}.pdf`))}>{t('rep.pdf')}</button>
          <button type="button" className="btn" onClick={() => run(download(api.fhirUrl(pid, from, to), `myotrace-fhir-${from}-${to}.json`))}>{t('rep.fhir')}</button>
        </div>
        <div className="row" style={{ marginTop: '1rem' }}>
          <label className="sr-only" htmlFor="csv-kind">CSV</label>
          <select id="csv-kind" value={kind} onChange={(e) => setKind(e.target.value)}>{CSV_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}</select>
          <button type="button" className="btn" onClick={() => run(download(api.csvUrl(pid, kind, from, to), `myotrace-${kind}-${from}-${to}.csv`))}>{t('rep.csv')}</button>
        </div>
      </Card>
    </>
  );
}
