import { describe, expect, it } from 'vitest';
import { CATALOGS, NAMESPACES } from '../../../shared/i18n/catalogs';
import { LANGUAGES } from '../../../shared/i18n/text';
import { createI18n, languageFromLocale, renderMsg } from '../../../shared/i18n';

function flatten(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}
/** i18next plural suffixes differ per language; compare on the base key */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('message catalogs', () => {
  for (const ns of NAMESPACES) {
    it(`namespace "${ns}" has the same keys in every language`, () => {
      const en = new Set(flatten(CATALOGS.en[ns]).map(base));
      for (const lang of LANGUAGES) {
        const keys = new Set(flatten(CATALOGS[lang][ns]).map(base));
        expect(
          [...en].filter((k) => !keys.has(k)),
          `${lang}/${ns}.json lacks`,
        ).toEqual([]);
        expect(
          [...keys].filter((k) => !en.has(k)),
          `${lang}/${ns}.json has extra`,
        ).toEqual([]);
      }
    });
  }
  it('no message is empty', () => {
    for (const lang of LANGUAGES)
      for (const ns of NAMESPACES)
        for (const k of flatten(CATALOGS[lang][ns])) {
          const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], CATALOGS[lang][ns]);
          if (v !== undefined && typeof v !== 'object') expect(String(v).trim(), `${lang}/${ns}:${k}`).not.toBe('');
        }
  });
  it('renders messages per language and picks languages from locales', () => {
    expect(renderMsg(createI18n('es'), { key: 'common:verdict.ready' })).toBe('Listo');
    expect(renderMsg(createI18n('pt'), { key: 'common:status.fail' })).toBe('Falha');
    expect(languageFromLocale('pt-BR')).toBe('pt');
    expect(languageFromLocale('es_419.UTF-8')).toBe('es');
    expect(languageFromLocale('de-DE')).toBe('en');
  });
});

describe('numbers in messages', () => {
  it('are written the way each language writes them, and plurals still work', () => {
    const m = { key: 'checks:hardware.memory.observed', params: { total: 23.5 } };
    expect(renderMsg(createI18n('en'), m)).toBe('23.5 GB');
    expect(renderMsg(createI18n('es'), m)).toBe('23,5 GB');
    expect(renderMsg(createI18n('pt'), m)).toBe('23,5 GB');
    expect(renderMsg(createI18n('pt'), { key: 'checks:hardware.cpu.observed', params: { count: 1, brand: 'x' } })).toMatch(/^1 núcleo/);
    expect(renderMsg(createI18n('es'), { key: 'checks:hardware.cpu.observed', params: { count: 4, brand: 'x' } })).toMatch(/^4 núcleos/);
  });
});

describe('calendar days in messages', () => {
  it('are written as dates in each language, never shifted by the time zone', () => {
    const m = { key: 'checklist:expiry.expired', params: { date: '2026-12-05' } };
    expect(renderMsg(createI18n('en'), m)).toBe('Your ID expired on December 5, 2026.');
    expect(renderMsg(createI18n('es'), m)).toBe('Tu documento venció el 5 de diciembre de 2026.');
    expect(renderMsg(createI18n('pt'), m)).toBe('O seu documento venceu em 5 de dezembro de 2026.');
  });
});
