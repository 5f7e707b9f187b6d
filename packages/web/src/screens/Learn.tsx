// Learn: the cited knowledge base (browse by kind, full-text search, entry pages with sources), the triage
// questionnaire with its red flags first, and a medication check. Runs on the device (works offline).
import { type Entry, type EntryKind, getEntry, listEntries, search } from '@myotrace/knowledge';
import { useMemo, useState } from 'react';
import { Card } from '../components/ui.js';
import { formatDate, label, t } from '../i18n/index.js';
import type { Route } from '../router.js';
import { MedicationCheck, Triage } from './Triage.js';

const KIND_ORDER: EntryKind[] = ['overview', 'type', 'cause', 'condition', 'test', 'treatment', 'remedy', 'exercise', 'specialist', 'neurophysiology', 'topic'];

export default function Learn({ route }: { route: Route }) {
  const [, sub, id] = route.segments;
  if (sub === 'entry' && id) return <EntryPage id={id} />;
  if (sub === 'triage') return <Triage />;
  if (sub === 'meds') return <MedicationCheck />;
  return <Browse />;
}

function Browse() {
  const [q, setQ] = useState('');
  const hits = useMemo(() => (q.trim().length > 1 ? search(q, { limit: 20 }) : null), [q]);
  const byKind = useMemo(() => {
    const m = new Map<EntryKind, Entry[]>();
    for (const e of listEntries()) m.set(e.kind, [...(m.get(e.kind) ?? []), e]);
    return m;
  }, []);
  return (
    <>
      <h1>{t('learn.title')}</h1>
      <div className="grid2" style={{ marginBottom: '1rem' }}>
        <a className="btn primary block" href="#/learn/triage">{t('learn.triage')}</a>
        <a className="btn block" href="#/learn/meds">{t('learn.medCheck')}</a>
      </div>
      <Card>
        <label htmlFor="kb-q" className="sr-only">{t('learn.search')}</label>
        <input id="kb-q" type="search" placeholder={t('learn.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: '100%' }} />
        {hits && (
          <>
            <p className="muted" role="status">{t('learn.results', { n: hits.length })}</p>
            <ul className="list">{hits.map((h) => <li key={h.id}><a href={`#/learn/entry/${h.id}`}><strong>{h.name}</strong></a> <span className="badge">{label('kind', h.kind)}</span><p className="entry-meta">{h.summary}</p></li>)}</ul>
          </>
        )}
      </Card>
      {!hits && KIND_ORDER.filter((k) => byKind.has(k)).map((k) => (
        <Card key={k} title={label('kind', k)}>
          <ul className="list">{(byKind.get(k) ?? []).map((e) => <li key={e.id}><a href={`#/learn/entry/${e.id}`}><strong>{e.name}</strong></a><p className="entry-meta">{e.summary}</p></li>)}</ul>
        </Card>
      ))}
    </>
  );
}

function EntryPage({ id }: { id: string }) {
  let e: Entry;
  try { e = getEntry(id); } catch { return <p className="note error">Unknown entry.</p>; }
  return (
    <>
      <a href="#/learn" className="btn small">‹ {t('learn.back')}</a>
      <h1 style={{ marginTop: '0.75rem' }}>{e.name}</h1>
      <p><strong>{e.summary}</strong></p>
      {e.details.map((p, i) => <p key={i}>{p}</p>)}
      {e.kind === 'treatment' && <><h2>Indications</h2><ul>{e.indications.map((x, i) => <li key={i}>{x}</li>)}</ul><h2>{t('ex.cautions')}</h2><ul>{e.cautions.map((x, i) => <li key={i}>{x}</li>)}</ul></>}
      {e.kind === 'remedy' && <><p><span className="badge warn">Evidence: {e.evidenceGrade}</span></p><p>{e.evidence}</p>{e.interactions.length > 0 && <ul>{e.interactions.map((x, i) => <li key={i}>{x}</li>)}</ul>}</>}
      {e.kind === 'test' && <><h2>What it shows</h2><p>{e.whatItShows}</p><h2>When it is used</h2><p>{e.whenUsed}</p></>}
      {e.kind === 'specialist' && <><h2>When to see</h2><ul>{e.whenToSee.map((x, i) => <li key={i}>{x}</li>)}</ul></>}
      {e.kind === 'exercise' && <p><a className="btn primary" href="#/exercises">{t('ex.start')}</a></p>}
      {e.corrections && e.corrections.length > 0 && (
        <div className="note warn">{e.corrections.map((c, i) => <p key={i}><em>“{c.seedClaim}”</em> — {c.correction}</p>)}</div>
      )}
      {e.codes && <p className="hint">{Object.entries(e.codes).map(([k, v]) => `${k}: ${(v as string[]).join(', ')}`).join(' · ')}</p>}
      <h2>{t('learn.sources')}</h2>
      <ol>{e.sources.map((s) => <li key={s.id}><a href={s.url} target="_blank" rel="noreferrer">{s.citation}</a></li>)}</ol>
      <p className="hint">{t('learn.reviewed', { date: formatDate(`${e.lastReviewed}T12:00:00`) })}</p>
      {e.related.length > 0 && <p>{e.related.map((r) => <a key={r} className="btn small" style={{ marginRight: 6 }} href={`#/learn/entry/${r}`}>{safeName(r)}</a>)}</p>}
    </>
  );
}

function safeName(id: string): string {
  try { return getEntry(id).name; } catch { return id; }
}
