// Insights: the server's analysis of the diary drawn as charts, each with a text/table alternative.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api } from '../api/client.js';
import type { Insights as InsightsData } from '../api/types.js';
import { Card, ErrorNote, Loading, useAsync } from '../components/ui.js';
import { formatDate, formatNumber, label, localDay, t } from '../i18n/index.js';
import { cached } from '../local/db.js';
import { useSession } from '../session.js';
import { AlertList } from './Medicines.js';

const RANGES = [30, 90, 365];

export default function Insights() {
  const { patient } = useSession();
  const pid = patient?.id ?? '';
  const [days, setDays] = useState(90);
  const to = localDay(new Date());
  const from = localDay(new Date(Date.now() - (days - 1) * 86400_000));
  const { data, error, loading, reload } = useAsync(() => cached(`ins:${pid}:${days}`, () => api.insights(pid, from, to)).then((r) => r.value), [pid, days, to]);

  return (
    <>
      <div className="row spread">
        <h1>{t('ins.title')}</h1>
        <div className="seg" role="group" aria-label={t('ins.range')}>
          {RANGES.map((d) => <button key={d} type="button" aria-pressed={d === days} onClick={() => setDays(d)}>{t('ins.days', { n: d })}</button>)}
        </div>
      </div>
      {loading && !data && <Loading />}
      {error && <ErrorNote error={error} retry={reload} />}
      {data && <InsightsBody d={data} />}
    </>
  );
}

function InsightsBody({ d }: { d: InsightsData }) {
  const days = d.daily.length;
  return (
    <>
      <p className="stat-line" data-testid="insights-total"><strong>{t('ins.total', { e: d.totalEpisodes, n: d.totalJerks, d: days })}</strong></p>
      <Card title={t('ins.daily')}>
        <p className="hint">{t('ins.dailyDesc')}</p>
        <DailyChart daily={d.daily} />
        <details><summary>{t('ins.table')}</summary>
          <table className="data"><thead><tr><th scope="col">Date</th><th scope="col">{t('ins.episodes')}</th><th scope="col">{t('ins.movingAvg')}</th></tr></thead>
            <tbody>{d.daily.slice(-30).map((x) => <tr key={x.date}><td>{formatDate(`${x.date}T12:00:00`)}</td><td>{x.episodes}</td><td>{x.movingAvg7 == null ? '–' : formatNumber(x.movingAvg7)}</td></tr>)}</tbody>
          </table>
        </details>
      </Card>
      <div className="grid2">
        <Card title={t('ins.heatmap')}>
          <p className="hint">{t('ins.heatmapDesc')}</p>
          <Heatmap weekdays={d.heatmap.weekdays} counts={d.heatmap.counts} />
        </Card>
        <Card title={t('ins.triggers')}>
          <Bars rows={d.triggers.map((x) => ({ name: label('trigger', x.trigger), share: x.share, count: x.count }))} />
        </Card>
        <Card title={t('ins.sites')}>
          <Bars rows={d.bodySites.map((x) => ({ name: label('site', x.site), share: x.share, count: x.count }))} />
        </Card>
        <Card title={t('ins.adherence')}>
          {d.adherence.length === 0 ? <p className="muted">{t('meds.none')}</p> :
            <Bars rows={d.adherence.map((x) => ({ name: x.name, share: x.adherence ?? 0, count: x.taken, text: x.adherence == null ? '–' : `${formatNumber(100 * x.adherence, 0)}%` }))} />}
        </Card>
      </div>
      <Card title={t('ins.beforeAfter')}>
        {d.medicineChanges.length === 0 ? <p className="muted">{t('ins.notEnough')}</p> : (
          <ul className="list">
            {d.medicineChanges.map((c) => (
              <li key={`${c.medicineId}-${c.date}`}>
                <div className="entry-head"><strong>{c.name}</strong><span className="entry-meta">{c.kind} · {formatDate(`${c.date}T12:00:00`)}</span></div>
                {c.status === 'ok' && c.rateRatio != null && c.ci95 ? (
                  <>
                    <RatioPlot rr={c.rateRatio} lo={c.ci95[0]} hi={c.ci95[1]} />
                    <p>{formatNumber(c.before.perDay)} → {formatNumber(c.after.perDay)} / day · {t('ins.rateRatio', { rr: formatNumber(c.rateRatio, 2), lo: formatNumber(c.ci95[0], 2), hi: formatNumber(c.ci95[1], 2) })}</p>
                  </>
                ) : <p className="muted">{t('ins.notEnough')} {c.reason ?? ''}</p>}
              </li>
            ))}
          </ul>
        )}
        <p className="hint">{d.caveat || t('ins.caveat')}</p>
      </Card>
      {d.safetyAlerts.length > 0 && <Card title={t('ins.alerts')}><AlertList alerts={d.safetyAlerts} /></Card>}
    </>
  );
}

function DailyChart({ daily }: { daily: InsightsData['daily'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || daily.length === 0) return;
    const xs = daily.map((x) => Date.parse(`${x.date}T12:00:00`) / 1000);
    const bars = uPlot.paths.bars?.({ size: [0.8, 30] });
    const width = Math.max(280, el.clientWidth);
    const plot = new uPlot({
      width, height: 220,
      series: [
        {},
        { label: t('ins.episodes'), stroke: '#1f4e79', fill: 'rgba(31,78,121,0.35)', paths: bars, points: { show: false } },
        { label: t('ins.movingAvg'), stroke: '#b3261e', width: 2.5, points: { show: false } },
      ],
      axes: [{}, { size: 40 }],
      legend: { show: true, live: false },
    }, [xs, daily.map((x) => x.episodes), daily.map((x) => x.movingAvg7)], el);
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: 220 }));
    ro.observe(el);
    return () => { ro.disconnect(); plot.destroy(); };
  }, [daily]);
  return <div ref={ref} className="chart" role="img" aria-label={t('ins.dailyDesc')} data-testid="daily-chart" />;
}

function Heatmap({ weekdays, counts }: { weekdays: string[]; counts: number[][] }) {
  const max = Math.max(1, ...counts.flat());
  return (
    <div className="chart">
      <table className="heat">
        <thead><tr><th />{Array.from({ length: 24 }, (_, h) => <th key={h} scope="col">{h % 6 === 0 ? h : ''}</th>)}</tr></thead>
        <tbody>
          {weekdays.map((w, i) => (
            <tr key={w}><th scope="row">{w}</th>
              {counts[i].map((c, h) => <td key={h} title={`${w} ${h}:00 – ${c}`} style={{ background: c === 0 ? '#eef1f5' : `rgba(31,78,121,${0.15 + 0.85 * (c / max)})` }} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Bars({ rows }: { rows: { name: string; share: number; count: number; text?: string }[] }) {
  if (rows.length === 0) return <p className="muted">{t('ins.empty')}</p>;
  return (
    <div className="bars">
      {rows.slice(0, 10).map((r) => (
        <div className="bar" key={r.name}>
          <span>{r.name}</span>
          <span className="track" aria-hidden="true"><span className="fill" style={{ width: `${Math.round(100 * Math.min(1, r.share))}%`, display: 'block' }} /></span>
          <span>{r.text ?? `${formatNumber(100 * r.share, 0)}%`}</span>
        </div>
      ))}
    </div>
  );
}

/** Rate ratio with its 95% interval on a log axis (0.25–4), 1 = no change. */
function RatioPlot({ rr, lo, hi }: { rr: number; lo: number; hi: number }) {
  const x = (v: number) => 10 + (280 * (Math.log2(Math.min(4, Math.max(0.25, v))) + 2)) / 4;
  return (
    <svg viewBox="0 0 300 40" width="300" height="40" role="img" aria-label={t('ins.rateRatio', { rr: formatNumber(rr, 2), lo: formatNumber(lo, 2), hi: formatNumber(hi, 2) })}>
      <line x1="10" x2="290" y1="20" y2="20" stroke="#c5ccd6" />
      <line x1={x(1)} x2={x(1)} y1="6" y2="34" stroke="#4b5563" strokeDasharray="3 3" />
      {[0.25, 0.5, 2, 4].map((v) => <text key={v} x={x(v)} y="38" fontSize="8" textAnchor="middle" fill="#4b5563">{v}</text>)}
      <line x1={x(lo)} x2={x(hi)} y1="20" y2="20" stroke="#1f4e79" strokeWidth="3" />
      <circle cx={x(rr)} cy="20" r="5" fill="#b3261e" />
    </svg>
  );
}
