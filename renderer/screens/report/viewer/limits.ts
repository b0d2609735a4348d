// How large a report the viewer accepts, and how it words a size.
/** The largest report main accepts (electron/handlers/report.ts MAX_REPORT_CHARS; a unit test keeps them equal). */
export const REPORT_LIMIT_CHARS = 20 * 1024 * 1024;
/** UTF-8 takes at most 4 bytes a character: a file larger than this cannot be under the limit. */
export const REPORT_LIMIT_BYTES = REPORT_LIMIT_CHARS * 4;
export const mb = (lang: string, n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n / (1024 * 1024));
