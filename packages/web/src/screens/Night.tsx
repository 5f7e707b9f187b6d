// Phone night recording (screening, clearly labelled): accelerometer overnight, analysed on the device.
import { useEffect, useRef, useState } from 'react';
import { Card } from '../components/ui.js';
import { t } from '../i18n/index.js';
import { MotionRecorder, motionSupport } from '../lib/motion.js';
import { analyseNight, type NightResult } from '../lib/accel.js';
import { newUuid } from '../domain.js';
import { formatNumber, isoWithOffset, localDay } from '../i18n/index.js';
import { queueCreate } from '../local/sync.js';
import { useSession } from '../session.js';

export default function Night() {
  const { patient } = useSession();
  const support = motionSupport();
  const rec = useRef<MotionRecorder | null>(null);
  const [recording, setRecording] = useState(false);
  const [, setTick] = useState(0);
  const [result, setResult] = useState<NightResult | null>(null);
  const [started, setStarted] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);

  useEffect(() => {
    if (!recording) return;
    const h = window.setInterval(() => setTick((x) => x + 1), 1000);
    return () => window.clearInterval(h);
  }, [recording]);

  async function start() {
    setError(null);
    try { rec.current = new MotionRecorder(); await rec.current.start(); setStarted(new Date()); setRecording(true); }
    catch (e) { setError((e as Error).message); }
  }
  async function stop() {
    if (!rec.current) return;
    const data = await rec.current.stop();
    setRecording(false);
    try { setResult(analyseNight(data)); } catch (e) { setError((e as Error).message); }
  }
  async function addToDiary() {
    if (!patient || !started || !result) return;
    const end = new Date();
    await queueCreate(patient.id, 'sleep', {
      id: newUuid(), night: localDay(started), bedtime: isoWithOffset(started), wakeTime: isoWithOffset(end),
      notes: `Phone screening recording: ${result.events.length} movements detected (${result.perHour.toFixed(1)}/h). Not a diagnosis.`,
    } as { id: string });
    setAdded(true);
  }

  return (
    <>
      <h1>{t('night.title')}</h1>
      <div className="note warn" role="note"><strong>{t('night.label')}</strong></div>
      {!support.ok && <div className="note error" role="alert">{t('night.unsupported', { reason: support.reason ?? '' })}</div>}
      <Card>
        {!recording ? (
          <button type="button" className="btn primary" disabled={!support.ok} onClick={() => void start()}>{t('night.start')}</button>
        ) : (
          <>
            <p role="status">{t('night.recording', { n: rec.current?.count ?? 0, min: Math.floor((rec.current?.elapsedSec() ?? 0) / 60) })}</p>
            <button type="button" className="btn primary" onClick={() => void stop()}>{t('night.stop')}</button>
          </>
        )}
        {error && <p className="note error" role="alert">{error}</p>}
        {result && (
          <>
            <p><strong>{t('night.result', { n: result.events.length })}</strong> ({formatNumber(result.perHour, 1)}/h, {result.rateHz} Hz)</p>
            {result.warnings.map((w) => <p key={w.code} className="note warn">{w.message}</p>)}
            {!added ? <button type="button" className="btn" onClick={() => void addToDiary()}>{t('night.addToDiary')}</button> : <p className="note ok">{t('night.added')}</p>}
          </>
        )}
      </Card>
    </>
  );
}
