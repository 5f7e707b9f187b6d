// Triage questionnaire and medication check, pending the knowledge package's triage() and checkMedications().
import { Card } from '../components/ui.js';
import { t } from '../i18n/index.js';

export function Triage() {
  return (
    <>
      <a href="#/learn" className="btn small">‹ {t('learn.back')}</a>
      <h1 style={{ marginTop: '0.75rem' }}>{t('learn.triage')}</h1>
      <Card><p>{t('learn.triageIntro')}</p></Card>
    </>
  );
}

export function MedicationCheck() {
  return (
    <>
      <a href="#/learn" className="btn small">‹ {t('learn.back')}</a>
      <h1 style={{ marginTop: '0.75rem' }}>{t('learn.medCheck')}</h1>
    </>
  );
}
