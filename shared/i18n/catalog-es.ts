// The Spanish catalogs, one module: the CLI loads only the language it speaks (load.ts), the
// app and the window all of them (catalogs.ts).
import common from './locales/es/common.json';
import checks from './locales/es/checks.json';
import devices from './locales/es/devices.json';
import checklist from './locales/es/checklist.json';
import exam from './locales/es/exam.json';
import report from './locales/es/report.json';
import cli from './locales/es/cli.json';
import viewer from './locales/es/viewer.json';
import journey from './locales/es/journey.json';
import evidence from './locales/es/evidence.json';
import profiles from './locales/es/profiles.json';
import desktop from './locales/es/desktop.json';
import safety from './locales/es/safety.json';
import cohort from './locales/es/cohort.json';
import network from './locales/es/network.json';
import osstate from './locales/es/osstate.json';
import inspect from './locales/es/inspect.json';
import errors from './locales/es/errors.json';

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
