// The catalogs shipped with the app, validated once (a broken catalog is a bug the tests catch).
import { AppCatalogSchema, BrowserCatalogSchema, type AppCatalog, type BrowserCatalog, type CatalogApp, type CatalogBrowser } from './schema';
import appsData from './apps.json';
import browsersData from './browsers.json';
import type { BrowserId } from '../facts';

export * from './schema';

let apps: AppCatalog | null = null;
let browsers: BrowserCatalog | null = null;

export function appCatalog(): AppCatalog {
  apps ??= AppCatalogSchema.parse(appsData);
  return apps;
}

export function browserCatalog(): BrowserCatalog {
  browsers ??= BrowserCatalogSchema.parse(browsersData);
  return browsers;
}

export const findApp = (id: string): CatalogApp | undefined => appCatalog().apps.find((a) => a.id === id);
export const findBrowser = (id: BrowserId): CatalogBrowser | undefined => browserCatalog().browsers.find((b) => b.id === id);

/** Every executable name of an app, on every OS, without repeats (process names are compared as-is). */
export const allNames = (app: CatalogApp): string[] => [...new Set([...(app.names.windows ?? []), ...(app.names.macos ?? []), ...(app.names.linux ?? [])])];
