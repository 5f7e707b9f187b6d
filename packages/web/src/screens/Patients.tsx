// Clinician home: patients who shared, with key numbers; opening one makes it the current patient.
import { api } from '../api/client.js';
import { Card, ErrorNote, Loading, useAsync } from '../components/ui.js';
import { formatNumber, t } from '../i18n/index.js';
import { useSession } from '../session.js';
import Sharing from './Sharing.js';

export default function Patients() {
  const { setPatientId, me } = useSession();
  const { data, error, loading, reload } = useAsync(() => api.patients().then((r) => r.items), [me?.patients.length]);
  const open = (id: string, to = '/insights') => { setPatientId(id); window.location.hash = to; };
  const rows = (data ?? []).filter((p) => p.relation !== 'self');
  return (
    <>
      <h1>{t('clin.title')}</h1>
      {loading && <Loading />}
      {error && <ErrorNote error={error} retry={reload} />}
      {!loading && rows.length === 0 && <p className="muted">{t('clin.none')}</p>}
      {rows.length > 0 && (
        <Card>
          <div className="chart">
            <table className="data" data-testid="patients-table">
              <thead><tr><th scope="col">{t('clin.patient')}</th><th scope="col">{t('clin.jerksPerDay')}</th><th scope="col">{t('clin.plms')}</th><th scope="col">{t('clin.adherence')}</th><th scope="col">{t('clin.alerts')}</th><th /></tr></thead>
              <tbody>
                {rows.map((p) => {
                  const trend = p.episodesLast7Days - p.episodesPrev7Days;
                  return (
                    <tr key={p.id}>
                      <th scope="row">{p.name}{p.isDemo && <span className="badge" style={{ marginLeft: 6 }}>{t('app.demo')}</span>}</th>
                      <td>{formatNumber(p.episodesLast7Days / 7)} <span className="muted" aria-label={`${trend >= 0 ? '+' : ''}${trend}`}>{trend > 0 ? '▲' : trend < 0 ? '▼' : '='}</span></td>
                      <td>{p.latestPlmsIndex == null ? '–' : formatNumber(p.latestPlmsIndex)}</td>
                      <td>{p.adherence30d == null ? '–' : `${formatNumber(100 * p.adherence30d, 0)}%`}</td>
                      <td>{p.openAlerts > 0 ? <span className="badge danger">{p.openAlerts}</span> : '0'}</td>
                      <td className="row">
                        <button type="button" className="btn small" onClick={() => open(p.id)}>{t('clin.open')} {p.name}</button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <Sharing />
    </>
  );
}
