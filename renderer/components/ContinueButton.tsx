// "Continue to <next step>": every step ends with one, in journey order (renderer/app/route-ids.ts), so
// the learner follows one path through and no step is skipped.
import { useTranslation } from 'react-i18next';
import type { RouteId } from '../screen';
import { nextRoute } from '../../shared/journey';
import { useAvailableRoutes } from '../app/useJourney';

export function ContinueButton({ from, go, primary = true }: { from: RouteId; go: (r: RouteId) => void; primary?: boolean }) {
  const { t } = useTranslation();
  const next = nextRoute(
    from,
    useAvailableRoutes().filter((r) => r !== 'about'),
  );
  if (!next) return null;
  return (
    <button type="button" className={primary ? 'btn btn-primary' : 'btn'} data-testid="continue" onClick={() => go(next)}>
      {t(`journey:continue.${next}`, { defaultValue: t('journey:continue.any', { step: t(`common:nav.${next}`) }) })}
    </button>
  );
}
