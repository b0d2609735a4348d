// The built-in exam profiles' ids (the JSON files beside this one are the data; load.ts's
// builtinProfiles() parses them: builtin/ stands below load.ts, so it does not re-export it).

/** Fixed ids of the built-in profiles (other features and tests refer to them by id). */
export const BUILTIN_PROFILE_IDS = ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final', 'mitx-xpro-course'] as const;
export type BuiltinProfileId = (typeof BUILTIN_PROFILE_IDS)[number];
