// Issue 13: the check id is a checksum, not a signature — a report edited to "ready" with its check
// id recomputed opens without a tamper flag, and the product says so plainly (viewer and README)
// instead of implying more. This test pins that honest statement to the behaviour.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openReportText } from '../../../electron/handlers/report';
import { buildReport, shortCheckId } from '../../../shared/report/model';
import { findProfile } from '../../../shared/profile/load';
import { evaluate } from '../../../shared/rules';
import { machines } from '../../fixtures/facts/machines';
import { CATALOGS } from '../../../shared/i18n/catalogs';

describe('check id', () => {
  it('detects a careless edit, not a deliberate one; the viewer and README say exactly that', () => {
    const p = findProfile('mitx-sds-capstone')!;
    const f = machines.surfaceLaptop();
    const r = buildReport({ profile: p, facts: f, results: evaluate(p, f), appVersion: '1', createdAt: '2026-11-20T10:00:00Z' });
    expect(r.verdict).toBe('not-ready');
    const edited = { ...r, verdict: 'ready' as const };
    const careless = openReportText(JSON.stringify(edited), 'r.json');
    expect(careless.ok && careless.value.tampered).toBeTruthy();
    const { checkId: _drop, ...body } = edited;
    void _drop;
    const deliberate = openReportText(JSON.stringify({ ...body, checkId: shortCheckId(JSON.stringify(body)) }), 'r.json');
    expect(deliberate.ok && deliberate.value.tampered).toBeNull();
    for (const lang of ['en', 'es', 'pt'] as const) expect((CATALOGS[lang].safety as { checkId: { note: string } }).checkId.note.length).toBeGreaterThan(100);
    expect((CATALOGS.en.safety as { checkId: { note: string } }).checkId.note).toMatch(/not a signature/);
    expect(readFileSync('README.md', 'utf8')).toMatch(/check id is a checksum, not a signature/i);
  });
});
