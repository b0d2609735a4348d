// The Portuguese catalogs, one module: the CLI loads only the language it speaks (load.ts), the
// app and the window all of them (catalogs.ts).
import common from './locales/pt/common.json';
import checks from './locales/pt/checks.json';
import devices from './locales/pt/devices.json';
import checklist from './locales/pt/checklist.json';
import exam from './locales/pt/exam.json';
import report from './locales/pt/report.json';
import cli from './locales/pt/cli.json';
import viewer from './locales/pt/viewer.json';
import journey from './locales/pt/journey.json';
import evidence from './locales/pt/evidence.json';
import profiles from './locales/pt/profiles.json';
import desktop from './locales/pt/desktop.json';
import safety from './locales/pt/safety.json';
import cohort from './locales/pt/cohort.json';
import network from './locales/pt/network.json';
import osstate from './locales/pt/osstate.json';
import inspect from './locales/pt/inspect.json';
import errors from './locales/pt/errors.json';

export default {
  common,
  checks,
  devices,
  checklist,
  exam,
  report,
  cli,
  viewer,
  journey,
  evidence,
  profiles,
  desktop,
  safety,
  cohort,
  network,
  osstate,
  inspect,
  errors,
};
