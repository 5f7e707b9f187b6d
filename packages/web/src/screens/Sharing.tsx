// Sharing: invitation codes for a clinician or carer, active grants with revoke, and the access log.
// Clinicians and carers see "add a patient by code" instead.
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { Invitation } from '../api/types.js';
import { Card, ErrorNote, Field, Loading, useAsync } from '../components/ui.js';
import { formatDateTime, t } from '../i18n/index.js';
import { useSession } from '../session.js';

export default function Sharing() {
  const { me, patient } = useSession();
  if (me?.user.role !== 'patient' || patient?.relation !== 'self') return <AcceptCode />;
  return <OwnerSharing pid={patient.id} />;
}

function OwnerSharing({ pid }: { pid: string }) {
  const grants = useAsync(() => api.grants(pid).then((r) => r.items), [pid]);
  const audit = useAsync(() => api.audit(pid, 50).then((r) => r.items), [pid]);
  const [inv, setInv] = useState<Invitation | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const active = (grants.data ?? []).filter((g) => !g.revokedAt);
  // While an invitation code is out, look for the new grant so that it appears without a reload.
  const waiting = inv !== null && !active.some((g) => Date.parse(g.createdAt) >= Date.parse(inv.createdAt));
  useEffect(() => {
    if (!waiting) return;
    const h = window.setInterval(grants.reload, 3000);
    return () => window.clearInterval(h);
  }, [waiting, grants.reload]);
  return (
    <>
      <h1>{t('share.title')}</h1>
      <Card title={t('share.invite')}>
        <p>{t('share.inviteDesc')}</p>
        <div className="row">
          <button type="button" className="btn primary" data-testid="invite-clinician" onClick={() => void api.invite(pid, 'clinician').then(setInv)}>{t('auth.role.clinician')}</button>
          <button type="button" className="btn" onClick={() => void api.invite(pid, 'carer').then(setInv)}>{t('auth.role.carer')}</button>
        </div>
        {inv && <p className="note ok" role="status">{t('share.code')}: <strong data-testid="invite-code" style={{ fontSize: '1.4rem', letterSpacing: '0.1em' }}>{inv.code}</strong> · {inv.role} · {formatDateTime(inv.expiresAt)}</p>}
      </Card>
      <Card title={t('share.active')}>
        {grants.loading && <Loading />}
        {grants.error && <ErrorNote error={grants.error} retry={grants.reload} />}
        {msg && <p className="note ok" role="status">{msg}</p>}
        {active.length === 0 && !grants.loading ? <p className="muted">{t('share.none')}</p> : (
          <ul className="list">
            {active.map((g) => (
              <li key={g.id} className="entry-head">
                <span><strong>{g.granteeName}</strong> · {g.granteeEmail} · <span className="badge">{g.role}</span></span>
                <button type="button" className="btn small danger" onClick={() => void api.revoke(pid, g.id).then(() => { setMsg(t('share.revoked')); grants.reload(); audit.reload(); })}>{t('share.revoke')} {g.granteeName}</button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('share.log')}>
        {(audit.data ?? []).length === 0 ? <p className="muted">{t('share.logEmpty')}</p> : (
          <table className="data" data-testid="audit-log"><tbody>
            {(audit.data ?? []).map((a) => <tr key={a.id}><td>{formatDateTime(a.at)}</td><td>{a.actorName} ({a.actorRole})</td><td>{a.action}</td><td>{a.resource}</td></tr>)}
          </tbody></table>
        )}
      </Card>
    </>
  );
}

function AcceptCode() {
  const { refresh, setPatientId } = useSession();
  const [code, setCode] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.acceptInvitation(code.trim().toUpperCase());
      setMsg(r.patient.name);
      await refresh();
      setPatientId(r.patient.id);
    } catch (err) { setError((err as Error).message); }
  }
  return (
    <>
      <h1>{t('share.title')}</h1>
      <Card title={t('share.accept')}>
        <form onSubmit={submit}>
          <Field label={t('share.code')}>{(id) => <input id={id} value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABCD-EFGH" required autoCapitalize="characters" />}</Field>
          {error && <p className="note error" role="alert">{error}</p>}
          {msg && <p className="note ok" role="status">✓ {msg}</p>}
          <button type="submit" className="btn primary">{t('share.acceptBtn')}</button>
        </form>
      </Card>
    </>
  );
}
