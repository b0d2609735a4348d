// All message catalogs, bundled (the app works offline and the CLI needs no files at run time).
// One JSON file per language and namespace: shared/i18n/locales/<lang>/<namespace>.json.
// To add a language: add its folder with every namespace, add it to LANGUAGES in text.ts and here;
// tests/unit/i18n/catalogs.test.ts fails until every key exists in every language.
import type { Language } from './languages';
import enCommon from './locales/en/common.json';
import esCommon from './locales/es/common.json';
import ptCommon from './locales/pt/common.json';
import enChecks from './locales/en/checks.json';
import esChecks from './locales/es/checks.json';
import ptChecks from './locales/pt/checks.json';
import enDevices from './locales/en/devices.json';
import esDevices from './locales/es/devices.json';
import ptDevices from './locales/pt/devices.json';
import enChecklist from './locales/en/checklist.json';
import esChecklist from './locales/es/checklist.json';
import ptChecklist from './locales/pt/checklist.json';
import enExam from './locales/en/exam.json';
import esExam from './locales/es/exam.json';
import ptExam from './locales/pt/exam.json';
import enReport from './locales/en/report.json';
import esReport from './locales/es/report.json';
import ptReport from './locales/pt/report.json';
import enCli from './locales/en/cli.json';
import esCli from './locales/es/cli.json';
import ptCli from './locales/pt/cli.json';
import enViewer from './locales/en/viewer.json';
import esViewer from './locales/es/viewer.json';
import ptViewer from './locales/pt/viewer.json';
import enInspect from './locales/en/inspect.json';
import esInspect from './locales/es/inspect.json';
import ptInspect from './locales/pt/inspect.json';
import enErrors from './locales/en/errors.json';
import esErrors from './locales/es/errors.json';
import ptErrors from './locales/pt/errors.json';
import enJourney from './locales/en/journey.json';
import esJourney from './locales/es/journey.json';
import ptJourney from './locales/pt/journey.json';
import enEvidence from './locales/en/evidence.json';
import esEvidence from './locales/es/evidence.json';
import ptEvidence from './locales/pt/evidence.json';
import enNetwork from './locales/en/network.json';
import esNetwork from './locales/es/network.json';
import ptNetwork from './locales/pt/network.json';
import enOsstate from './locales/en/osstate.json';
import esOsstate from './locales/es/osstate.json';
import ptOsstate from './locales/pt/osstate.json';

import enProfiles from './locales/en/profiles.json';
import esProfiles from './locales/es/profiles.json';
import ptProfiles from './locales/pt/profiles.json';
import enDesktop from './locales/en/desktop.json';
import esDesktop from './locales/es/desktop.json';
import ptDesktop from './locales/pt/desktop.json';
import enSafety from './locales/en/safety.json';
import esSafety from './locales/es/safety.json';
import ptSafety from './locales/pt/safety.json';
import enCohort from './locales/en/cohort.json';
import esCohort from './locales/es/cohort.json';
import ptCohort from './locales/pt/cohort.json';

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
export const CATALOGS: Record<Language, Record<Namespace, Catalog>> = {
  en: {
    common: enCommon,
    checks: enChecks,
    devices: enDevices,
    checklist: enChecklist,
    exam: enExam,
    report: enReport,
    cli: enCli,
    viewer: enViewer,
    journey: enJourney,
    evidence: enEvidence,
    profiles: enProfiles,
    desktop: enDesktop,
    safety: enSafety,
    cohort: enCohort,
    network: enNetwork,
    osstate: enOsstate,
    inspect: enInspect,
    errors: enErrors,
  },
  es: {
    common: esCommon,
    checks: esChecks,
    devices: esDevices,
    checklist: esChecklist,
    exam: esExam,
    report: esReport,
    cli: esCli,
    viewer: esViewer,
    journey: esJourney,
    evidence: esEvidence,
    profiles: esProfiles,
    desktop: esDesktop,
    safety: esSafety,
    cohort: esCohort,
    network: esNetwork,
    osstate: esOsstate,
    inspect: esInspect,
    errors: esErrors,
  },
  pt: {
    common: ptCommon,
    checks: ptChecks,
    devices: ptDevices,
    checklist: ptChecklist,
    exam: ptExam,
    report: ptReport,
    cli: ptCli,
    viewer: ptViewer,
    journey: ptJourney,
    evidence: ptEvidence,
    profiles: ptProfiles,
    desktop: ptDesktop,
    safety: ptSafety,
    cohort: ptCohort,
    network: ptNetwork,
    osstate: ptOsstate,
    inspect: ptInspect,
    errors: ptErrors,
  },
};

/** The English catalogs as typed data: the type every message key is checked against (keys.ts). */
export interface KeyCatalogs {
  common: typeof enCommon;
  checks: typeof enChecks;
  devices: typeof enDevices;
  checklist: typeof enChecklist;
  exam: typeof enExam;
  report: typeof enReport;
  cli: typeof enCli;
  viewer: typeof enViewer;
  profiles: typeof enProfiles;
  desktop: typeof enDesktop;
  journey: typeof enJourney;
  evidence: typeof enEvidence;
  safety: typeof enSafety;
  cohort: typeof enCohort;
  network: typeof enNetwork;
  osstate: typeof enOsstate;
  inspect: typeof enInspect;
  errors: typeof enErrors;
}
