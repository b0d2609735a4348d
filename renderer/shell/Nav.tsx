// The journey navigation (issue 29): the learner's three phases — Computer · Camera, sound & network ·
// Checklists & mock exam — each with ONE state (shared/journey.ts phaseStatus), between choosing the
// exam and the summary; Report and About apart. A phase opens its steps (a disclosure: button with
// aria-expanded, Escape closes and returns to it), so the bar fits one row at 1280 px. On a narrow
// window the whole bar is behind one "Menu" button, with every phase's steps listed open.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, phaseStatus, type PhaseId, type StepStatus } from '../../shared/journey';
import { ROUTES, type RouteDef } from '../app/route-ids';
import type { RouteId } from '../screen';
import { StepMark } from '../components/StepMark';
import './nav.css';

const NARROW = '(max-width: 40rem)';
const APART: readonly RouteId[] = ['report', 'about'];
const CARET = '▾';
const MENU_ICON = '☰';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const m = window.matchMedia(NARROW);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}

interface Props {
  route: RouteId;
  hidden: readonly string[];
  profileId: string | null;
  steps: readonly StepStatus[];
}

export function Nav({ route, hidden, profileId, steps }: Props) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  const [open, setOpen] = useState<PhaseId | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const menuId = useId();
  const shown = ROUTES.filter((r) => !hidden.includes(r.id));
  const inPhase = new Set<string>(PHASES.flatMap((p) => p.steps));

  // moving to another screen closes what was open
  useEffect(() => {
    setOpen(null);
    setMenuOpen(false);
  }, [route]);
  // a click outside the bar closes an open phase; Escape closes it and returns to its button
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(null);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(null);
      document.getElementById(`nav-phase-${open}-label`)?.focus();
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const link = (r: RouteDef, label: ReactNode) => {
    const disabled = r.needsProfile && !profileId;
    const step = profileId ? steps.find((s) => s.route === r.id) : undefined;
    return (
      <a
        href={`#/${r.id}`}
        aria-current={r.id === route ? 'page' : undefined}
        aria-disabled={disabled || undefined}
        className={disabled ? 'is-disabled' : undefined}
        onClick={(e) => {
          if (disabled) e.preventDefault();
        }}
      >
        {label}
        {step && <StepMark step={step} compact />}
      </a>
    );
  };

  let n = 0;
  const items: ReactNode[] = [];
  for (const r of shown) {
    if (APART.includes(r.id)) continue;
    if (!inPhase.has(r.id)) {
      n += 1;
      items.push(
        <li key={r.id}>
          {link(
            r,
            <>
              <span className="step" aria-hidden="true">
                {n}
              </span>
              {t(r.labelKey)}
            </>,
          )}
        </li>,
      );
      continue;
    }
    const phase = PHASES.find((p) => p.steps.includes(r.id as never))!;
    if (phase.steps[0] !== r.id && shown.some((x) => x.id === phase.steps[0])) continue; // the phase is listed at its first step
    const routes = shown.filter((x) => phase.steps.includes(x.id as never));
    if (!routes.length) continue;
    n += 1;
    const id = `nav-phase-${phase.id}`;
    const current = routes.some((x) => x.id === route);
    const state = phaseStatus(steps.filter((s) => phase.steps.includes(s.route)));
    const isOpen = narrow || open === phase.id;
    // a phase shown whole goes by its name; one with steps hidden by policy, by the steps it has left
    const label = routes.length === phase.steps.length ? t(`common:phase.${phase.id}`) : routes.map((x) => t(x.labelKey)).join(', ');
    items.push(
      <li key={phase.id} className={`nav-phase${current ? ' is-current' : ''}`} data-phase={phase.id}>
        {narrow ? (
          <span className="nav-phase-label" id={`${id}-label`}>
            <span className="step" aria-hidden="true">
              {n}
            </span>
            {label}
            {profileId && <StepMark step={state} compact />}
          </span>
        ) : (
          <button
            type="button"
            className="nav-phase-button"
            aria-expanded={isOpen}
            aria-controls={id}
            id={`${id}-label`}
            onClick={() => setOpen(isOpen ? null : phase.id)}
          >
            <span className="step" aria-hidden="true">
              {n}
            </span>
            {label}
            {profileId && <StepMark step={state} compact />}
            <span className="nav-caret" aria-hidden="true">
              {CARET}
            </span>
          </button>
        )}
        <ul id={id} className="nav-phase-steps" hidden={!isOpen} aria-label={t('common:shell.phaseSteps', { phase: label })}>
          {routes.map((x) => (
            <li key={x.id}>{link(x, t(x.labelKey))}</li>
          ))}
        </ul>
      </li>,
    );
  }
  const apart = shown.filter((r) => APART.includes(r.id));

  const bar = (
    <div className="nav-bar" id={menuId} hidden={narrow && !menuOpen}>
      <ol className="nav-journey">{items}</ol>
      <ul className="nav-apart">
        {apart.map((r) => (
          <li key={r.id}>{link(r, t(r.labelKey))}</li>
        ))}
      </ul>
    </div>
  );
  return (
    <nav ref={navRef} className={`app-nav${narrow ? ' is-narrow' : ''}`} aria-label={t('common:shell.navLabel')}>
      {narrow && (
        <button type="button" className="btn nav-menu-button" aria-expanded={menuOpen} aria-controls={menuId} onClick={() => setMenuOpen(!menuOpen)}>
          <span aria-hidden="true">{MENU_ICON}</span> {t('common:shell.menu')}
        </button>
      )}
      {bar}
    </nav>
  );
}
