// The cohort's outputs: the HTML dashboard (self-contained, no scripts, every value escaped, in the
// reader's language), the flat rows (CSV quoted per RFC 4180 with formulas neutralised; NDJSON one
// object per report × check), the terminal text (no control characters from files) and JSON.
import { describe, expect, it } from 'vitest';
import { createCohort } from '../../../shared/cohort/accumulator';
import { renderCohortHtml } from '../../../shared/cohort/render-html';
import { renderCohortJson, renderCohortText } from '../../../shared/cohort/render-text';
import { cohortRows, csvCell, csvHeader, csvLines, ndjsonLines, ROW_COLUMNS } from '../../../shared/cohort/rows';
import { createI18n } from '../../../shared/i18n';
import { msg } from '../../../shared/check';
import { machines } from '../../fixtures/facts/machines';
import { makeReport, sampleCohort } from './helpers';

const EVIL = '<img src=x onerror=alert(1)>"\'&';

function evilSummary() {
  const c = createCohort();
  for (const [f, r] of sampleCohort()) c.add(f, r);
  const r = makeReport(machines.surfaceLaptop(), '2026-11-21T08:00:00.000Z');
  r.facts.device.manufacturer = EVIL;
  r.facts.os.name = `<script>alert(1)</script>`;
  r.facts.browsers.browsers = [{ id: 'other', name: EVIL, version: null, path: null, via: 'path' }];
  c.add(`${EVIL}.json`, r);
  c.skip(`<b>${EVIL}</b>.json`, 'not-json', msg('viewer:open.notJson', { file: `<b>${EVIL}</b>.json`, detail: EVIL }));
  return c.summary();
}

describe('HTML dashboard', () => {
  it('is self-contained: a CSP that forbids scripts and remote assets, no script, inline SVG', () => {
    const html = renderCohortHtml(evilSummary(), createI18n('en'), '1.2.3');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    // no event-handler attribute on any tag (attribute values dropped first: escaped text has no raw quote)
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('@media print');
  });

  it('escapes every value that came from a file (names, OS, makers, browsers, messages)', () => {
    const html = renderCohortHtml(evilSummary(), createI18n('en'), '1.2.3');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows the counts, ranked checks with their fix, breakdowns, who needs help by check id and the trend', () => {
    const s = evilSummary();
    const html = renderCohortHtml(s, createI18n('en'), '1.2.3');
    expect(html).toContain('<h1>Cohort readiness dashboard</h1>');
    expect(html).toContain('6 reports read · 1 file skipped');
    expect(html).toMatch(/data-verdict="not-ready"><strong>3<\/strong>Not ready/);
    expect(html).toContain('data-check="device.model"');
    expect(html).toContain('Use a different computer for the exam');
    for (const k of ['exam', 'os', 'browser', 'maker']) expect(html).toContain(`data-breakdown="${k}"`);
    for (const h of s.needsHelp) expect(html).toContain(`<td class="checkid">${h.checkId}</td>`);
    expect(html).toContain('Trend by day');
    expect(html).toContain('Files not counted');
  });

  it('leaves the trend out when all reports are from one day', () => {
    const c = createCohort();
    c.add('a.json', makeReport(machines.good()));
    expect(renderCohortHtml(c.summary(), createI18n('en'), '1')).not.toContain('Trend by day');
  });

  it('reads in Spanish and Portuguese, fixes included', () => {
    const s = evilSummary();
    const es = renderCohortHtml(s, createI18n('es'), '1');
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Panel de preparación del grupo');
    expect(es).toContain('Usa otra computadora para el examen');
    const pt = renderCohortHtml(s, createI18n('pt'), '1');
    expect(pt).toContain('<html lang="pt">');
    expect(pt).toContain('Painel de prontidão da turma');
  });
});

describe('flat rows', () => {
  const r = makeReport(machines.windowsXp());
  const rows = cohortRows('lab/xp.json', r, createI18n('en'));

  it("one row per report × check, with the report columns on each and texts in the reader's language", () => {
    expect(rows).toHaveLength(r.results.length);
    expect(Object.keys(rows[0]!)).toEqual([...ROW_COLUMNS]);
    const os = rows.find((x) => x.check_key === 'os.supported')!;
    expect(os).toMatchObject({
      file: 'lab/xp.json',
      check_id: r.checkId,
      day: '2026-11-20',
      exam: 'mitx-sds-capstone',
      verdict: 'not-ready',
      status: 'fail',
      required: true,
      os_platform: 'windows',
      browsers: expect.any(String),
    });
    expect(os.fix).toMatch(/\S/);
    expect(rows.filter((x) => x.status === 'pass').every((x) => x.fix === null)).toBe(true);
    const es = cohortRows('xp.json', r, createI18n('es')).find((x) => x.check_key === 'os.supported')!;
    expect(es.title).not.toBe(os.title);
  });

  it('NDJSON: one JSON object per line', () => {
    const lines = ndjsonLines(rows).trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length);
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
  });

  it('CSV: quoted when needed, quotes doubled, and cells a spreadsheet would run as a formula neutralised', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    for (const f of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(csvCell(f).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvHeader()).toBe(`${ROW_COLUMNS.join(',')}\r\n`);
    const evil = { ...rows[0]!, file: '=cmd|"/c calc"!A1.json', os_name: 'Windows, "XP"' };
    const line = csvLines([evil]);
    expect(line.startsWith(`"'=cmd|""/c calc""!A1.json",`)).toBe(true);
    expect(line).toContain(',"Windows, ""XP""",');
    expect(line.endsWith('\r\n')).toBe(true);
  });
});

describe('terminal text and JSON', () => {
  it('text strips control characters that came from files', () => {
    const c = createCohort();
    const r = makeReport(machines.surfaceLaptop());
    c.add('\u001b[2J\u001b[31mevil.json', r);
    c.skip('x\u009b31m.json', 'not-json', msg('viewer:open.notJson', { file: 'x\u009b31m\u202e.json', detail: '\u0007' }));
    const text = renderCohortText(c.summary(), createI18n('en'));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('[2J[31mevil.json');
    expect(text).toContain('Checks that fail most:');
    expect(text).toContain(r.checkId);
  });

  it('JSON carries the summary with each message also rendered', () => {
    const c = createCohort();
    for (const [f, r] of sampleCohort()) c.add(f, r);
    const j = JSON.parse(renderCohortJson(c.summary(), createI18n('pt')));
    expect(j).toMatchObject({ format: 'exam-preflight-cohort', version: 1, language: 'pt', reports: 5 });
    expect(j.checks[0].title).toMatchObject({ key: 'checks:software.python.title', text: 'Python' });
    expect(j.needsHelp[0].checks[0].title.text).toMatch(/\S/);
  });
});
