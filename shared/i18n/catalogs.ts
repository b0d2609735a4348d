// All message catalogs, bundled (the app works offline and the CLI needs no files at run time).
// One JSON file per language and namespace: shared/i18n/locales/<lang>/<namespace>.json, gathered
// per language in catalog-<lang>.ts (so the CLI can load one language: load.ts).
// To add a language: add its folder with every namespace and its catalog-<lang>.ts, add it to
// LANGUAGES in languages.ts, here and in load.ts; tests/unit/i18n/catalogs.test.ts fails until
// every key exists in every language. To add a namespace: its JSON in every language, its line in
// each catalog-<lang>.ts, NAMESPACES and KeyCatalogs below.
import type { Language } from './languages';
import en from './catalog-en';
import es from './catalog-es';
import pt from './catalog-pt';

export const NAMESPACES = [
  'common',
  'checks',
  'devices',
  'checklist',
  'exam',
  'report',
  'cli',
  'viewer',
  'journey',
  'evidence',
  'profiles',
  'desktop',
  'safety',
  'cohort',
  'network',
  'osstate',
  'inspect',
  'errors',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

type Catalog = Record<string, unknown>;
export const CATALOGS: Record<Language, Record<Namespace, Catalog>> = { en, es, pt };

/** The English catalogs as typed data: the type every message key is checked against (keys.ts). */
export interface KeyCatalogs {
  common: typeof en.common;
  checks: typeof en.checks;
  devices: typeof en.devices;
  checklist: typeof en.checklist;
  exam: typeof en.exam;
  report: typeof en.report;
  cli: typeof en.cli;
  viewer: typeof en.viewer;
  profiles: typeof en.profiles;
  desktop: typeof en.desktop;
  journey: typeof en.journey;
  evidence: typeof en.evidence;
  safety: typeof en.safety;
  cohort: typeof en.cohort;
  network: typeof en.network;
  osstate: typeof en.osstate;
  inspect: typeof en.inspect;
  errors: typeof en.errors;
}
