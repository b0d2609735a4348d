// Text that a data file (profile, question bank) carries in several languages.
// English is required; missing translations fall back to English visibly (see localize.ts).
import { z } from 'zod';

import { LANGUAGES, type Language } from './languages';
import type { LocalText } from './localize';

export { LANGUAGES, type Language };
export { localize, type LocalText } from './localize';

export const LocalTextSchema: z.ZodType<LocalText> = z.union([
  z.string().min(1),
  z.object({ en: z.string().min(1), es: z.string().min(1).optional(), pt: z.string().min(1).optional() }),
]);
