// Before an attempt: the exam's sections and limits, its rules, the accommodation (declared up
// front, applied to every section), past attempts, and importing a question bank file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Msg } from '../../../shared/check';
import type { AttemptSummary, ExamInfo } from '../../../shared/api/exam';
import type { Accommodation } from '../../../shared/exam/attempt';
import type { BankProblem } from '../../../shared/exam/bank';
import { Local, useLang } from './text';
import { localize } from '../../../shared/i18n/text';
import { formatNumber, renderMsg } from '../../../shared/i18n';
import { ColumnHeads } from '../../components/ColumnHeads';
import { FilePick } from '../../components/FilePick';
import { Notice, movedAsideParams } from '../../components/Notice';

interface Props {
  info: ExamInfo;
  attempts: AttemptSummary[];
  movedAside: { file: string; movedTo: string; problem: string; message?: Msg }[];
  onStart: (a: Accommodation) => void;
  onOpen: (id: string) => void;
  onImported: () => void;
}

export function ExamHome({ info, attempts, movedAside, onStart, onOpen, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<Accommodation['kind']>('none');
  const [extra, setExtra] = useState('30');
  const [factor, setFactor] = useState('1.5');
  const [importMsg, setImportMsg] = useState<{ ok: boolean; text: string; problems: BankProblem[] } | null>(null);
  const s = info.settings;
  const lang = useLang();

  const acc: Accommodation | null =
    kind === 'none'
      ? { kind }
      : kind === 'extra-minutes'
        ? Number.isInteger(Number(extra)) && Number(extra) >= 1 && Number(extra) <= 600
          ? { kind, minutes: Number(extra) }
          : null
        : Number(factor) >= 1 && Number(factor) <= 4
          ? { kind, factor: Number(factor) }
          : null;
  const limitWith = (m: number) => (!acc || acc.kind === 'none' ? m : acc.kind === 'extra-minutes' ? m + acc.minutes : Math.round(m * acc.factor * 10) / 10);

  // one radio per kind of accommodation; the kinds with an amount show its field while chosen
  const choice = (
    k: Accommodation['kind'],
    label: string,
    amount?: { label: string; range: { min: number; max: number; step: number }; value: string; set: (v: string) => void },
  ) => (
    <>
      <label>
        <input type="radio" name="acc" checked={kind === k} onChange={() => setKind(k)} /> {label}
      </label>
      {amount && kind === k && (
        <label className="exam-sub">
          {amount.label} <input type="number" {...amount.range} value={amount.value} onChange={(e) => amount.set(e.target.value)} aria-invalid={!acc} />
        </label>
      )}
    </>
  );

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await window.preflight.importBank(await file.text(), file.name);
    setImportMsg(
      r.ok
        ? { ok: true, text: t('exam:import.ok', { id: r.bank.id, count: r.bank.questionCount }), problems: [] }
        : { ok: false, text: t('exam:import.failed', { file: file.name, count: r.problems.length }), problems: r.problems },
    );
    if (r.ok) onImported();
  };

  return (
    <>
      {movedAside.map((m) => (
        <Notice key={m.movedTo}>{t('exam:attempts.movedAside', { file: m.file, ...movedAsideParams(i18n, m) })}</Notice>
      ))}
      {!s ? (
        <p>{t('exam:noExam')}</p>
      ) : (
        <section aria-labelledby="exam-overview-h">
          <h2 id="exam-overview-h">{info.bank ? <Local text={info.bank.title} /> : t('exam:overview.title')}</h2>
          {/* questions that exist only in English are said to be, before the learner starts */}
          {info.bank && lang !== 'en' && localize(info.bank.title, lang).fallback && (
            <p className="notice" data-testid="bank-english">
              {t('journey:exam.englishOnly')}
            </p>
          )}
          {info.problems.map((p, i) => (
            <Notice key={i}>{t('exam:overview.problem', { problem: renderMsg(i18n, p) })}</Notice>
          ))}
          <ul className="exam-rules">
            <li>{t('exam:rules.passMark', { percent: formatNumber(i18n.language, s.passMarkPercent) })}</li>
            <li>{s.mustTakeInOrder ? t('exam:rules.inOrder') : t('exam:rules.anyOrder')}</li>
            <li>{s.breaksAllowed ? t('exam:rules.breaks') : t('exam:rules.noBreaks')}</li>
            <li>{t('exam:rules.clock')}</li>
            <li>
              {t('exam:rules.warnings', {
                list: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
                  s.warningsPercent.map((p) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(p / 100)),
                ),
              })}
            </li>
          </ul>
          {s.accommodationsAllowed && (
            <fieldset className="exam-accommodation">
              <legend>{t('exam:accommodation.legend')}</legend>
              <p className="exam-hint">{t('exam:accommodation.hint')}</p>
              {choice('none', t('exam:accommodation.none'))}
              {choice('extra-minutes', t('exam:accommodation.minutes'), {
                label: t('exam:accommodation.minutesField'),
                range: { min: 1, max: 600, step: 1 },
                value: extra,
                set: setExtra,
              })}
              {choice('multiplier', t('exam:accommodation.multiplier'), {
                label: t('exam:accommodation.factorField'),
                range: { min: 1, max: 4, step: 0.25 },
                value: factor,
                set: setFactor,
              })}
              {!acc && <Notice>{t('exam:accommodation.invalid')}</Notice>}
            </fieldset>
          )}
          <table className="exam-sections">
            <caption className="sr-only">{t('exam:sections.title')}</caption>
            <ColumnHeads labels={[t('exam:sections.section'), t('exam:sections.limit'), t('exam:sections.questions')]} />
            <tbody>
              {s.sections.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    <Local text={x.title} />
                  </th>
                  <td>
                    {t('exam:sections.minutes', { count: limitWith(x.timeLimitMinutes) })}
                    {acc && acc.kind !== 'none' && ` (${t('exam:sections.base', { count: x.timeLimitMinutes })})`}
                  </td>
                  <td>{x.questionCount ?? info.bank?.sections.find((b) => b.id === x.bankSection)?.questionCount ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={!acc || !info.bank || info.problems.length > 0} onClick={() => acc && onStart(acc)}>
              {t('exam:start')}
            </button>
          </div>
        </section>
      )}
      <section aria-labelledby="exam-past-h">
        <h2 id="exam-past-h">{t('exam:attempts.title')}</h2>
        {attempts.length === 0 ? (
          <p>{t('exam:attempts.none')}</p>
        ) : (
          <ul className="exam-past">
            {attempts.map((a) => (
              <li key={a.id} data-testid="past-attempt">
                <span>{new Date(a.createdAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</span>
                {' — '}
                <span>
                  {a.finished
                    ? t(`exam:verdict.${a.verdict}`, {
                        percent: formatNumber(i18n.language, a.percent),
                        pass: formatNumber(i18n.language, info.settings?.passMarkPercent ?? 60),
                      })
                    : t('exam:attempts.inProgress')}
                </span>{' '}
                <button type="button" className="btn" onClick={() => onOpen(a.id)}>
                  {a.finished ? t('exam:attempts.review') : t('exam:attempts.resume')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* for course teams, not learners: out of the way behind a labelled disclosure */}
      <details className="exam-course-team">
        <summary>{t('journey:exam.courseTeam')}</summary>
        <section aria-labelledby="exam-import-h">
          <h2 id="exam-import-h">{t('exam:import.title')}</h2>
          <p className="exam-hint">{t('exam:import.hint')}</p>
          <FilePick label={t('exam:import.choose')} accept=".json,application/json" onFiles={(files) => void importFile(files[0])} />
          {importMsg && (
            <div role="status" className={importMsg.ok ? 'exam-import-ok' : 'notice'}>
              <p>{importMsg.text}</p>
              {importMsg.problems.length > 0 && (
                <ul data-testid="bank-problems">
                  {importMsg.problems.map((p, i) => (
                    <li key={i}>{t('exam:import.problem', { file: p.file, question: p.questionId ?? '—', path: p.path, message: p.message })}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
      </details>
    </>
  );
}
