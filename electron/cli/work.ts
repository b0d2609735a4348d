// Everything a CLI command needs beyond parsing its arguments, in one module the command loads on
// first use: `--help`, `--version` and usage errors start without zod schemas, the profiles, the
// report model (esbuild splits it into its own chunk). Each output format and the JSON Schema
// export load on their own, only when asked for.
export { allProfiles } from '../../shared/profile/load';
export { reportOf, scanMachine } from '../../shared/pipeline';
export { localize } from '../../shared/i18n/text';
export { defaultCacheFile, fileCache, memoryCache } from '../inspect/probe-cache';
export { readJudgeable, resolveProfile } from './inputs';
export { FACT_AREAS } from '../../shared/facts';
export { setZodLanguage } from '../../shared/i18n/zod-locale';
