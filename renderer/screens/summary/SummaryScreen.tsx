// Placeholder until the summary screen lands.
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../routes';

export default function SummaryScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  return <h1 tabIndex={-1}>{t('common:nav.summary')}</h1>;
}
