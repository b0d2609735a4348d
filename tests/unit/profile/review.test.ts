// Built-in profiles say when they were checked against their FAQs; the app says when that is old.
import { describe, expect, it } from 'vitest';
import { builtinProfiles } from '../../../shared/profile/load';
import { summarizeProfile } from '../../../shared/profile/load';
import { REVIEW_MAX_DAYS, reviewState } from '../../../shared/profile/review';
import { runCli } from '../../../electron/cli/run';

describe('profile review date', () => {
  it('every built-in exam profile carries the day it was reviewed', () => {
    for (const p of builtinProfiles()) expect(p.reviewed, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('is stale after about six months, not before; no date is never called stale', () => {
    expect(reviewState('2026-11-25', '2027-05-20')).toEqual({ reviewed: '2026-11-25', reviewStale: false });
    expect(reviewState('2026-11-25', '2027-06-01')).toEqual({ reviewed: '2026-11-25', reviewStale: true });
    expect(REVIEW_MAX_DAYS).toBeGreaterThan(150);
    expect(reviewState(undefined, '2030-01-01')).toEqual({ reviewed: null, reviewStale: false });
  });
  it('the exam list tells the window, and the CLI marks an old profile', async () => {
    const p = builtinProfiles()[0]!;
    expect(summarizeProfile(p, 'en', 'builtin', '2026-12-01').reviewStale).toBe(false);
    expect(summarizeProfile(p, 'en', 'builtin', '2027-12-01').reviewStale).toBe(true);
    let out = '';
    await runCli(['profiles', '--lang', 'es'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {},
      cwd: '/',
      now: () => new Date('2027-12-01T10:00:00Z'),
    });
    expect(out).toMatch(/mitx-sds-capstone .*\(comprobado el 2026-11-25: hace más de seis meses\)/);
  });
});
