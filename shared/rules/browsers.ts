// Browsers: a current Chrome, Firefox, Safari or Edge (Chromium relatives noted, not counted).
import { msg } from '../check';
import type { BrowserId } from '../facts';
import { compareVersions, define, failOrWarn } from './template';

const NAME: Record<BrowserId, string> = { chrome: 'Chrome', firefox: 'Firefox', safari: 'Safari', edge: 'Edge', chromium: 'Chromium', brave: 'Brave', opera: 'Opera', vivaldi: 'Vivaldi', other: '?' };

/** Safari has no "About" updater: it comes with macOS updates. */
const updateFix = (id: BrowserId) =>
  id === 'safari' ? msg('checks:browsers.supported.fix.updateSafari') : msg('checks:browsers.supported.fix.update', { name: NAME[id] });

export const browsersSupported = define({
  id: 'browsers.supported',
  area: 'browsers',
  reads: ['browsers'],
  rule: (req) => req.browsers,
  judge: (facts, rule) => {
    const installed = facts.browsers.browsers;
    const expected = msg('checks:browsers.supported.expected', { list: rule.accepted.map((a) => `${NAME[a.id]} ${a.minVersion}+`).join(', '), reviewed: rule.reviewed });
    const observed = installed.length
      ? msg('checks:browsers.supported.observed.list', { list: installed.map((b) => `${NAME[b.id]} ${b.version ?? '?'}`).join(', ') })
      : msg('checks:browsers.supported.observed.none');
    const evidence = installed.map((b) => msg('checks:browsers.supported.evidence.found', { name: b.name, version: b.version ?? '?', via: b.via }));
    const judged = rule.accepted.flatMap((a) => installed.filter((b) => b.id === a.id).map((b) => ({ a, b, ok: b.version ? compareVersions(b.version, a.minVersion) >= 0 : null })));
    const recommended = rule.recommended ? NAME[rule.recommended] : null;
    if (judged.some((j) => j.ok)) {
      const hasRecommended = !rule.recommended || judged.some((j) => j.ok && j.b.id === rule.recommended);
      return { status: 'pass', observed, expected, evidence: hasRecommended ? evidence : [...evidence, msg('checks:browsers.supported.evidence.recommended', { name: recommended ?? '' })] };
    }
    if (judged.some((j) => j.ok === null)) return { status: 'unknown', observed, expected, evidence: [...evidence, msg('checks:browsers.supported.evidence.noVersion')], fix: updateFix(judged.find((j) => j.ok === null)!.b.id) };
    const old = judged.find((j) => j.ok === false);
    if (old) return { status: failOrWarn(rule.required), observed, expected, evidence: [...evidence, msg('checks:browsers.supported.evidence.old', { name: NAME[old.b.id], version: old.b.version ?? '?', min: old.a.minVersion })], fix: updateFix(old.b.id) };
    const relatives = installed.filter((b) => !rule.accepted.some((a) => a.id === b.id));
    return {
      status: failOrWarn(rule.required), observed, expected,
      evidence: relatives.length ? [...evidence, msg('checks:browsers.supported.evidence.relativesOnly', { list: relatives.map((b) => NAME[b.id]).join(', ') })] : evidence,
      fix: msg('checks:browsers.supported.fix.install', { name: recommended ?? NAME[rule.accepted[0]!.id] }),
    };
  },
});
