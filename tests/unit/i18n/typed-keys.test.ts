// Message keys are typed from the English catalogs (shared/i18n/keys.ts): a key that does not exist
// fails `npm run typecheck`. The @ts-expect-error lines below are the proof — if msg() accepted any
// string, they would be unused and the type check would fail on them instead.
import { describe, expect, it } from 'vitest';
import { dataMsg, msg } from '../../../shared/check';
import type { KeysUnder, MsgKey } from '../../../shared/i18n/keys';
import { CATALOGS } from '../../../shared/i18n/catalogs';
import { CHECKS } from '../../../shared/rules';

describe('typed message keys', () => {
  it('accepts keys the catalogs have (plural keys without their suffix) and refuses others', () => {
    expect(msg('checks:os.supported.title').key).toBe('checks:os.supported.title');
    const plural: MsgKey = 'exam:import.failed'; // failed_one / failed_other in the catalog
    expect(plural).toBe('exam:import.failed');
    // @ts-expect-error a key the catalogs do not have
    expect(msg('checks:os.supported.titel').key).toBe('checks:os.supported.titel');
    // @ts-expect-error a namespace that does not exist
    msg('nope:x');
    const open: KeysUnder<'viewer:open.'> = 'truncated';
    // @ts-expect-error not a viewer:open.* key
    const bad: KeysUnder<'viewer:open.'> = 'truncate';
    expect([open, bad]).toHaveLength(2);
  });

  it('keys built from data (a check id) exist for every check', () => {
    for (const c of CHECKS) {
      const [ns, ...rest] = dataMsg(c.titleKey ?? `checks:${c.id}.title`).key.split(':');
      const leaf = rest
        .join(':')
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], CATALOGS.en[ns as keyof typeof CATALOGS.en]);
      expect(typeof leaf, c.id).toBe('string');
    }
  });
});
