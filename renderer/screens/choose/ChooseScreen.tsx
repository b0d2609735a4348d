// Placeholder until the choose screen lands.
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../routes';

export default function ChooseScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  return <h1 tabIndex={-1}>{t('common:nav.choose')}</h1>;
}
