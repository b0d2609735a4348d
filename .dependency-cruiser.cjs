// The import graph's layering lint (issue 23), in the spirit of VS Code's code-layering: inside
// shared/, electron/ and renderer/ no import circle, and at every folder depth the sub-folders and
// root files stand on floors; a module imports from its own folder or a lower floor, never up and
// never sideways to a peer. `npm run lint` runs it; tests/unit/repo/floors.test.ts runs it too and
// checks that every folder with sub-folders is placed here.
//
// Floors are listed TOP FIRST; names on one floor are peers that do not import each other. A folder
// holding only files (electron/inspect, shared/rules, …) has no entry: no-circular already makes its
// files a one-way graph. `*` stands for any characters within one name (e.g. '*.css').
'use strict';
const { floorRules, noCircleRule } = require('./scripts/lint/floor-rules.cjs');

const FLOORS = {
  // shared/ is the domain. At the top what gathers everything (schemas export, the window↔main
  // contract), then the one judge and the learner's journey, then reports (and cohorts of reports)
  // made from rules run over profiles; profiles are assembled from the exam, checklist and network
  // settings, which describe facts; messages (check.ts, errors.ts) and i18n sit at the bottom
  // because every layer words its results with them.
  shared: [
    ['schemas.ts'],
    ['api.ts'],
    ['api'],
    ['pipeline.ts'],
    ['journey.ts'],
    ['cohort'],
    ['report'],
    ['rules'],
    ['policy'],
    ['profile'],
    ['scan.ts'],
    ['exam', 'checklist', 'network'],
    ['catalogs'],
    // what a probe that never ran reports, in the facts' own shape
    ['facts-empty.ts'],
    ['facts.ts'],
    ['devices', 'os-state-facts.ts'],
    ['parse-errors.ts', 'errors.ts'],
    // the nearest-name hint parse-errors gives for an unknown key
    ['did-you-mean.ts', 'schema-keys.ts', 'input-problem.ts'],
    ['check.ts'],
    ['i18n'],
  ],
  // an exam's practice views are built from scoring, scoring from attempts, attempts from the bank
  'shared/exam': [['view.ts'], ['scoring.ts'], ['attempt.ts'], ['banks', 'grading.ts'], ['bank.ts', 'clock.ts', 'random.ts', 'settings.ts']],
  // index.ts is i18next set up from every catalog, load.ts the CLI's one language; keys.ts types
  // them; instance.ts makes an i18next over given catalogs, msg.ts renders with one; catalog-<lang>
  // gathers a language's JSON; languages and the JSON are data
  'shared/i18n': [
    ['index.ts', 'keys.ts', 'zod-locale.ts', 'load.ts'],
    // the words parse-errors adds to zod's, in the language zod-locale sets
    ['input-words.ts'],
    ['catalogs.ts', 'text.ts', 'instance.ts', 'msg.ts'],
    ['catalog-*.ts', 'localize.ts'],
    ['languages.ts', 'locales'],
  ],
  // one folder of message files per language: none reads another
  'shared/i18n/locales': [['en', 'es', 'pt']],
  // load.ts parses a profile (resolving `extends`, reviewing it) into schema.ts's shape; builtin/
  // is data that load.ts reads, so it may not call back into load.ts
  'shared/profile': [
    ['load.ts', 'explain.ts'],
    ['review.ts', 'extends.ts', 'tier.ts'],
    ['schema.ts'],
    ['requirements.ts'],
    ['builtin', 'os-state-requirements.ts', 'pattern.ts'],
  ],

  // electron/ is the main process. The entry points (desktop window, headless CLI, preload) sit
  // on top; the window's parts and the IPC handlers and CLI commands under them use the features
  // (cohorts, reports, exams, checklist progress, network tests), which use the machine inspectors; logging
  // and storage are the ground every floor writes through (the log writes its file through storage).
  electron: [
    ['main.ts', 'cli.ts', 'preload.ts'],
    ['main'],
    ['handlers.ts'],
    ['handlers', 'cli'],
    ['cohort', 'report'],
    ['exam', 'checklist', 'network'],
    ['inspect'],
    ['log'],
    ['storage'],
  ],

  // renderer/ is the window. main.tsx mounts the shell; the shell (App, the route → screen map,
  // the address hash) shows the screens; screens use the device measuring (media) and the shared
  // widgets (components), both of which read the app state (store, journey, hooks); screen.ts is
  // what every screen is given, at the bottom so anything may name a route.
  renderer: [['main.tsx'], ['shell'], ['screens'], ['media', 'components'], ['app'], ['screen.ts']],
  // every screen stands alone: one screen never imports another (shared parts go down a floor)
  'renderer/screens': [['about', 'camera', 'check', 'checklists', 'choose', 'exam', 'microphone', 'network', 'report', 'speakers', 'summary']],
  // the report screen holds the export and the viewer; the viewer holds the cohort panel and its
  // parts; downloading and the styles are used by all of them
  'renderer/screens/report': [
    ['ReportScreen.tsx'],
    ['ViewerPanel.tsx', 'ExportPanel.tsx'],
    ['CohortPanel.tsx', 'viewer'],
    ['CohortDashboard.tsx', 'download.ts', '*.css'],
  ],
};

const ROOMS = ['shared', 'electron', 'renderer'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [noCircleRule(ROOMS), ...floorRules(FLOORS)],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|release|tools)/' },
    // `import type` edges are kept: a circle through types alone still ties the modules together
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
// for tests/unit/repo/floors.test.ts (not enumerable: the config schema allows no extra keys)
Object.defineProperty(module.exports, 'FLOORS', { value: FLOORS, enumerable: false });
