// Offline is not "Internet ✓ Pass" (issue 24): without the network test the connection check can
// only say the computer is on a network, and an endpoint that could not be reached is said in
// words — never Node's raw error code. The error texts are Node's own, as captured in public bug
// reports (named beside each).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/rules';
import { endpointProblem } from '../../../shared/rules/network';
import { findProfile } from '../../../shared/profile/load';
import { createI18n, LANGUAGES, renderMsg } from '../../../shared/i18n';
import { machines } from '../../fixtures/facts/machines';

const CAPTURED: Array<[string, string, string]> = [
  // npm/npm#13152 (Raspbian, Node 4): "network getaddrinfo ENOTFOUND registry.npmjs.org registry.npmjs.org:443"
  ['getaddrinfo ENOTFOUND registry.npmjs.org registry.npmjs.org:443', 'dns', 'npm/npm#13152'],
  // verdaccio/verdaccio#1157 (macOS, offline)
  ['getaddrinfo ENOTFOUND registry.npmjs.org', 'dns', 'verdaccio/verdaccio#1157'],
  // hughsk/npm-offline#5 (a machine with no internet connection)
  ['connect ETIMEDOUT 185.31.17.162:443', 'timeout', 'hughsk/npm-offline#5'],
  // the inspector's own words when the 3 s budget ran out (electron/inspect/network.ts)
  ['no answer within 3000 ms', 'timeout', 'electron/inspect/network.ts'],
  ['HTTP 503', 'http', 'electron/inspect/network.ts'],
  ['only https:// addresses are checked', 'notHttps', 'electron/inspect/network.ts'],
];

describe('network words', () => {
  it('a machine on a network is "connected to a network", and the evidence says the internet was not contacted', () => {
    const p = findProfile('mitx-sds-capstone')!;
    const [r] = evaluate(p, machines.good(), { only: ['network.connection'] });
    expect(r!.observed?.key).toBe('checks:network.connection.observed.online');
    expect(r!.evidence.map((e) => e.key)).toContain('checks:network.connection.evidence.notInternet');
    const en = createI18n('en');
    expect(renderMsg(en, r!.title)).toBe('Network connection');
    expect(renderMsg(en, r!.expected)).toBe("Connected to a network; reaching the exam's site is tested by the network test — the exam's rules say you must");
    for (const lang of LANGUAGES) expect(renderMsg(createI18n(lang), r!.title), lang).not.toMatch(/internet/i);
  });

  for (const [error, kind, source] of CAPTURED) {
    it(`"${error}" (${source}) reads as ${kind}, without the code`, () => {
      const m = endpointProblem(error);
      expect(m.key).toBe(`checks:network.endpoints.problem.${kind}`);
      for (const lang of LANGUAGES) {
        const text = renderMsg(createI18n(lang), m);
        expect(text, lang).not.toMatch(/ENOTFOUND|ETIMEDOUT|getaddrinfo/);
        expect(text.length, lang).toBeGreaterThan(5);
      }
    });
  }

  it('an unreachable endpoint of a profile shows the problem in words, never the raw code', () => {
    const p = structuredClone(findProfile('mitx-sds-capstone')!);
    p.requirements.network = { ...p.requirements.network!, endpoints: ['https://courses.edx.org/'] };
    const f = machines.good();
    f.network.endpoints = [{ url: 'https://courses.edx.org/', ok: false, latencyMs: null, error: 'getaddrinfo ENOTFOUND courses.edx.org' }];
    const [r] = evaluate(p, f, { only: ['network.endpoints'] });
    const text = r!.evidence.map((e) => renderMsg(createI18n('es'), e)).join(' ');
    expect(text).toBe('https://courses.edx.org/: no se pudo resolver su nombre (sin conexión a internet, o el servidor de nombres no responde)');
  });
});
