// Lint keeps the three rooms honest (as VS Code's layering rule does):
//   shared/    pure domain: no node:*, no electron, no react
//   renderer/  no node:*, no electron, never imports electron/
//   electron/  the only code that touches the OS; logic files use `import type` from electron only
import path from 'node:path';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';

// One judge (issue 23): only shared/pipeline.ts may call the functions that decide results and
// verdicts, so no front end can judge the same facts its own way. A local rule rather than
// no-restricted-imports, whose options each folder's block above already sets (flat config would
// replace, not merge, them); it also sees `const { buildReport } = await import(...)`.
const JUDGES = {
  'shared/rules': ['evaluate'],
  'shared/rules/index': ['evaluate'],
  'shared/network/judge': ['judgeNetworkRun'],
  'shared/report/model': ['buildReport'],
};
/** The judge functions a relative import specifier reaches, resolved from the importing file (paths from the repo root). */
const judgeNames = (context, source) => {
  if (!source.startsWith('.')) return [];
  const target = path
    .relative(context.cwd, path.resolve(path.dirname(context.filename), source))
    .split(path.sep)
    .join('/');
  return JUDGES[target.replace(/\.tsx?$/, '')] ?? [];
};
const oneJudge = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { judge: '{{name}} is called by shared/pipeline.ts only: use judge() / reportOf() / networkResults() from there.' },
  },
  create(context) {
    const check = (node, source, names) => {
      const banned = judgeNames(context, source);
      for (const [n, at] of names) if (banned.includes(n)) context.report({ node: at ?? node, messageId: 'judge', data: { name: n } });
    };
    return {
      ImportDeclaration(node) {
        check(
          node,
          String(node.source.value),
          node.specifiers.filter((s) => s.type === 'ImportSpecifier').map((s) => [s.imported.name, s]),
        );
      },
      ExportNamedDeclaration(node) {
        if (node.source)
          check(
            node,
            String(node.source.value),
            node.specifiers.map((s) => [s.local.name, s]),
          );
      },
      VariableDeclarator(node) {
        let init = node.init;
        if (init?.type === 'AwaitExpression') init = init.argument;
        if (init?.type !== 'ImportExpression' || init.source.type !== 'Literal' || node.id.type !== 'ObjectPattern') return;
        check(
          node,
          String(init.source.value),
          node.id.properties.filter((p) => p.type === 'Property' && p.key.type === 'Identifier').map((p) => [p.key.name, p]),
        );
      },
    };
  },
};

// bare module names go in `paths` (exact match): as patterns, 'os' would also match './os'
const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];
const nodeBuiltins = ['node:*'];
/** Code that runs without Node (shared/, the window, the preload): the built-ins refused with `why`, and what else it may not import. */
const withoutNode = (why, patterns) => ({
  'no-restricted-imports': [
    'error',
    { paths: nodeModules.map((name) => ({ name, message: why })), patterns: [{ group: nodeBuiltins, message: why }, ...patterns] },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'tools/', 'test-results/', 'playwright-report/', 'tests/e2e/artifacts/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // product code and benchmarks; unit tests may exercise the pieces on their own
    files: ['shared/**/*.{ts,tsx}', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'scripts/**/*.{ts,mts,mjs}'],
    ignores: ['shared/pipeline.ts'],
    plugins: { preflight: { rules: { 'one-judge': oneJudge } } },
    rules: { 'preflight/one-judge': 'error' },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: withoutNode('shared/ is pure: no Node built-ins.', [
      { group: ['electron', 'react', 'react-dom', 'zustand', 'systeminformation'], message: 'shared/ is pure: no platform or UI libraries.' },
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: withoutNode('renderer/ runs sandboxed: no Node built-ins.', [
      { group: ['electron', 'systeminformation'], message: 'renderer/ talks to main only through window.preflight.' },
      { group: ['**/electron/**'], message: 'renderer/ never imports electron/ (use shared/ and window.preflight).' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/main/**'],
    rules: {
      // Only the thin Electron entry points may load electron at run time; everything else must
      // run under plain Node (CLI, tests, browser harness).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use `import type` from electron outside main.ts/preload.ts.', allowTypeImports: true }],
          patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'electron/ does not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: withoutNode('preload imports only shared/ and electron.', [
      { group: ['**/electron/**', '!electron', 'systeminformation'], message: 'preload imports only shared/ and electron.' },
    ]),
  },
  {
    // Every user-facing string comes from the message catalogs (issue 7): no literal text in JSX,
    // and no literal text in the attributes people read or hear (labels, titles, alt, placeholders).
    files: ['renderer/**/*.tsx'],
    plugins: { react, 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    settings: { react: { version: '19' } },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      // useFromMain's second argument is a dependency list like useEffect's. An error, not a warning:
      // a missing dependency is a stale value on screen, and warnings were left to pile up.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useFromMain$' }],
      'react/jsx-no-literals': [
        'error',
        {
          noStrings: true,
          ignoreProps: true,
          allowedStrings: ['·', '—', '–', '-', '%', '/', ':', '×', '(', ')', '…', '•', '|', '+', '?', '!', ',', '.', '→', '←', '✓', '✗', '⚠', '#', ' '],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|alt|placeholder|label)$/] > Literal[value=/[A-Za-z]/]',
          message: 'User-facing attribute text must come from the message catalogs (t(...)).',
        },
      ],
    },
  },
);
