// Today: the two-tap "Log a jerk" button (saved at once on the device), optional details with undo,
// today's count, medicine doses due with one-tap "taken", and a carer's "log for someone else" switch.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { DoseEvent, ListResult, Medicine } from '../api/types.js';
import { Card, Toast, useToast } from '../components/ui.js';
import { type EpisodeInput, newUuid, type Polarity } from '../domain.js';
import { formatTime, isoWithOffset, label, localDay, t } from '../i18n/index.js';
import { cached, db, getPref, setPref } from '../local/db.js';
import { useLiveQuery } from '../local/live.js';
import { deleteEpisode, pullEpisodes, queueCreate, saveEpisodeEdit, saveNewEpisode } from '../local/sync.js';
import { useSession } from '../session.js';
import { EpisodeDetails } from './EpisodeDetails.js';

interface Defaults { polarity: Polarity }

export function Today() {
  const { me, patient, setPatientId } = useSession();
  const { toast, show, close } = useToast();
  const [current, setCurrent] = useState<EpisodeInput | null>(null);
  const [forOther, setForOther] = useState(false);
  const defaults = useRef<Defaults>({ polarity: 'positive' });
  const detailsRef = useRef<HTMLDivElement>(null);

  useEffect(() => { void getPref<Defaults>('episodeDefaults', { polarity: 'positive' }).then((d) => { defaults.current = d; }); }, []);

  const pid = patient?.id ?? null;
  const today = localDay(new Date());
  const todays = useLiveQuery(
    async () => {
      if (!pid) return [];
      const rows = await db.episodes.where('patientId').equals(pid).toArray();
      return rows.filter((e) => e.syncState !== 'deleted' && !e.deletedAt && localDay(new Date(e.startAt)) === today).sort((a, b) => b.startAt.localeCompare(a.startAt));
    },
    [pid, today],
    [],
  );
  useEffect(() => {
    if (!pid) return;
    const week = new Date(Date.now() - 6 * 86400_000);
    void pullEpisodes(pid, localDay(week), today).catch(() => undefined);
  }, [pid, today]);
  const count = todays.reduce((s, e) => s + (e.count ?? 1), 0);

  const writable = me?.patients.filter((p) => p.relation === 'self' || p.relation === 'carer') ?? [];
  const others = writable.filter((p) => p.relation !== 'self');

  const log = useCallback(async () => {
    if (!pid) return;
    const e: EpisodeInput = {
      id: newUuid(), startAt: isoWithOffset(new Date()), count: 1, bodySites: [], polarity: defaults.current.polarity,
      triggers: [], impact: [], recordedFor: patient?.relation === 'self' ? 'self' : 'someone-else',
    };
    await saveNewEpisode(pid, e);
    setCurrent(e);
    show({
      message: t('today.saved', { time: formatTime(new Date()) }),
      action: { label: t('today.undo'), run: () => void undo(pid, e.id) },
    });
  }, [pid, patient, show]);

  async function undo(p: string, id: string) {
    await deleteEpisode(p, id);
    setCurrent((c) => (c?.id === id ? null : c));
    show({ message: t('today.undone') });
  }

  const change = (e: EpisodeInput) => {
    if (!pid) return;
    setCurrent(e);
    if (e.polarity !== defaults.current.polarity) {
      defaults.current = { polarity: e.polarity };
      void setPref('episodeDefaults', defaults.current);
    }
    void saveEpisodeEdit(pid, e);
  };

  if (!pid) {
    return <p className="note">{me?.user.role === 'clinician' ? <a href="#/patients">{t('nav.patients')}</a> : t('app.loading')}</p>;
  }

  return (
    <>
      <h1>{t('today.title')}</h1>
      {others.length > 0 && (
        <div className="card switch-row">
          <label className="check">
            <input type="checkbox" checked={forOther || patient?.relation !== 'self'} onChange={(e) => {
              setForOther(e.target.checked);
              const target = e.target.checked ? others[0] : writable.find((p) => p.relation === 'self');
              if (target) setPatientId(target.id);
            }} />
            {t('today.forSomeoneElse')}
          </label>
          {patient?.relation !== 'self' && (
            <label className="row">{t('today.forWhom')}
              <select value={pid} onChange={(e) => setPatientId(e.target.value)}>
                {others.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
          )}
        </div>
      )}
      <div className="today-top">
        <button type="button" className="log-button" onClick={() => void log()} data-testid="log-jerk">
          {patient?.relation === 'self' ? t('today.log') : t('today.logFor', { name: patient?.name ?? '' })}
          <small>{t('today.logHint')}</small>
        </button>
        <Card title={t('today.count')}>
          <div className="count-card">
            <span className="stat" data-testid="today-count" aria-live="polite">{t('today.countValue', { n: count })}</span>
          </div>
        </Card>
      </div>
      {current && (
        <div ref={detailsRef}>
          <Card title={t('today.addDetails')} actions={<button type="button" className="btn primary small" onClick={() => setCurrent(null)}>{t('today.done')}</button>}>
            <EpisodeDetails value={current} onChange={change} />
            <div className="row"><button type="button" className="btn primary" onClick={() => setCurrent(null)}>{t('today.done')}</button>
              <button type="button" className="btn danger" onClick={() => void undo(pid, current.id)}>{t('today.undo')}</button></div>
          </Card>
        </div>
      )}
      <div className="grid2">
        <DosesDue pid={pid} canWrite={patient?.relation !== 'clinician'} />
        <Card title={t('today.recent')}>
          {todays.length === 0 ? <p className="muted">{t('today.none')}</p> : (
            <ul className="list">
              {todays.slice(0, 8).map((e) => (
                <li key={e.id} className="entry-head">
                  <span><strong>{formatTime(e.startAt)}</strong>{(e.count ?? 1) > 1 ? ` · ${t('diary.jerks', { n: e.count ?? 1 })}` : ''} · {e.bodySites.map((s) => label('site', s)).join(', ') || label('polarity', e.polarity)}</span>
                  {e.syncState !== 'synced' && <span className="badge warn">{t('diary.pending')}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Toast toast={toast} onClose={close} />
    </>
  );
}

function DosesDue({ pid, canWrite }: { pid: string; canWrite: boolean }) {
  const today = localDay(new Date());
  const [meds, setMeds] = useState<Medicine[]>([]);
  const [doses, setDoses] = useState<DoseEvent[]>([]);
  useEffect(() => {
    let live = true;
    void cached(`meds:${pid}`, () => api.list<Medicine>(pid, 'medicines')).then((r) => live && setMeds((r.value as ListResult<Medicine>).items)).catch(() => undefined);
    void cached(`doses:${pid}:${today}`, () => api.list<DoseEvent>(pid, 'doses', { from: today, to: today })).then((r) => live && setDoses((r.value as ListResult<DoseEvent>).items)).catch(() => undefined);
    return () => { live = false; };
  }, [pid, today]);

  const weekday = ((new Date().getDay() + 6) % 7) + 1;
  const due = meds
    .filter((m) => !m.deletedAt && !m.schedule.asNeeded && m.startDate <= today && (!m.stopDate || m.stopDate >= today))
    .filter((m) => !m.schedule.daysOfWeek?.length || m.schedule.daysOfWeek.includes(weekday))
    .flatMap((m) => m.schedule.timesOfDay.map((time) => ({ m, time })))
    .sort((a, b) => a.time.localeCompare(b.time));

  async function take(m: Medicine, time: string) {
    const [h, mi] = time.split(':').map(Number);
    const sched = new Date(); sched.setHours(h, mi, 0, 0);
    const dose: DoseEvent = { id: newUuid(), medicineId: m.id, scheduledAt: isoWithOffset(sched), at: isoWithOffset(new Date()), status: 'taken' };
    setDoses((d) => [...d, dose]);
    await queueCreate(pid, 'doses', dose);
  }

  return (
    <Card title={t('today.dosesDue')}>
      {due.length === 0 ? <p className="muted">{t('today.noDoses')}</p> : (
        <ul className="list">
          {due.map(({ m, time }) => {
            const taken = doses.find((d) => d.medicineId === m.id && d.scheduledAt && formatHm(d.scheduledAt) === time);
            return (
              <li key={`${m.id}-${time}`} className="dose">
                <span><strong>{time}</strong> {m.name} {m.strength ?? ''}</span>
                {taken ? <span className="badge ok">{t('today.takenAt', { time: formatTime(taken.at) })}</span>
                  : canWrite && <button type="button" className="btn small" onClick={() => void take(m, time)}>{t('today.taken')}</button>}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function formatHm(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
