// Medicines: list with schedule, add a medicine, dose log, side effects, and the safety notes inline.
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { DoseEvent, Insights, Medicine, SafetyAlert, SideEffect } from '../api/types.js';
import { Card, ErrorNote, Field, Loading, useAsync } from '../components/ui.js';
import { newUuid } from '../domain.js';
import { formatDate, formatDateTime, isoWithOffset, localDay, t } from '../i18n/index.js';
import { cached } from '../local/db.js';
import { queueCreate } from '../local/sync.js';
import { useSession } from '../session.js';

export function AlertList({ alerts }: { alerts: SafetyAlert[] }) {
  if (alerts.length === 0) return <p className="muted">{t('meds.noAlerts')}</p>;
  return (
    <ul className="list" data-testid="safety-alerts">
      {alerts.map((a) => {
        const sev = a.severity.toLowerCase();
        const cls = /high|danger|emergency|major|urgent|severe/.test(sev) ? 'danger' : /moderate|warn|caution/.test(sev) ? 'warn' : '';
        // The message usually begins with the title; show the title alone only when it adds something.
        const showTitle = !a.message.startsWith(a.title);
        return (
          <li key={a.id}>
            <div className="entry-head"><strong>{a.medicines.join(', ') || a.title}</strong><span className={`badge ${cls}`}>{a.severity}</span></div>
            {showTitle && <p><strong>{a.title}</strong></p>}
            <p>{a.message}</p>
            {a.sources.length > 0 && <details><summary>{t('learn.sources')}</summary><ul className="hint">{a.sources.map((s) => <li key={s}>{s}</li>)}</ul></details>}
          </li>
        );
      })}
    </ul>
  );
}

export default function Medicines() {
  const { patient } = useSession();
  const pid = patient?.id ?? '';
  const canWrite = patient?.relation !== 'clinician';
  const meds = useAsync(() => cached(`meds:${pid}`, () => api.list<Medicine>(pid, 'medicines')).then((r) => r.value.items), [pid]);
  const since = localDay(new Date(Date.now() - 13 * 86400_000));
  const doses = useAsync(() => api.list<DoseEvent>(pid, 'doses', { from: since }).then((r) => r.items), [pid]);
  const effects = useAsync(() => api.list<SideEffect>(pid, 'side-effects').then((r) => r.items), [pid]);
  const alerts = useAsync(() => cached(`ins:${pid}:alerts`, () => api.insights(pid)).then((r) => (r.value as Insights).safetyAlerts), [pid]);
  const [adding, setAdding] = useState(false);

  const list = (meds.data ?? []).filter((m) => !m.deletedAt);
  const nameOf = (id?: string | null) => list.find((m) => m.id === id)?.name ?? '—';

  return (
    <>
      <div className="row spread"><h1>{t('meds.title')}</h1>
        {canWrite && <button type="button" className="btn primary" onClick={() => setAdding((x) => !x)} aria-expanded={adding}>{t('meds.add')}</button>}</div>
      {adding && <AddMedicine pid={pid} onDone={() => { setAdding(false); meds.reload(); alerts.reload(); }} />}
      <Card title={t('meds.alerts')}>
        {alerts.loading ? <Loading /> : alerts.error ? <ErrorNote error={alerts.error} /> : <AlertList alerts={alerts.data ?? []} />}
      </Card>
      <Card title={t('meds.title')}>
        {meds.loading && <Loading />}
        {meds.error && <ErrorNote error={meds.error} retry={meds.reload} />}
        {list.length === 0 && !meds.loading ? <p className="muted">{t('meds.none')}</p> : (
          <ul className="list">
            {list.map((m) => (
              <li key={m.id}>
                <div className="entry-head"><strong>{m.name} {m.strength}</strong>
                  <span className="entry-meta">{m.schedule.asNeeded ? 'as needed' : m.schedule.timesOfDay.join(', ')}</span></div>
                <p className="entry-meta">{t('meds.start')}: {formatDate(`${m.startDate}T12:00:00`)}{m.stopDate ? ` · ${t('meds.stop')}: ${formatDate(`${m.stopDate}T12:00:00`)}` : ''}{m.reason ? ` · ${m.reason}` : ''}</p>
                {m.doseChanges.length > 0 && <p className="entry-meta">{m.doseChanges.map((c) => `${formatDate(`${c.date}T12:00:00`)}: ${c.strength}`).join(' · ')}</p>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="grid2">
        <Card title={t('meds.doseLog')}>
          {doses.loading ? <Loading /> : (
            <table className="data"><tbody>
              {(doses.data ?? []).slice(0, 20).map((d) => <tr key={d.id}><td>{formatDateTime(d.at)}</td><td>{nameOf(d.medicineId)}</td><td><span className={`badge ${d.status === 'taken' ? 'ok' : 'warn'}`}>{d.status}</span></td></tr>)}
            </tbody></table>
          )}
        </Card>
        <Card title={t('meds.sideEffects')}>
          {canWrite && <AddSideEffect pid={pid} meds={list} onDone={effects.reload} />}
          <ul className="list">
            {(effects.data ?? []).map((s) => <li key={s.id}><strong>{s.description}</strong> <span className="badge warn">{s.severity}</span><p className="entry-meta">{formatDate(s.startAt)} · {nameOf(s.medicineId)}</p></li>)}
          </ul>
        </Card>
      </div>
    </>
  );
}

function AddMedicine({ pid, onDone }: { pid: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [strength, setStrength] = useState('');
  const [times, setTimes] = useState('08:00, 20:00');
  const [start, setStart] = useState(localDay(new Date()));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const timesOfDay = times.split(/[,\s]+/).filter(Boolean);
    if (timesOfDay.some((x) => !/^\d{2}:\d{2}$/.test(x))) { setError('HH:MM, HH:MM'); return; }
    const m = { id: newUuid(), name, strength: strength || undefined, schedule: { asNeeded: timesOfDay.length === 0, timesOfDay }, startDate: start, reason: reason || undefined, doseChanges: [] };
    try { await api.create(pid, 'medicines', m); onDone(); } catch (err) { setError(String((err as Error).message)); }
  }
  return (
    <Card title={t('meds.add')}>
      <form onSubmit={submit} className="form-grid">
        <Field label={t('meds.name')}>{(id) => <input id={id} required value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('meds.strength')}>{(id) => <input id={id} placeholder="500 mg" value={strength} onChange={(e) => setStrength(e.target.value)} />}</Field>
        <Field label={t('meds.times')} hint="08:00, 20:00">{(id) => <input id={id} value={times} onChange={(e) => setTimes(e.target.value)} />}</Field>
        <Field label={t('meds.start')}>{(id) => <input id={id} type="date" required value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
        <Field label={t('meds.reason')}>{(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
        {error && <p className="note error" role="alert">{error}</p>}
        <div><button className="btn primary" type="submit">{t('meds.save')}</button></div>
      </form>
    </Card>
  );
}

function AddSideEffect({ pid, meds, onDone }: { pid: string; meds: Medicine[]; onDone: () => void }) {
  const [description, setDescription] = useState('');
  const [medicineId, setMedicineId] = useState('');
  const [severity, setSeverity] = useState<'mild' | 'moderate' | 'severe'>('mild');
  async function submit(e: FormEvent) {
    e.preventDefault();
    await queueCreate(pid, 'side-effects', { id: newUuid(), description, severity, medicineId: medicineId || undefined, startAt: isoWithOffset(new Date()) } as { id: string });
    setDescription('');
    onDone();
  }
  return (
    <form onSubmit={submit}>
      <Field label={t('meds.addSideEffect')}>{(id) => <input id={id} required value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <div className="row">
        <label className="sr-only" htmlFor="se-med">{t('meds.name')}</label>
        <select id="se-med" value={medicineId} onChange={(e) => setMedicineId(e.target.value)}><option value="">—</option>{meds.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select>
        <label className="sr-only" htmlFor="se-sev">{t('detail.severity')}</label>
        <select id="se-sev" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}><option value="mild">mild</option><option value="moderate">moderate</option><option value="severe">severe</option></select>
        <button className="btn" type="submit">{t('meds.addSideEffect')}</button>
      </div>
    </form>
  );
}
