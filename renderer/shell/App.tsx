// The desktop shell: header (name, language), journey navigation, skip link, and the current
// screen. Focus moves to the new screen's heading on navigation, so keyboard and screen-reader
// users land where the content starts.
import { Suspense, useEffect, useRef, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/i18n/text';
import { ROUTES } from '../app/route-ids';
import type { RouteId } from '../screen';
import { useHashRoute } from './hash';
import { SCREENS, preloadScreen } from './routes';
import { hiddenRoutes, useApp } from '../app/store';
import type { OpenedReportFile } from '../../shared/api/report';
import { useAvailableRoutes, useJourney } from '../app/useJourney';
import { nextRoute } from '../../shared/journey';
import { Nav } from './Nav';
import { Notice, movedAsideParams } from '../components/Notice';
import { MARK, markPainted } from '../app/marks';
import './shell.css';

function FocusHeading({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled) return;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (!h1) return;
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
    h1.focus();
  }, [enabled]);
  return null;
}

/**
 * The navigation with each step's state, re-read on every move between steps. Its own component, so
 * a result landing during a check re-renders the bar, not the shell and the screen under it (issue 27).
 */
function JourneyNav(props: Omit<ComponentProps<typeof Nav>, 'steps'>) {
  const { steps } = useJourney(props.profileId, props.route);
  return <Nav {...props} steps={steps} />;
}

export function App() {
  const { t, i18n } = useTranslation();
  const [route, go] = useHashRoute();
  const settings = useApp((s) => s.settings);
  const updateSettings = useApp((s) => s.updateSettings);
  const hidden = hiddenRoutes(useApp((s) => s.info));
  const navigated = useRef(false);
  const firstRoute = useRef(route);
  if (route !== firstRoute.current) navigated.current = true;

  const profileId = settings?.profileId ?? null;
  const def = ROUTES.find((r) => r.id === route) ?? ROUTES[0]!;
  const Screen = SCREENS[def.id];
  const blocked = def.needsProfile && !profileId;
  const isHidden = hidden.includes(def.id);

  // File › Open report… and double-clicked .epreport files in the desktop app: shown in the report
  // viewer. Listening first, then taking what was opened before (the main process holds those until
  // asked), so no file is lost or shown twice whatever the timing.
  // (What take answers is shown even if this effect was cleaned up meanwhile, as React's strict mode
  // does once: the main process hands each file over only once.)
  useEffect(() => {
    const show = (f: OpenedReportFile) => {
      useApp.getState().setPendingReport(f);
      go('report');
    };
    const off = window.preflight.onReportFileOpened(show);
    void window.preflight.takeOpenedReportFiles().then((files) => {
      const last = files.at(-1);
      if (last) show(last);
    });
    return off;
  }, [go]);

  useEffect(() => markPainted(MARK.appPainted), []);

  // the next step's code loads while the learner reads this one
  const next = nextRoute(def.id, useAvailableRoutes());
  useEffect(() => {
    if (next) preloadScreen(next);
  }, [next]);

  useEffect(() => {
    document.title = `${t(def.labelKey)} — ${t('common:app.name')}`;
  }, [def, t, i18n.language]);

  const changeLanguage = async (lang: Language) => {
    await i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    await updateSettings({ language: lang });
  };

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('common:shell.skip')}
      </a>
      <header className="app-header">
        <p className="app-name">
          <span aria-hidden="true" className="app-logo">
            ✓
          </span>{' '}
          {t('common:app.name')}
        </p>
        <label className="lang-switch">
          <span>{t('common:shell.language')}</span>
          <select value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`common:language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <JourneyNav route={route} hidden={hidden} profileId={profileId} />
      <main id="main" tabIndex={-1} className="app-main">
        {settings?.notice && <Notice>{t('common:shell.settingsMovedAside', movedAsideParams(i18n, settings.notice))}</Notice>}
        {isHidden ? (
          <section>
            <h1 tabIndex={-1}>{t(def.labelKey)}</h1>
            <p>{t('common:shell.hiddenByPolicy')}</p>
            <FocusHeading enabled={navigated.current} />
          </section>
        ) : blocked ? (
          <section>
            <h1 tabIndex={-1}>{t(def.labelKey)}</h1>
            <p>{t('common:shell.needsProfile')}</p>
            <button type="button" className="btn btn-primary" onClick={() => go('choose')}>
              {t('common:nav.choose')}
            </button>
            <FocusHeading enabled={navigated.current} />
          </section>
        ) : (
          <Suspense
            fallback={
              <p className="loading" role="status">
                {t('common:shell.loading')}
              </p>
            }
          >
            <Screen key={def.id} profileId={profileId} go={(r: RouteId) => go(r)} />
            <FocusHeading key={`f-${def.id}`} enabled={navigated.current} />
          </Suspense>
        )}
      </main>
    </>
  );
}
