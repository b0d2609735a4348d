// Re-evaluating the opened report's facts against another exam (built-in or from the policy folder).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedReport } from '../../../../shared/api/report';
import type { Report } from '../../../../shared/report/model';
import type { ProfileSummary } from '../../../../shared/scan';
import { renderMsg } from '../../../../shared/i18n';
import { viewerDate } from './date';
import { ProfileSelect } from '../../../components/ProfileSelect';

interface Props {
  text: string;
  opened: OpenedReport;
  profiles: ProfileSummary[];
  reeval: Report | null;
  onResult: (report: Report | null) => void;
  onProblem: (problem: string) => void;
}

export function Reevaluate({ text, opened, profiles, reeval, onResult, onProblem }: Props) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState(opened.report.profile.id);
  const titleOf = (id: string) => profiles.find((p) => p.id === id)?.title ?? id;
  const run = async () => {
    const r = await window.preflight.reevaluateReport(text, opened.fileName, target);
    if (r.ok) onResult(r.value);
    else onProblem(renderMsg(i18n, r.problem.message));
  };
  return (
    <section aria-labelledby="rp-reeval-h" className="rp-box">
      <h3 id="rp-reeval-h">{t('viewer:reevaluate.heading')}</h3>
      <p className="cl-hint">{t('viewer:reevaluate.help')}</p>
      <div className="cl-fields">
        <ProfileSelect label={t('viewer:reevaluate.profile')} value={target} onChange={setTarget} profiles={profiles} />
        <button type="button" className="btn" onClick={() => void run()}>
          {t('viewer:reevaluate.run')}
        </button>
        {reeval && (
          <button type="button" className="btn" onClick={() => onResult(null)}>
            {t('viewer:reevaluate.original')}
          </button>
        )}
      </div>
      {reeval && (
        <p role="status" data-testid="reevaluated">
          {t('viewer:reevaluate.showing', { profile: titleOf(reeval.profile.id), date: viewerDate(i18n.language, reeval.createdAt) })}
        </p>
      )}
    </section>
  );
}
