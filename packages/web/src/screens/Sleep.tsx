// Sleep diary (Consensus Sleep Diary concepts in our own words): one form per night, saved locally first.
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { SleepEntry } from '../api/types.js';
import { Card, Field, useAsync } from '../components/ui.js';
import { newUuid } from '../domain.js';
import { formatDate, formatTime, isoWithOffset, localDay, t } from '../i18n/index.js';
import { cached } from '../local/db.js';
import { queueCreate } from '../local/sync.js';
import { useSession } from '../session.js';

export default function Sleep() {
  const { patient } = useSession();
  const pid = patient?.id ?? '';
  const yesterday = localDay(new Date(Date.now() - 86400_000));
  const [night, setNight] = useState(yesterday);
  const [bed, setBed] = useState('23:00');
  const [latency, setLatency] = useState('20');
  const [awakenings, setAwakenings] = useState('1');
  const [wake, setWake] = useState('07:00');
  const [quality, setQuality] = useState(3);
  const [partner, setPartner] = useState(false);
  const [saved, setSaved] = useState(false);
  const recent = useAsync(() => cached(`sleep:${pid}`, () => api.list<SleepEntry>(pid, 'sleep', { limit: 14 })).then((r) => r.value.items), [pid, saved]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const bedtime = new Date(`${night}T${bed}:00`);
    const wakeDate = new Date(`${night}T${wake}:00`);
    if (wakeDate <= bedtime) wakeDate.setDate(wakeDate.getDate() + 1);
    const entry: SleepEntry = { id: newUuid(), night, bedtime: isoWithOffset(bedtime), latencyMin: Number(latency), awakenings: Number(awakenings), wakeTime: isoWithOffset(wakeDate), quality, partnerNoticedJerks: partner };
    await queueCreate(pid, 'sleep', entry);
    setSaved((x) => !x);
  }

  return (
    <>
      <h1>{t('sleep.title')}</h1>
      <Card>
        <form onSubmit={submit}>
          <div className="form-grid">
            <Field label={t('sleep.night')}>{(id) => <input id={id} type="date" value={night} onChange={(e) => setNight(e.target.value)} required />}</Field>
            <Field label={t('sleep.bedtime')}>{(id) => <input id={id} type="time" value={bed} onChange={(e) => setBed(e.target.value)} required />}</Field>
            <Field label={t('sleep.latency')}>{(id) => <input id={id} type="number" min={0} max={600} inputMode="numeric" value={latency} onChange={(e) => setLatency(e.target.value)} />}</Field>
            <Field label={t('sleep.awakenings')}>{(id) => <input id={id} type="number" min={0} max={50} inputMode="numeric" value={awakenings} onChange={(e) => setAwakenings(e.target.value)} />}</Field>
            <Field label={t('sleep.wake')}>{(id) => <input id={id} type="time" value={wake} onChange={(e) => setWake(e.target.value)} required />}</Field>
          </div>
          <fieldset className="chips"><legend>{t('sleep.quality')}</legend>
            <div className="chip-row">{[1, 2, 3, 4, 5].map((q) => <button key={q} type="button" className={q === quality ? 'chip on' : 'chip'} aria-pressed={q === quality} onClick={() => setQuality(q)}>{q}</button>)}</div>
          </fieldset>
          <label className="check"><input type="checkbox" checked={partner} onChange={(e) => setPartner(e.target.checked)} />{t('sleep.partner')}</label>
          <button type="submit" className="btn primary">{t('sleep.save')}</button>
        </form>
      </Card>
      <Card title={t('sleep.recent')}>
        <ul className="list">
          {(recent.data ?? []).map((s) => (
            <li key={s.id} className="entry-head"><strong>{formatDate(`${s.night}T12:00:00`)}</strong>
              <span className="entry-meta">{formatTime(s.bedtime)}–{formatTime(s.wakeTime)} · {s.quality ?? '–'}/5{s.partnerNoticedJerks ? ' · ⚑' : ''}</span></li>
          ))}
        </ul>
      </Card>
    </>
  );
}
