// JUnit XML for CI dashboards and management tools: one testcase per check. A failed required check
// is a <failure>; an advisory one that warns or fails is a passing testcase with <system-out>; an
// unknown is <skipped> with the reason (it was not determined, so it is neither passed nor failed).
import type { i18n as I18n } from 'i18next';
import { renderMsg } from '../i18n/msg';
import type { Report } from './model';

import { xmlSafe } from './safe-text';

/** Escaped for XML, with the characters XML 1.0 cannot carry at all (U+FFFE, lone surrogates…) dropped. */
export const xmlEscape = xmlSafe;

export function renderJunit(report: Report, i18n: I18n): string {
  const r = report.results;
  const failures = r.filter((x) => x.required && x.status === 'fail').length;
  const skipped = r.filter((x) => x.status === 'unknown').length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const cases = r.map((x) => {
    const name = xmlEscape(renderMsg(i18n, x.title));
    const detail = xmlEscape(
      [
        `${i18n.t('cli:text.observed')}: ${renderMsg(i18n, x.observed)}`,
        `${i18n.t('cli:text.expected')}: ${renderMsg(i18n, x.expected)}`,
        ...x.evidence.map((e) => `· ${renderMsg(i18n, e)}`),
        x.fix ? `${i18n.t('cli:text.fix')}: ${renderMsg(i18n, x.fix)}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    const open = `    <testcase classname="${xmlEscape(`exam-preflight.${x.area}`)}" name="${name}" time="${seconds(x.durationMs)}">`;
    if (x.status === 'unknown') return `${open}\n      <skipped message="${xmlEscape(renderMsg(i18n, x.evidence[0]) || 'unknown')}"/>\n    </testcase>`;
    if (x.status === 'fail' && x.required) return `${open}\n      <failure message="${xmlEscape(renderMsg(i18n, x.fix))}">${detail}</failure>\n    </testcase>`;
    if (x.status !== 'pass') return `${open}\n      <system-out>${detail}</system-out>\n    </testcase>`;
    return `${open}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="exam-preflight" tests="${r.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${xmlEscape(report.profile.id)}" tests="${r.length}" failures="${failures}" skipped="${skipped}" timestamp="${xmlEscape(report.createdAt)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
