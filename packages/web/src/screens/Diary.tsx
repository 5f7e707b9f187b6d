// Diary: list and month calendar of jerk episodes (the local copy, merged with the server's), edit, delete with
// undo, and visible sync conflicts with a choice of which version to keep.
import { useEffect, useMemo, useState } from 'react';
import { Card, Toast, useToast } from '../components/ui.js';
import type { EpisodeInput } from '../domain.js';
import { formatDate, formatTime, label, localDay, t } from '../i18n/index.js';
import { db, type LocalEpisode } from '../local/db.js';
import { useLiveQuery } from '../local/live.js';
import { deleteEpisode, pullEpisodes, resolveConflict, saveEpisodeEdit, stripMeta } from '../local/sync.js';
import { useSession } from '../session.js';
import { EpisodeDetails } from './EpisodeDetails.js';

export default function Diary() {
  const { patient } = useSession();
  const pid = patient?.id ?? '';
  const canWrite = patient?.relation !== 'clinician';
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [month, setMonth] = useState(() => { const d = new Date(); return new Date(d.getFullYear(), d.getMonth(), 1); });
  const [editing, setEditing] = useState<EpisodeInput | null>(null);
  const [editVersion, setEditVersion] = useState<number | undefined>();
  const [day, setDay] = useState<string | null>(null);
  const { toast, show, close } = useToast();

  const from = localDay(month);
  const to = localDay(new Date(month.getFullYear(), month.getMonth() + 1, 0));
  useEffect(() => { if (pid) void pullEpisodes(pid, from, to).catch(() => undefined); }, [pid, from, to]);

  const rows = useLiveQuery(async () => {
    if (!pid) return [] as LocalEpisode[];
    const all = await db.episodes.where('patientId').equals(pid).toArray();
    return all.filter((e) => e.syncState !== 'deleted' && !e.deletedAt).sort((a, b) => b.startAt.localeCompare(a.startAt));
  }, [pid], []);
  const problems = useLiveQuery(() => db.outbox.where('state').anyOf('conflict', 'failed').toArray(), [], []);

  const inMonth = rows.filter((e) => { const d = localDay(new Date(e.startAt)); return d >= from && d <= to; });
  const shown = day ? inMonth.filter((e) => localDay(new Date(e.startAt)) === day) : inMonth;

  async function remove(e: LocalEpisode) {
    const undo = await deleteEpisode(pid, e.id);
    show({ message: t('diary.deleted'), action: { label: t('today.undo'), run: () => void undo() } });
  }

  return (
    <>
      <div className="row spread">
        <h1>{t('diary.title')}</h1>
        <div className="seg" role="group" aria-label={t('diary.title')}>
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>{t('diary.list')}</button>
          <button type="button" aria-pressed={view === 'calendar'} onClick={() => setView('calendar')}>{t('diary.calendar')}</button>
        </div>
      </div>
      {problems.length > 0 && (
        <Card title={t('app.conflicts', { n: problems.length })}>
          <ul className="list">
            {problems.map((p) => (
              <li key={p.seq}>
                <p><strong>{p.entity}</strong> · {p.error}</p>
                {p.state === 'conflict' ? (
                  <div className="row">
                    <button type="button" className="btn small" onClick={() => void resolveConflict(p.seq as number, 'mine')}>{t('diary.keepMine')}</button>
                    <button type="button" className="btn small" onClick={() => void resolveConflict(p.seq as number, 'theirs')}>{t('diary.keepTheirs')}</button>
                  </div>
                ) : (
                  <button type="button" className="btn small danger" onClick={() => void db.outbox.delete(p.seq as number)}>{t('diary.delete')}</button>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="row" style={{ marginBottom: '0.75rem' }}>
        <button type="button" className="btn small" aria-label={t('diary.prevMonth')} onClick={() => { setDay(null); setMonth(new Date(month.getFullYear(), month.getMonth() - 1, 1)); }}>‹</button>
        <h2 style={{ margin: 0, minWidth: '10rem', textAlign: 'center' }} aria-live="polite">
          {new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(month)}
        </h2>
        <button type="button" className="btn small" aria-label={t('diary.nextMonth')} onClick={() => { setDay(null); setMonth(new Date(month.getFullYear(), month.getMonth() + 1, 1)); }}>›</button>
        {day && <button type="button" className="btn small" onClick={() => setDay(null)}>{formatDate(`${day}T12:00:00`)} ✕</button>}
      </div>
      {view === 'calendar' && <Calendar month={month} rows={inMonth} onPick={(d) => { setDay(d); setView('list'); }} />}
      {editing && (
        <Card title={t('diary.edit')}>
          <EpisodeDetails value={editing} onChange={setEditing} showTime />
          <div className="row">
            <button type="button" className="btn primary" onClick={() => { void saveEpisodeEdit(pid, editing, editVersion); setEditing(null); }}>{t('diary.save')}</button>
            <button type="button" className="btn" onClick={() => setEditing(null)}>{t('diary.cancel')}</button>
          </div>
        </Card>
      )}
      {view === 'list' && (
        <Card>
          {shown.length === 0 ? <p className="muted">{t('diary.empty')}</p> : (
            <ul className="list" data-testid="diary-list">
              {shown.map((e) => (
                <li key={e.id}>
                  <div className="entry-head">
                    <strong>{formatDate(e.startAt)} {formatTime(e.startAt)}</strong>
                    <span className="row">
                      {e.syncState === 'pending' && <span className="badge warn">{t('diary.pending')}</span>}
                      {e.syncState === 'conflict' && <span className="badge danger">{t('diary.conflict')}</span>}
                      {(e.count ?? 1) > 1 && <span className="badge">{t('diary.jerks', { n: e.count ?? 1 })}</span>}
                    </span>
                  </div>
                  <p className="entry-meta">
                    {[label('polarity', e.polarity), ...e.bodySites.map((s) => label('site', s)), e.context ? label('context', e.context) : null,
                      ...e.triggers.map((x) => label('trigger', x)), e.severity != null ? label('severity', e.severity) : null].filter(Boolean).join(' · ')}
                  </p>
                  {e.notes && <p>{e.notes}</p>}
                  {canWrite && (
                    <div className="row">
                      <button type="button" className="btn small" onClick={() => { setEditing(stripMeta(e)); setEditVersion(e.version); window.scrollTo({ top: 0 }); }}>{t('diary.edit')}</button>
                      <button type="button" className="btn small danger" onClick={() => void remove(e)}>{t('diary.delete')}</button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <Toast toast={toast} onClose={close} />
    </>
  );
}

function Calendar({ month, rows, onPick }: { month: Date; rows: LocalEpisode[]; onPick: (day: string) => void }) {
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of rows) { const d = localDay(new Date(e.startAt)); m.set(d, (m.get(d) ?? 0) + (e.count ?? 1)); }
    return m;
  }, [rows]);
  const max = Math.max(1, ...counts.values());
  const first = (month.getDay() + 6) % 7; // Monday first
  const days = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
  const cells: (number | null)[] = [...Array(first).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weekdays = Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(new Date(2024, 0, 1 + i)));
  return (
    <Card>
      <table className="calendar">
        <thead><tr>{weekdays.map((w) => <th key={w} scope="col">{w}</th>)}</tr></thead>
        <tbody>
          {Array.from({ length: cells.length / 7 }, (_, r) => (
            <tr key={r}>
              {cells.slice(r * 7, r * 7 + 7).map((d, i) => {
                if (!d) return <td key={i} />;
                const key = localDay(new Date(month.getFullYear(), month.getMonth(), d));
                const n = counts.get(key) ?? 0;
                const a = n / max;
                return (
                  <td key={i}>
                    <button type="button" onClick={() => onPick(key)} aria-label={t('diary.dayTotal', { day: formatDate(`${key}T12:00:00`), n })}>
                      <span>{d}</span>
                      {n > 0 && <span className="n" style={{ background: `rgba(179,38,30,${0.15 + 0.85 * a})`, color: a > 0.45 ? '#fff' : '#1b1f24' }}>{n}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
