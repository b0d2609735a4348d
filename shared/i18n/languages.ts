// The app's languages, on their own (no schema library): the CLI's help loads only this.
export const LANGUAGES = ['en', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];
