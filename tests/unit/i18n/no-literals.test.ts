// The lint rule that keeps user-facing text in the catalogs must actually fire on a component that
// renders a literal string (issue 7), and stay quiet on translated text.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
const lint = async (code: string) => {
  const [r] = await eslint.lintText(code, { filePath: 'renderer/screens/probe/Probe.tsx' });
  return r!.messages.map((m) => m.ruleId);
};

describe('renderer literal-string lint', () => {
  it('flags literal text and literal aria-labels', async () => {
    expect(await lint(`export default function P() { return <p>Hello learner</p>; }\n`)).toContain('react/jsx-no-literals');
    expect(await lint(`export default function P() { return <button aria-label="Close">x</button>; }\n`)).toContain('no-restricted-syntax');
  });
  it('accepts translated text', async () => {
    const code = `import { useTranslation } from 'react-i18next';\nexport default function P() { const { t } = useTranslation(); return <button aria-label={t('common:close')}>{t('common:ok')}</button>; }\n`;
    expect(await lint(code)).toEqual([]);
  });
});
