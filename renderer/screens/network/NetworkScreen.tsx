// Network test: says exactly which hosts will be contacted, contacts nothing until Start, draws the
// speed live while it measures (Cancel stops it), then shows the findings, past runs on this
// computer, and the advice to test again at exam hour on the same network.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkPlanView, NetworkRunView } from '../../../shared/api/network';
import type { NetworkPhase, NetworkRun } from '../../../shared/network/result';
import type { ScreenProps } from '../../screen';
import { ContinueButton } from '../../components/ContinueButton';
import { CheckCard } from '../../components/CheckCard';
import { HistoryChart, LiveChart, type LivePoint } from './SpeedCharts';
import './network.css';

export default function NetworkScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const [plan, setPlan] = useState<NetworkPlanView | null>(null);
  const [history, setHistory] = useState<NetworkRun[]>([]);
  const [running, setRunning] = useState(false);
  const [phase, setPhase] = useState<NetworkPhase | null>(null);
  const [points, setPoints] = useState<LivePoint[]>([]);
  const [view, setView] = useState<NetworkRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runId = useRef<string | null>(null);

  const load = useCallback(async () => {
    if (!profileId) return;
    const [p, h] = await Promise.all([window.preflight.networkPlan(profileId), window.preflight.networkHistory(profileId)]);
    setPlan(p);
    setHistory(h);
  }, [profileId]);
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      window.preflight.onNetworkProgress((p) => {
        if (runId.current && p.runId !== runId.current) return;
        runId.current = p.runId;
        setPhase(p.phase);
        if (p.sample) setPoints((old) => [...old, { direction: p.sample!.direction, mbps: p.sample!.mbps }].slice(-400));
      }),
    [],
  );

  const start = async () => {
    if (!profileId) return;
    setRunning(true);
    setError(null);
    setView(null);
    setPoints([]);
    setPhase(null);
    runId.current = null;
    try {
      const v = await window.preflight.runNetworkTest(profileId);
      setView(v);
      setHistory(await window.preflight.networkHistory(profileId));
    } catch (err) {
      setError(err instanceof Error ? err.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '') : String(err));
    } finally {
      setRunning(false);
    }
  };
  const cancel = () => {
    void window.preflight.cancelNetworkTest();
  };
  const num = (n: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(n);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="network-screen" aria-busy={running}>
      <h1 tabIndex={-1}>{t('network:screen.title')}</h1>
      <p className="lead">{t('network:screen.lead')}</p>
      {plan && !plan.allowed && (
        <p className="notice" role="status">
          {t(plan.reason === 'policy-off' ? 'network:screen.policyOff' : 'network:screen.nothing')}
        </p>
      )}
      {plan?.allowed && (
        <div className="card">
          <p id="net-hosts-title">{t('network:screen.hostsTitle')}</p>
          <ul className="net-hosts" aria-labelledby="net-hosts-title" data-testid="net-hosts">
            {plan.hosts.map((h) => (
              <li key={h}>
                <code>{h}</code>
              </li>
            ))}
          </ul>
          <p>{t('network:screen.limits', { seconds: num(plan.directionSeconds), total: num(plan.totalSeconds), mb: num(plan.maxMegabytes) })}</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={running}>
              {t(view ? 'network:screen.again' : 'network:screen.start')}
            </button>
            {running && (
              <button type="button" className="btn" onClick={cancel}>
                {t('network:screen.cancel')}
              </button>
            )}
          </div>
        </div>
      )}
      <p role="status" className="net-phase">
        {running && phase ? t('network:screen.running', { phase: t(`network:screen.phase.${phase}`) }) : ''}
      </p>
      {(running || points.length > 0) && <LiveChart points={points} />}
      {error && (
        <p className="notice" role="alert">
          {t('network:screen.error', { message: error })}
        </p>
      )}
      {view && (
        <div data-testid="net-results">
          <h2>{t('network:screen.results')}</h2>
          <p>{t('network:screen.measuredAt', { when: when(view.run.startedAt) })}</p>
          {view.run.outcome !== 'complete' && <p className="notice">{t(`network:screen.outcome.${view.run.outcome}`)}</p>}
          <div className="net-results">
            {view.results.map((r) => (
              <CheckCard key={r.id} result={r} />
            ))}
          </div>
        </div>
      )}
      <p className="net-retest">{t('network:screen.retest')}</p>
      <HistoryChart runs={history} />
      <div className="actions">
        <ContinueButton from="network" go={go} primary={false} />
      </div>
    </section>
  );
}
