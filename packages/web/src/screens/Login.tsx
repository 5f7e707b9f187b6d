import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { Role } from '../api/types.js';
import { Field } from '../components/ui.js';
import { t } from '../i18n/index.js';
import { useSession } from '../session.js';

export function Login() {
  const { signedIn } = useSession();
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('patient');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'login') await api.login({ email, password });
      else await api.register({ email, password, name, role });
      signedIn(await api.me());
      window.location.hash = role === 'clinician' && mode === 'register' ? '/patients' : '/today';
    } catch (err) {
      setError(t('auth.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <div className="login-card">
        <h1 className="login-brand">
          <svg viewBox="0 0 512 512" width="44" height="44" aria-hidden="true"><rect width="512" height="512" rx="96" fill="#1f4e79" /><path d="M64 300h90l30-120 40 230 44-300 36 250 28-60h116" fill="none" stroke="#fff" strokeWidth="30" strokeLinejoin="round" strokeLinecap="round" /></svg>
          {t('app.name')}
        </h1>
        <p className="muted">{t('app.tagline')}</p>
        <h2>{mode === 'login' ? t('auth.signIn') : t('auth.register')}</h2>
        <form onSubmit={submit}>
          {mode === 'register' && (
            <>
              <Field label={t('auth.name')}>{(id) => <input id={id} name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />}</Field>
              <Field label={t('auth.role')}>
                {(id) => (
                  <select id={id} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                    <option value="patient">{t('auth.role.patient')}</option>
                    <option value="carer">{t('auth.role.carer')}</option>
                    <option value="clinician">{t('auth.role.clinician')}</option>
                  </select>
                )}
              </Field>
            </>
          )}
          <Field label={t('auth.email')}>{(id) => <input id={id} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
          <Field label={t('auth.password')} hint={mode === 'register' ? t('auth.passwordHint') : undefined}>
            {(id) => <input id={id} name="password" type="password" autoComplete={mode === 'login' ? 'current-password' : 'new-password'} minLength={mode === 'register' ? 10 : undefined} required value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          {error && <p className="note error" role="alert">{error}</p>}
          <button className="btn primary block" type="submit" disabled={busy}>{mode === 'login' ? t('auth.signIn') : t('auth.register')}</button>
        </form>
        <button type="button" className="btn link" onClick={() => { setMode(mode === 'login' ? 'register' : 'login'); setError(null); }}>
          {mode === 'login' ? t('auth.noAccount') : t('auth.haveAccount')}
        </button>
        <p className="disclaimer">{t('app.disclaimer')}</p>
      </div>
    </main>
  );
}
