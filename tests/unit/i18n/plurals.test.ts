// Plurals follow each language's rules (issue 14): every plural key has its _one and _other forms in
// every language, and counts shown together are each their own plural ("1 aviso, 2 fallidas").
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../shared/i18n/catalogs';
import { createI18n } from '../../../shared/i18n';
import { LANGUAGES } from '../../../shared/i18n/text';
import { statusCounts } from '../../../renderer/screens/check/counts';

function keys(o: unknown, prefix = ''): string[] {
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('plural forms', () => {
  it('every _one key has an _other key and the reverse, in every language', () => {
    for (const lang of LANGUAGES) {
      for (const [ns, cat] of Object.entries(CATALOGS[lang])) {
        const all = new Set(keys(cat));
        for (const k of all) {
          if (k.endsWith('_one')) expect(all.has(k.replace(/_one$/, '_other')), `${lang}/${ns}: ${k}`).toBe(true);
          if (k.endsWith('_other')) expect(all.has(k.replace(/_other$/, '_one')), `${lang}/${ns}: ${k}`).toBe(true);
        }
      }
    }
  });

  it('check counts: "1 aviso", never "1 avisos"', () => {
    const es = createI18n('es');
    const pt = createI18n('pt');
    expect(statusCounts(es.t, 'es', { pass: 3, warn: 1, fail: 1, unknown: 0 })).toBe('3 superadas, 1 aviso y 1 fallida');
    expect(statusCounts(pt.t, 'pt', { pass: 1, warn: 2, fail: 1, unknown: 0 })).toBe('1 aprovada, 2 avisos e 1 reprovada');
    expect(es.t('journey:check.done', { count: 1, parts: 'x' })).toBe('Comprobación terminada: 1 resultado — x.');
  });
});
