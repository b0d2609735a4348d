// Every message key of the catalogs as a type ("checks:os.supported.title"), read from the English
// catalogs: a msg() with a key that does not exist fails the type check. Plural forms ("_one",
// "_other") are one key, as i18next is called with it.
import type { KeyCatalogs } from './catalogs';

type Plural = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type StripPlural<K extends string> = K extends `${infer B}${Plural}` ? B : K;
type Leaves<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MsgKey = { [N in keyof KeyCatalogs & string]: Leaves<KeyCatalogs[N], `${N}:`> }[keyof KeyCatalogs & string];

/** The rest of every key under a prefix: KeysUnder<'viewer:open.'> is 'tooLarge' | 'empty' | … */
export type KeysUnder<P extends string, K = MsgKey> = K extends `${P}${infer R}` ? R : never;
