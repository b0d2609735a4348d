// Dates in the viewer: the reader's language, medium date and short time.
export const viewerDate = (lang: string, iso: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
