// App frame: skip link, header with sync status and patient switcher, navigation (sidebar on wide screens,
// bottom bar + "More" menu on phones), and the main landmark.
import { type ReactNode, useEffect, useState } from 'react';
import { type MessageKey, t } from '../i18n/index.js';
import { onSyncStatus, type SyncStatus, syncNow } from '../local/sync.js';
import { useSession } from '../session.js';

interface NavItem { path: string; key: MessageKey; icon: string }

const PATIENT_NAV: NavItem[] = [
  { path: '/today', key: 'nav.today', icon: '●' },
  { path: '/diary', key: 'nav.diary', icon: '▤' },
  { path: '/insights', key: 'nav.insights', icon: '▥' },
  { path: '/medicines', key: 'nav.medicines', icon: '✚' },
  { path: '/sleep', key: 'nav.sleep', icon: '☾' },
  { path: '/exercises', key: 'nav.exercises', icon: '↻' },
  { path: '/learn', key: 'nav.learn', icon: '?' },
  { path: '/recordings', key: 'nav.recordings', icon: '∿' },
  { path: '/night', key: 'nav.night', icon: '◐' },
  { path: '/reports', key: 'nav.reports', icon: '⇩' },
  { path: '/sharing', key: 'nav.sharing', icon: '⇄' },
];
const CLINICIAN_NAV: NavItem[] = [
  { path: '/patients', key: 'nav.patients', icon: '☰' },
  { path: '/diary', key: 'nav.diary', icon: '▤' },
  { path: '/insights', key: 'nav.insights', icon: '▥' },
  { path: '/recordings', key: 'nav.recordings', icon: '∿' },
  { path: '/reports', key: 'nav.reports', icon: '⇩' },
  { path: '/learn', key: 'nav.learn', icon: '?' },
  { path: '/research', key: 'nav.research', icon: '▦' },
];
const PHONE_PRIMARY = 4;

export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const { me, patient, setPatientId, signOut } = useSession();
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  useEffect(() => onSyncStatus(setSync), []);
  useEffect(() => setMoreOpen(false), [path]);

  const clinician = me?.user.role === 'clinician';
  const nav = clinician ? CLINICIAN_NAV : PATIENT_NAV;
  const top = `/${path.split('/')[1] ?? ''}`;
  const patients = me?.patients ?? [];

  return (
    <div className="app">
      <a className="skip" href="#main">{t('app.skip')}</a>
      <header className="topbar">
        <a className="brand" href="#/today" aria-label={t('app.name')}>
          <svg viewBox="0 0 512 512" width="28" height="28" aria-hidden="true"><rect width="512" height="512" rx="96" fill="currentColor" /><path d="M64 300h90l30-120 40 230 44-300 36 250 28-60h116" fill="none" stroke="#1f4e79" strokeWidth="34" strokeLinejoin="round" strokeLinecap="round" /></svg>
          <span>{t('app.name')}</span>
        </a>
        {patients.length > 1 && (
          <label className="patient-switch">
            <span className="sr-only">{t('clin.patient')}</span>
            <select value={patient?.id ?? ''} onChange={(e) => setPatientId(e.target.value)}>
              {!patient && <option value="">—</option>}
              {patients.map((p) => (
                <option key={p.id} value={p.id}>{p.name}{p.isDemo ? ` (${t('app.demo')})` : ''}</option>
              ))}
            </select>
          </label>
        )}
        {patients.length <= 1 && patient && patient.relation !== 'self' && <span className="acting">{t('nav.actingFor', { name: patient.name })}</span>}
        <SyncBadge s={sync} />
        <button type="button" className="btn ghost-inverse small signout" onClick={() => void signOut()}>{t('nav.signOut')}</button>
      </header>
      {sync && !sync.online && <div className="offline-banner" role="status">{t('app.offline')}</div>}
      <div className="body">
        <nav className="sidebar" aria-label={t('nav.main')}>
          <ul>
            {nav.map((n) => (
              <li key={n.path}>
                <a href={`#${n.path}`} aria-current={top === n.path ? 'page' : undefined}>
                  <span className="icon" aria-hidden="true">{n.icon}</span>{t(n.key)}
                </a>
              </li>
            ))}
          </ul>
          <p className="disclaimer">{t('app.disclaimer')}</p>
        </nav>
        <main id="main" tabIndex={-1}>{children}</main>
      </div>
      <nav className="bottombar" aria-label={t('nav.main')}>
        {nav.slice(0, PHONE_PRIMARY).map((n) => (
          <a key={n.path} href={`#${n.path}`} aria-current={top === n.path ? 'page' : undefined}>
            <span className="icon" aria-hidden="true">{n.icon}</span>
            <span>{t(n.key)}</span>
          </a>
        ))}
        <button type="button" aria-expanded={moreOpen} aria-controls="more-menu" onClick={() => setMoreOpen((x) => !x)}
          aria-current={nav.slice(PHONE_PRIMARY).some((n) => n.path === top) ? 'page' : undefined}>
          <span className="icon" aria-hidden="true">⋯</span>
          <span>{t('nav.more')}</span>
        </button>
      </nav>
      {moreOpen && (
        <div className="more-menu" id="more-menu">
          <ul>
            {nav.slice(PHONE_PRIMARY).map((n) => (
              <li key={n.path}><a href={`#${n.path}`}><span className="icon" aria-hidden="true">{n.icon}</span>{t(n.key)}</a></li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function SyncBadge({ s }: { s: SyncStatus | null }) {
  if (!s) return null;
  let text = t('app.synced');
  let cls = 'sync ok';
  if (s.conflicts + s.failed > 0) { text = t('app.conflicts', { n: s.conflicts + s.failed }); cls = 'sync warn'; }
  else if (s.syncing) { text = t('app.syncing'); cls = 'sync busy'; }
  else if (s.pending > 0) { text = t('app.pending', { n: s.pending }); cls = 'sync busy'; }
  return (
    <button type="button" className={cls} onClick={() => { if (s.conflicts + s.failed > 0) window.location.hash = '/diary'; else void syncNow(); }} data-testid="sync-status">
      {text}
    </button>
  );
}
