// Report: the learner makes one for support (what is in it shown first, personal data out by
// default, nothing sent); support staff open one, re-evaluate it, and compare two.
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../screen';
import { ExportPanel } from './ExportPanel';
import { ViewerPanel } from './ViewerPanel';
import './report.css';

export default function ReportScreen({ profileId, go }: ScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="report-screen">
      <h1 tabIndex={-1}>{t('report:title')}</h1>
      <p className="lead">{t('report:lead')}</p>
      {profileId ? <ExportPanel profileId={profileId} go={go} /> : <p>{t('common:shell.needsProfile')}</p>}
      <ViewerPanel />
    </section>
  );
}
