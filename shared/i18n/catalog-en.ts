// The English catalogs, one module: the CLI loads only the language it speaks (load.ts), the
// app and the window all of them (catalogs.ts).
import common from './locales/en/common.json';
import checks from './locales/en/checks.json';
import devices from './locales/en/devices.json';
import checklist from './locales/en/checklist.json';
import exam from './locales/en/exam.json';
import report from './locales/en/report.json';
import cli from './locales/en/cli.json';
import viewer from './locales/en/viewer.json';
import journey from './locales/en/journey.json';
import evidence from './locales/en/evidence.json';
import profiles from './locales/en/profiles.json';
import desktop from './locales/en/desktop.json';
import safety from './locales/en/safety.json';
import cohort from './locales/en/cohort.json';
import network from './locales/en/network.json';
import osstate from './locales/en/osstate.json';
import inspect from './locales/en/inspect.json';
import errors from './locales/en/errors.json';

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
