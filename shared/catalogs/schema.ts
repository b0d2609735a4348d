// Catalogs: versioned data the project owns and every profile shares. A profile names an app or a
// browser by id; the catalog keeps its executable names and release calendar current for all
// profiles at once (`npm run schemas` publishes schemas/catalog-*.schema.json for editors).
// Slot for issue 15 (camera): a virtual-devices catalog (virtual cameras/microphones by name) goes
// beside these as its own file + schema, registered in ./index.ts and shared/schemas.ts.
import { z } from 'zod';
import { BrowserIdSchema } from '../facts';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
/** the catalog's own version: the date of the data, so a report can say which list judged it */
const CatalogVersion = z.string().regex(/^\d{4}\.\d{2}\.\d{2}$/, 'YYYY.MM.DD');

export const APP_CATEGORIES = ['remote-desktop', 'screen-sharing', 'recording', 'messaging', 'office', 'other'] as const;
export const AppCategorySchema = z.enum(APP_CATEGORIES);

/** lower-case, as the process collector reports names (no path, no arguments) */
const ExecutableName = z
  .string()
  .min(1)
  .max(100)
  .refine((s) => s === s.toLowerCase(), 'lower-case, as process lists are compared');

export const AppCatalogSchema = z
  .object({
    $schema: z.string().optional(),
    version: CatalogVersion,
    reviewed: Day,
    apps: z.array(
      z
        .object({
          id: Id,
          label: z.string().min(1),
          category: AppCategorySchema,
          /** executable names per OS: Windows "teamviewer.exe", macOS the process name, Linux the comm name */
          names: z
            .object({ windows: z.array(ExecutableName).optional(), macos: z.array(ExecutableName).optional(), linux: z.array(ExecutableName).optional() })
            .strict()
            .refine((n) => (n.windows?.length ?? 0) + (n.macos?.length ?? 0) + (n.linux?.length ?? 0) > 0, 'at least one executable name'),
          /** where the names come from, or what the name means (shown to authors, not to learners) */
          evidence: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type AppCatalog = z.infer<typeof AppCatalogSchema>;
export type CatalogApp = AppCatalog['apps'][number];

export const BrowserCatalogSchema = z
  .object({
    $schema: z.string().optional(),
    version: CatalogVersion,
    reviewed: Day,
    /** a calendar more than this many days past the release its last anchor predicts next is stale */
    staleAfterDays: z.number().int().positive(),
    browsers: z.array(
      z
        .object({
          id: BrowserIdSchema,
          name: z.string().min(1),
          /**
           * known stable releases, oldest first: from each anchor a new major every `everyDays`
           * until the next anchor (a jump such as Safari 18 → 26 is simply the next anchor)
           */
          anchors: z.array(z.object({ major: z.number().int().positive(), date: Day, everyDays: z.number().int().positive() }).strict()).min(1),
          evidence: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type BrowserCatalog = z.infer<typeof BrowserCatalogSchema>;
export type CatalogBrowser = BrowserCatalog['browsers'][number];
