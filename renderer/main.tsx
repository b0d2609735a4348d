// Renderer entry: reads the settings (language, chosen exam) from main, then renders the shell.
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n';
import { App } from './shell/App';
import { useApp } from './app/store';
import { MARK, markNow } from './app/marks';
import { preloadScreen } from './shell/routes';
import { routeFromHash } from './shell/hash';

async function start() {
  markNow(MARK.main);
  // the opening screen's code loads while main answers the settings, not after
  preloadScreen(routeFromHash(window.location.hash));
  const [settings, info] = await Promise.all([window.preflight.getSettings(), window.preflight.appInfo()]);
  useApp.getState().setInfo(info);
  const lang = settings.effectiveLanguage;
  document.documentElement.lang = lang;
  useApp.getState().setSettings(settings);
  const i18n = createI18n(lang);
  i18n.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
}

void start();
