// The exam profiles shipped with the app, as raw JSON data (validated by load.ts builtinProfiles();
// import the parsed profiles from ./index).
import sdsCapstone from './mitx-sds-capstone.json';
import sdsMl from './mitx-sds-ml.json';
import pomFinal from './mitx-pom-final.json';
import xproCourse from './mitx-xpro-course.json';
import mitxBase from './mitx-base.json';
import mitxSdsBase from './mitx-sds-base.json';

export const BUILTIN_PROFILE_DATA: ReadonlyArray<readonly [string, unknown]> = [
  ['mitx-sds-capstone', sdsCapstone],
  ['mitx-sds-ml', sdsMl],
  ['mitx-pom-final', pomFinal],
  ['mitx-xpro-course', xproCourse],
];

/** Shared parts the built-ins extend (not exams themselves: no learner picks them). */
export const BUILTIN_BASE_DATA: ReadonlyArray<readonly [string, unknown]> = [
  ['mitx-base', mitxBase],
  ['mitx-sds-base', mitxSdsBase],
];
