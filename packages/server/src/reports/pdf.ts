/**
 * The clinician report as PDF (pdfkit, standard Helvetica so no font files are embedded). Charts are drawn as
 * vector paths so they stay sharp when printed or zoomed. Text uses plain ASCII punctuation: the standard fonts
 * only cover WinAnsi.
 */
import PDFDocument from 'pdfkit';
import { UMRS_SECTIONS, type UmrsSection } from '../schemas/diary.js';
import { addDays, daysBetween } from '../insights/dates.js';
import type { ReportData } from './data.js';
import { fmt, reportSummary } from './summary.js';

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#2563eb';
const PAGE = { w: 595.28, h: 841.89, m: 50 };

type Doc = PDFKit.PDFDocument;

/** The standard fonts cover WinAnsi only: map common punctuation, replace the rest. */
export function pdfText(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x09\x0a\x0d\x20-\x7e\xa0-\xff]/g, '?');
}

function heading(doc: Doc, text: string): void {
  if (doc.y > PAGE.h - 140) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, PAGE.m, doc.y);
  doc.moveTo(PAGE.m, doc.y + 2).lineTo(PAGE.w - PAGE.m, doc.y + 2).lineWidth(0.5).strokeColor('#cbd2d9').stroke();
  doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor(INK);
}

function para(doc: Doc, text: string, opts: { color?: string; size?: number } = {}): void {
  if (doc.y > PAGE.h - 70) doc.addPage();
  doc.font('Helvetica').fontSize(opts.size ?? 10).fillColor(opts.color ?? INK).text(pdfText(text), PAGE.m, doc.y, { width: PAGE.w - 2 * PAGE.m });
}

function table(doc: Doc, headers: string[], rows: string[][], widths: number[]): void {
  const x0 = PAGE.m;
  const rowH = 14;
  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y > PAGE.h - 60) doc.addPage();
    const y = doc.y;
    let x = x0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor(INK);
    cells.forEach((c, i) => {
      doc.text(pdfText(c), x + 2, y + 3, { width: widths[i] - 4, height: rowH, ellipsis: true, lineBreak: false });
      x += widths[i];
    });
    doc.y = y + rowH;
    doc.moveTo(x0, doc.y).lineTo(x0 + widths.reduce((a, b) => a + b, 0), doc.y).lineWidth(0.3).strokeColor('#e4e7eb').stroke();
  };
  drawRow(headers, true);
  for (const r of rows) drawRow(r, false);
  doc.x = PAGE.m;
  doc.moveDown(0.3);
}

/** Daily episodes as bars with the 7-day moving average as a line. */
function dailyChart(doc: Doc, r: ReportData): void {
  const daily = r.insights.daily;
  if (!daily.length) return;
  const x0 = PAGE.m + 28;
  const w = PAGE.w - 2 * PAGE.m - 28;
  const h = 120;
  if (doc.y > PAGE.h - h - 60) doc.addPage();
  const y0 = doc.y + 6;
  const max = Math.max(1, ...daily.map((d) => d.episodes));
  const bw = w / daily.length;
  doc.lineWidth(0.5).strokeColor('#9aa5b1').moveTo(x0, y0).lineTo(x0, y0 + h).lineTo(x0 + w, y0 + h).stroke();
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  doc.text(String(max), PAGE.m, y0 - 3, { width: 24, align: 'right' });
  doc.text('0', PAGE.m, y0 + h - 4, { width: 24, align: 'right' });
  daily.forEach((d, i) => {
    if (d.episodes === 0) return;
    const bh = (d.episodes / max) * h;
    doc.rect(x0 + i * bw + bw * 0.1, y0 + h - bh, Math.max(0.5, bw * 0.8), bh).fillColor('#9fb3c8').fill();
  });
  let started = false;
  daily.forEach((d, i) => {
    if (d.movingAvg7 === null) return;
    const x = x0 + i * bw + bw / 2;
    const y = y0 + h - (d.movingAvg7 / max) * h;
    if (!started) {
      doc.moveTo(x, y);
      started = true;
    } else doc.lineTo(x, y);
  });
  if (started) doc.lineWidth(1.5).strokeColor(ACCENT).stroke();
  doc.fontSize(7).fillColor(MUTED);
  doc.text(daily[0].date, x0, y0 + h + 3, { lineBreak: false });
  doc.text(daily[daily.length - 1].date, x0 + w - 60, y0 + h + 3, { width: 60, align: 'right', lineBreak: false });
  doc.x = PAGE.m;
  doc.y = y0 + h + 14;
  para(doc, 'Bars: episodes per day. Line: 7-day moving average.', { color: MUTED, size: 8 });
}

/** Medicines as horizontal bars over the report range, dose changes marked with ticks. */
function medicineTimeline(doc: Doc, r: ReportData): void {
  const span = daysBetween(r.from, r.to) + 1;
  const x0 = PAGE.m + 150;
  const w = PAGE.w - PAGE.m - x0;
  const xOf = (date: string) => x0 + (Math.min(Math.max(daysBetween(r.from, date), 0), span) / span) * w;
  for (const m of r.medicines) {
    if (doc.y > PAGE.h - 60) doc.addPage();
    const y = doc.y;
    const adh = r.insights.adherence.find((a) => a.medicineId === m.id);
    doc.font('Helvetica').fontSize(9).fillColor(INK).text(pdfText(`${m.name}${m.strength ? ` ${m.strength}` : ''}`), PAGE.m, y, { width: 145, lineBreak: false, ellipsis: true });
    const a = xOf(m.startDate);
    const b = m.stopDate ? xOf(addDays(m.stopDate, 1)) : x0 + w;
    doc.rect(a, y + 1, Math.max(1, b - a), 8).fillColor('#bcccdc').fill();
    for (const c of m.doseChanges ?? []) {
      if (c.date < r.from || c.date > r.to) continue;
      const x = xOf(c.date);
      doc.moveTo(x, y - 1).lineTo(x, y + 11).lineWidth(1.5).strokeColor(ACCENT).stroke();
    }
    doc.y = y + 13;
    const changes = (m.doseChanges ?? []).map((c) => `${c.date}: ${c.strength}`).join('; ');
    para(
      doc,
      `  started ${m.startDate}${m.stopDate ? `, stopped ${m.stopDate}` : ''}; adherence ${adh?.adherence == null ? 'n/a' : `${fmt(adh.adherence * 100, 0)}%`} (${adh ? `${adh.taken + adh.late} of ${adh.expected} doses, ${adh.missed} marked missed` : 'no schedule'})${changes ? `; dose changes ${changes}` : ''}`,
      { color: MUTED, size: 8 },
    );
    doc.moveDown(0.2);
  }
}

export async function renderReportPdf(r: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: PAGE.m, bottom: PAGE.m, left: PAGE.m, right: PAGE.m }, info: { Title: 'MyoTrace clinician report', Producer: 'MyoTrace' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const s = reportSummary(r);
  const ins = r.insights;

  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text('MyoTrace clinician report');
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(pdfText(`${r.patient.name}${r.patient.isDemo ? ' - DEMO DATA' : ''}`));
  doc.text(`Period ${r.from} to ${r.to} (${s.days} days). Generated ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC.`);
  doc.fontSize(8).text('Patient-reported diary data and automated scoring. Informational; not a diagnosis.');

  heading(doc, 'Summary');
  para(doc, `Episodes logged: ${s.episodes} (jerks counted: ${s.jerks}), ${fmt(s.episodesPerDay, 2)} episodes per day on average.`);
  if (s.first28PerDay !== null && s.last28PerDay !== null) {
    para(doc, `First 28 days: ${fmt(s.first28PerDay, 2)} per day. Last 28 days: ${fmt(s.last28PerDay, 2)} per day.`);
  }
  para(doc, `Polarity: ${ins.polarity.positive} positive, ${ins.polarity.negative} negative, ${ins.polarity.unsure} unsure.`);
  dailyChart(doc, r);

  heading(doc, 'Medicines and adherence');
  if (r.medicines.length) medicineTimeline(doc, r);
  else para(doc, 'No medicines recorded for this period.');
  const changes = ins.medicineChanges;
  if (changes.length) {
    para(doc, 'Episode rate before and after each start or dose change (28-day windows):', { size: 9 });
    table(
      doc,
      ['Medicine', 'Change', 'Date', 'Before /day', 'After /day', 'Rate ratio (95% CI)'],
      changes.map((c) => [
        c.name,
        c.kind,
        c.date,
        `${fmt(c.before.perDay, 2)} (${c.before.days} d)`,
        `${fmt(c.after.perDay, 2)} (${c.after.days} d)`,
        c.status === 'ok' && c.ci95 ? `${fmt(c.rateRatio, 2)} (${fmt(c.ci95[0], 2)} to ${fmt(c.ci95[1], 2)})` : 'not enough data',
      ]),
      [100, 60, 65, 75, 75, 120],
    );
    para(doc, ins.caveat, { color: MUTED, size: 8 });
  }
  if (r.sideEffects.length) {
    para(doc, 'Side effects reported:', { size: 9 });
    for (const se of r.sideEffects) para(doc, `  ${se.startAt.slice(0, 10)} (${se.severity}): ${se.description}`, { size: 9 });
  }

  heading(doc, 'Triggers and body sites');
  table(
    doc,
    ['Trigger', 'Episodes', 'Share'],
    ins.triggers.slice(0, 10).map((t) => [t.trigger, String(t.count), `${fmt(t.share * 100, 0)}%`]),
    [160, 80, 80],
  );
  table(
    doc,
    ['Body site', 'Episodes', 'Share'],
    ins.bodySites.slice(0, 10).map((t) => [t.site, String(t.count), `${fmt(t.share * 100, 0)}%`]),
    [160, 80, 80],
  );

  heading(doc, 'Sleep');
  para(
    doc,
    `Nights logged: ${s.nightsLogged}. Mean sleep quality ${fmt(s.meanSleepQuality, 1)} of 5; mean time to fall asleep ${fmt(s.meanLatencyMin, 0)} min; mean awakenings ${fmt(s.meanAwakenings, 1)}. Bed partner noticed jerks on ${s.partnerNoticedNights} nights.`,
  );
  para(
    doc,
    `Sleep quality against episodes the next day: r = ${fmt(ins.sleepVsNextDay.correlation, 2)} over ${ins.sleepVsNextDay.n} nights. Exercise minutes against next-day episodes: r = ${fmt(ins.exerciseVsNextDay.correlation, 2)} over ${ins.exerciseVsNextDay.n} days.`,
    { size: 9 },
  );
  if (r.labs.length) {
    para(doc, `Labs: ${r.labs.map((l) => `${l.test} ${l.value}${l.unit ? ` ${l.unit}` : ''} (${l.takenOn})`).join('; ')}.`, { size: 9 });
  }

  heading(doc, 'Recording results');
  if (!r.recordings.length) para(doc, 'No recordings.');
  else {
    table(
      doc,
      ['Recording', 'Status', 'Hours', 'LM', 'PLM', 'PLMS index', 'Reviewed'],
      r.recordings.map((x) => [
        x.filename,
        x.status,
        fmt(x.durationSec === null ? null : x.durationSec / 3600, 1),
        x.indices ? String(x.indices.lmCount) : '-',
        x.indices ? String(x.indices.plmCount) : '-',
        x.indices ? fmt(x.indices.plmsIndex, 1) : '-',
        x.edited ? 'edited' : 'automatic',
      ]),
      [150, 55, 45, 40, 40, 70, 95],
    );
  }

  if (r.ratings.length) {
    heading(doc, 'Clinician ratings (UMRS section totals)');
    for (const rt of r.ratings) {
      const parts = (Object.keys(rt.sections) as UmrsSection[])
        .filter((k) => rt.sections[k] !== undefined)
        .map((k) => `${UMRS_SECTIONS[k].label.split(':')[0]} ${rt.sections[k]}/${UMRS_SECTIONS[k].max}`);
      para(doc, `${rt.ratedAt.slice(0, 10)}: ${parts.join('; ')}${rt.notes ? `. ${rt.notes}` : ''}`, { size: 9 });
    }
  }

  heading(doc, 'Medication safety alerts');
  if (!ins.safetyAlerts.length) para(doc, 'No alerts from the knowledge base rules for the current medicines and profile.');
  for (const a of ins.safetyAlerts) para(doc, `[${a.severity}] ${a.title}: ${a.message}`, { size: 9 });

  heading(doc, "Patient's notes");
  const noted = r.episodes.filter((e) => e.notes).slice(-40);
  if (!noted.length) para(doc, 'No notes in this period.');
  for (const e of noted) para(doc, `${e.startAt.slice(0, 16).replace('T', ' ')}: ${e.notes}`, { size: 9 });
  if (r.notes.length) {
    heading(doc, 'Clinical notes');
    for (const n of r.notes) para(doc, `${n.at.slice(0, 10)}: ${n.text}`, { size: 9 });
  }
  doc.end();
  return done;
}
