// The catalogs the profiles name: valid, without repeats, and the release calendar's arithmetic
// with "today" fixed (the rule judges on the facts' collection date, never the clock).
import { describe, expect, it } from 'vitest';
import { appCatalog, browserCatalog, findBrowser } from '../../../shared/catalogs';
import { judgeMajor, releasesUntil, dayOf } from '../../../shared/catalogs/calendar';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { loadFixture } from '../../fixtures/facts/machines';

const en = createI18n('en');
const chrome = findBrowser('chrome')!;
const safari = findBrowser('safari')!;
const stale = browserCatalog().staleAfterDays;

describe('apps catalog', () => {
  it('has unique ids, lower-case names, and at least one name on some OS for every app', () => {
    const apps = appCatalog().apps;
    expect(new Set(apps.map((a) => a.id)).size).toBe(apps.length);
    for (const a of apps) {
      const names = [...(a.names.windows ?? []), ...(a.names.macos ?? []), ...(a.names.linux ?? [])];
      expect(names.length, a.id).toBeGreaterThan(0);
      expect(
        names.every((n) => n === n.toLowerCase()),
        a.id,
      ).toBe(true);
      expect(a.names.windows?.every((n) => !n.includes('/') && !n.includes('\\')) ?? true).toBe(true);
    }
  });
});

describe('browser release calendar', () => {
  it('Chrome: four-week majors from 140, the holiday gap to 144, two-week majors from 153', () => {
    const on = (d: string) => releasesUntil(chrome, d).at(-1)!.major;
    expect(on('2025-09-02')).toBe(140);
    expect(on('2025-10-28')).toBe(142);
    expect(on('2026-01-12')).toBe(143); // the gap: no 144 before the anchor of 13 January
    expect(on('2026-01-13')).toBe(144);
    expect(on('2026-09-08')).toBe(153);
    expect(on('2026-09-22')).toBe(154);
    expect(on('2026-11-20')).toBe(158);
  });

  it('Safari: yearly, and the jump from 18 to 26 counts as one release', () => {
    expect(releasesUntil(safari, '2026-11-20').map((r) => r.major)).toEqual([17, 18, 26, 27]);
    expect(judgeMajor(safari, 18, '2026-11-20', stale)).toMatchObject({ behind: 2, current: { major: 27, predicted: true }, stale: false });
    expect(judgeMajor(safari, 26, '2026-08-01', stale)).toMatchObject({ behind: 0, current: { major: 26 } });
  });

  it('says the calendar is stale a few months after the release its last anchor predicts next', () => {
    expect(judgeMajor(chrome, 158, '2027-01-10', stale).stale).toBe(false);
    expect(judgeMajor(chrome, 158, '2027-06-01', stale).stale).toBe(true);
  });

  it('the rule says which version is current and how far behind, and turns unknown when the calendar is old', () => {
    const f = loadFixture('old-browser');
    f.browsers.browsers = [{ id: 'chrome', name: 'Google Chrome', version: '150.0.7871.47', path: null, via: 'registry' }];
    const xpro = findProfile('mitx-xpro-course')!;
    const today = evaluate(xpro, f).find((r) => r.id === 'browsers.supported')!;
    expect(today.status).toBe('pass');
    expect(today.evidence.map((m) => renderMsg(en, m))).toContain(
      'Chrome 150.0.7871.47 is 8 major versions behind the current Chrome 158 on November 20, 2026; this exam accepts up to 16 behind',
    );
    expect(renderMsg(en, today.expected)).toMatch(/^One of Chrome 142\+, Firefox 141\+, Safari 26\+, Edge 142\+/);
    f.collectedAt = '2027-09-01T10:00:00.000Z';
    const later = evaluate(xpro, f).find((r) => r.id === 'browsers.supported')!;
    expect(later.status).toBe('unknown'); // never a guess: the data ran out
    expect(renderMsg(en, later.evidence.at(-1)!)).toMatch(/knows Chrome up to Chrome 153 \(September 8, 2026\), too long before/);
    expect(renderMsg(en, later.fix)).toMatch(/^Update Exam Preflight/);
  });

  it('reads the date part of the collection time only when it is one', () => {
    expect(dayOf('2026-11-20T09:30:00.000Z')).toBe('2026-11-20');
    expect(dayOf('yesterday')).toBeNull();
    expect(dayOf(undefined)).toBeNull();
  });
});
