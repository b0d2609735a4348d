// Placeholder until the microphone screen lands.
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../routes';

export default function MicrophoneScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  return <h1 tabIndex={-1}>{t('common:nav.microphone')}</h1>;
}
