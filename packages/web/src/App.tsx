// Top-level: session gate, routing to screens (all but Today are loaded on demand).
import { lazy, type ReactElement, Suspense, useEffect } from 'react';
import { Layout } from './components/Layout.js';
import { decodeSegment } from './research/model.js';
import { Loading } from './components/ui.js';
import { useRoute } from './router.js';
import { t } from './i18n/index.js';
import { Login } from './screens/Login.js';
import { Today } from './screens/Today.js';
import { useSession } from './session.js';

const Diary = lazy(() => import('./screens/Diary.js'));
const Medicines = lazy(() => import('./screens/Medicines.js'));
const Exercises = lazy(() => import('./screens/Exercises.js'));
const Sleep = lazy(() => import('./screens/Sleep.js'));
const Insights = lazy(() => import('./screens/Insights.js'));
const Learn = lazy(() => import('./screens/Learn.js'));
const Reports = lazy(() => import('./screens/Reports.js'));
const Sharing = lazy(() => import('./screens/Sharing.js'));
const Recordings = lazy(() => import('./screens/Recordings.js'));
const Viewer = lazy(() => import('./viewer/ViewerScreen.js'));
const Night = lazy(() => import('./screens/Night.js'));
const Patients = lazy(() => import('./screens/Patients.js'));
const Research = lazy(() => import('./screens/Research.js'));

export function App() {
  const { me, loading, patient } = useSession();
  const route = useRoute();

  // Move focus to the new screen's main landmark so keyboard and screen-reader users land on it.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route.path]);

  if (loading) return <div className="center"><Loading /></div>;
  if (!me) return <Login />;

  const [first, second] = route.segments;
  // Screens about one patient need one: a clinician (or carer of several) picks first.
  const perPatient = ['diary', 'medicines', 'exercises', 'sleep', 'insights', 'reports', 'recordings', 'night'];
  if (!patient && perPatient.includes(first ?? '') && !(first === 'recordings' && second?.startsWith('local-'))) {
    return (
      <Layout path={route.path}>
        <h1>{t('clin.choose')}</h1>
        <p><a className="btn primary" href="#/patients">{t('nav.patients')}</a></p>
      </Layout>
    );
  }
  let screen: ReactElement;
  switch (first) {
    case 'diary': screen = <Diary />; break;
    case 'medicines': screen = <Medicines />; break;
    case 'exercises': screen = <Exercises />; break;
    case 'sleep': screen = <Sleep />; break;
    case 'insights': screen = <Insights />; break;
    case 'learn': screen = <Learn route={route} />; break;
    case 'reports': screen = <Reports />; break;
    case 'sharing': screen = <Sharing />; break;
    case 'recordings': screen = second ? <Viewer id={second} /> : <Recordings />; break;
    case 'night': screen = <Night />; break;
    case 'patients': screen = <Patients />; break;
    case 'research': screen = <Research batchId={second ? decodeSegment(second) : undefined} />; break;
    default: screen = me.user.role === 'clinician' && first !== 'today' ? <Patients /> : <Today />;
  }
  return (
    <Layout path={route.path}>
      <Suspense fallback={<Loading />}>{screen}</Suspense>
    </Layout>
  );
}
