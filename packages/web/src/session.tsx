// Who is signed in and whose diary is shown (a carer or clinician may act for several patients).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api } from './api/client.js';
import { ApiError, NetworkError } from './api/http.js';
import type { Me, PatientRef } from './api/types.js';
import { cached, getPref, setPref } from './local/db.js';

export interface SessionValue {
  me: Me | null;
  loading: boolean;
  offline: boolean;
  patient: PatientRef | null;
  setPatientId: (id: string) => void;
  refresh: () => Promise<void>;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
}

const Ctx = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [offline, setOffline] = useState(false);
  const [patientId, setPid] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      // Offline, the last known session is used so that logging still works; the server decides on sync.
      const r = await cached('me', () => api.me());
      setMe(r.value);
      setOffline(r.stale);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else if (e instanceof NetworkError) setOffline(true);
      else setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void getPref<string | null>('patientId', null).then(setPid);
    void refresh();
  }, [refresh]);

  const setPatientId = useCallback((id: string) => {
    setPid(id);
    void setPref('patientId', id);
  }, []);

  const patients = me?.patients ?? [];
  const patient =
    patients.find((x) => x.id === patientId) ??
    patients.find((x) => x.relation === 'self') ??
    (me?.user.role === 'clinician' ? null : patients[0] ?? null);

  const value: SessionValue = {
    me, loading, offline, patient, setPatientId, refresh,
    signedIn: (m) => { setMe(m); setOffline(false); },
    signOut: async () => {
      await api.logout().catch(() => undefined);
      const { db } = await import('./local/db.js');
      await db.cache.clear();
      setMe(null);
    },
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
