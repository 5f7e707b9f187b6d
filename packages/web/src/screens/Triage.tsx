// Triage questionnaire rendered from the knowledge package's question data; the result shows red flags first
// and most prominently, then compatible kinds with reasons, whom to see and tests to discuss. On the device.
// Medication check: the medicines of the diary checked by the server (knowledge package rules), shown inline.
import { triage, type TriageAnswers, type TriageQuestion, type TriageResult, triageQuestions } from '@myotrace/knowledge';
import { useState } from 'react';
import { api } from '../api/client.js';
import { Card, ErrorNote, Loading, useAsync } from '../components/ui.js';
import { type MessageKey, t } from '../i18n/index.js';
import { cached } from '../local/db.js';
import { useSession } from '../session.js';
import { AlertList } from './Medicines.js';

export function Triage() {
  const [answers, setAnswers] = useState<TriageAnswers>({});
  const [result, setResult] = useState<TriageResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (q: TriageQuestion, v: string | string[] | undefined) => setAnswers((a) => ({ ...a, [q.id]: v }));

  function run() {
    try { setResult(triage(answers)); setError(null); window.scrollTo({ top: 0 }); } catch (e) { setError((e as Error).message); }
  }

  return (
    <>
      <a href="#/learn" className="btn small">‹ {t('learn.back')}</a>
      <h1 style={{ marginTop: '0.75rem' }}>{t('learn.triage')}</h1>
      {result && <TriageOutcome r={result} />}
      <Card>
        <p>{t('learn.triageIntro')}</p>
        <form onSubmit={(e) => { e.preventDefault(); run(); }}>
          {triageQuestions.map((q) => <Question key={q.id} q={q} value={answers[q.id]} onChange={(v) => set(q, v)} />)}
          {error && <p className="note error" role="alert">{error}</p>}
          <button type="submit" className="btn primary">{t('learn.triageRun')}</button>
        </form>
      </Card>
    </>
  );
}

function Question({ q, value, onChange }: { q: TriageQuestion; value: string | readonly string[] | undefined; onChange: (v: string | string[] | undefined) => void }) {
  if (q.kind === 'text-list') {
    const text = Array.isArray(value) ? value.join(', ') : '';
    return (
      <div className="field">
        <label htmlFor={`tq-${q.id}`}>{q.label.text}</label>
        <input id={`tq-${q.id}`} value={text} onChange={(e) => onChange(e.target.value ? e.target.value.split(',').map((s) => s.trim()) : undefined)} />
        {q.help && <p className="hint">{q.help.text}</p>}
      </div>
    );
  }
  const selected = typeof value === 'string' ? [value] : Array.isArray(value) ? [...value] : [];
  return (
    <fieldset className="chips">
      <legend>{q.label.text}</legend>
      {q.help && <p className="hint">{q.help.text}</p>}
      <div className="chip-row">
        {q.options.map((o) => {
          const on = selected.includes(o.value);
          return (
            <button key={o.value} type="button" className={on ? 'chip on' : 'chip'} aria-pressed={on} onClick={() => {
              if (q.kind === 'single') onChange(on ? undefined : o.value);
              else {
                let next = on ? selected.filter((x) => x !== o.value) : [...selected, o.value];
                if (q.exclusive) next = o.value === q.exclusive && !on ? [o.value] : next.filter((x) => x !== q.exclusive || o.value === q.exclusive);
                onChange(next.length ? next : undefined);
              }
            }}>{o.label.text}</button>
          );
        })}
      </div>
    </fieldset>
  );
}

function TriageOutcome({ r }: { r: TriageResult }) {
  return (
    <div aria-live="polite" data-testid="triage-result">
      {r.redFlags.length > 0 && (
        <section className="redflag" role="alert" aria-labelledby="rf-h">
          <h2 id="rf-h">⚠ {t('learn.redFlags')}</h2>
          {r.redFlags.map((f) => (
            <div key={f.id}>
              <p><strong>{t(`learn.urgency.${f.urgency}` as MessageKey)}</strong></p>
              <p>{f.text.text}</p>
              <p><strong>{f.action.text}</strong></p>
              <p className="hint">{f.sources.map((s) => <a key={s.id} href={s.url} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}>{s.citation.split('.')[0]}</a>)}</p>
            </div>
          ))}
        </section>
      )}
      <Card title={t('learn.compatible')}>
        {r.compatibleTypes.length === 0 ? <p className="muted">—</p> : (
          <ul className="list">{r.compatibleTypes.map((m) => (
            <li key={m.ruleId}><a href={`#/learn/entry/${m.entryId}`}><strong>{m.name}</strong></a>
              <ul>{m.reasons.map((x) => <li key={x.key}>{x.text}</li>)}</ul></li>
          ))}</ul>
        )}
      </Card>
      <div className="grid2">
        <Card title={t('learn.specialist')}>
          <ul className="list">{r.specialists.map((s) => <li key={s.entryId}><a href={`#/learn/entry/${s.entryId}`}><strong>{s.name}</strong></a><p className="entry-meta">{s.reason.text}</p></li>)}</ul>
        </Card>
        <Card title={t('learn.tests')}>
          <ul className="list">{r.tests.map((x) => <li key={x.entryId}><a href={`#/learn/entry/${x.entryId}`}>{x.name}</a></li>)}</ul>
        </Card>
      </div>
      <p className="note">{r.disclaimer.text}</p>
    </div>
  );
}

export function MedicationCheck() {
  const { patient } = useSession();
  const pid = patient?.id ?? '';
  const alerts = useAsync(() => cached(`ins:${pid}:alerts`, () => api.insights(pid)).then((r) => r.value.safetyAlerts), [pid]);
  return (
    <>
      <a href="#/learn" className="btn small">‹ {t('learn.back')}</a>
      <h1 style={{ marginTop: '0.75rem' }}>{t('learn.medCheck')}</h1>
      <Card>
        <p>{t('learn.medCheckIntro')} <a href="#/medicines">{t('nav.medicines')}</a></p>
        {alerts.loading ? <Loading /> : alerts.error ? <ErrorNote error={alerts.error} retry={alerts.reload} /> : <AlertList alerts={alerts.data ?? []} />}
      </Card>
    </>
  );
}
