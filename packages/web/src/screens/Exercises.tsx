// Exercises: guided routines from the knowledge base, one step at a time with a countdown, saved as a session.
import { type EntryOfKind, listEntries } from '@myotrace/knowledge';
import { useEffect, useRef, useState } from 'react';
import { Card } from '../components/ui.js';
import { newUuid } from '../domain.js';
import { formatNumber, isoWithOffset, t } from '../i18n/index.js';
import { queueCreate } from '../local/sync.js';
import { useSession } from '../session.js';

type Routine = EntryOfKind<'exercise'>;

export default function Exercises() {
  const routines = listEntries('exercise') as Routine[];
  const [active, setActive] = useState<Routine | null>(null);
  if (active) return <Guided r={active} onClose={() => setActive(null)} />;
  return (
    <>
      <h1>{t('ex.title')}</h1>
      <div className="grid2">
        {routines.map((r) => {
          const total = r.routine.rounds * r.routine.steps.reduce((s, x) => s + x.durationSec, 0);
          return (
            <Card key={r.id} title={r.name}>
              <p>{r.summary}</p>
              <p className="entry-meta">{t('ex.minutes', { n: Math.round(total / 60) })} · {r.routine.frequency}</p>
              <div className="row"><button type="button" className="btn primary" onClick={() => setActive(r)}>{t('ex.start')}</button>
                <a className="btn" href={`#/learn/entry/${r.id}`}>{t('learn.sources')}</a></div>
            </Card>
          );
        })}
      </div>
    </>
  );
}

function Guided({ r, onClose }: { r: Routine; onClose: () => void }) {
  const { patient } = useSession();
  const steps = Array.from({ length: r.routine.rounds }, () => r.routine.steps).flat();
  const [i, setI] = useState(0);
  const [left, setLeft] = useState(steps[0].durationSec);
  const [running, setRunning] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const started = useRef(new Date());
  const elapsed = useRef(0);

  useEffect(() => {
    if (!running) return;
    const h = window.setInterval(() => {
      elapsed.current += 1;
      setLeft((x) => {
        if (x > 1) return x - 1;
        setI((k) => {
          const n = Math.min(steps.length - 1, k + 1);
          if (n === k) setRunning(false);
          setLeft(steps[n].durationSec);
          return n;
        });
        return 0;
      });
    }, 1000);
    return () => window.clearInterval(h);
  }, [running, steps]);

  async function finish() {
    const minutes = Math.max(1, Math.round(elapsed.current / 60));
    if (patient) await queueCreate(patient.id, 'exercise', { id: newUuid(), startAt: isoWithOffset(started.current), routineId: r.id, name: r.name, minutes, completed: i >= steps.length - 1 } as { id: string });
    setSaved(t('ex.saved', { min: minutes }));
  }

  const step = steps[i];
  return (
    <>
      <button type="button" className="btn small" onClick={onClose}>‹ {t('learn.back')}</button>
      <h1 style={{ marginTop: '0.75rem' }}>{r.name}</h1>
      <div className="note warn"><strong>{t('ex.cautions')}:</strong> {r.routine.cautions.join(' ')}</div>
      <Card title={t('ex.step', { i: i + 1, n: steps.length })}>
        <p style={{ fontSize: '1.2rem' }} aria-live="polite">{step.instruction}</p>
        <p className="timer" role="timer" aria-live="off">{Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')}</p>
        <progress max={steps.length} value={i + 1} aria-label={t('ex.step', { i: i + 1, n: steps.length })} style={{ width: '100%' }} />
        <div className="row" style={{ marginTop: '0.75rem' }}>
          <button type="button" className="btn primary" onClick={() => setRunning((x) => !x)}>{running ? t('ex.pause') : elapsed.current ? t('ex.resume') : t('ex.start')}</button>
          <button type="button" className="btn" disabled={i >= steps.length - 1} onClick={() => { setI(i + 1); setLeft(steps[i + 1].durationSec); }}>{t('ex.next')}</button>
          <button type="button" className="btn" onClick={() => void finish()}>{t('ex.finish')}</button>
        </div>
        {saved && <p className="note ok" role="status">{saved} ({formatNumber(elapsed.current / 60, 1)} min)</p>}
      </Card>
    </>
  );
}
