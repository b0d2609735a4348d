// Placeholder entry until the desktop shell lands.
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Suspense } from 'react';
import { createI18n } from '../shared/i18n';
import { ROUTES } from './routes';

const i18n = createI18n('en');
const First = ROUTES[0]!.Screen;
createRoot(document.getElementById('root')!).render(
  <I18nextProvider i18n={i18n}>
    <Suspense fallback={null}>
      <First profileId={null} go={() => {}} />
    </Suspense>
  </I18nextProvider>,
);
