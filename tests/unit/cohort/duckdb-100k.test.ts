// The "more than one machine" path of docs/admins.md: `summarize --format ndjson` rows queried with
// DuckDB. Every SQL query of the doc's "Querying the rows (DuckDB)" section is taken from the doc
// itself (so the doc and this test cannot drift) and run through @duckdb/node-api on 100 000 rows
// made by the real row builder (cohortRows, as the CLI writes them) from real reports (the real
// pipeline, scripts/bench/lib/synthetic-cohort.ts); each answer is checked against the same rows
// counted here.
import { DuckDBInstance } from '@duckdb/node-api';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortRows, ndjsonLines, type CohortRow } from '../../../shared/cohort/rows';
import { createI18n } from '../../../shared/i18n';
import { syntheticReports } from '../../../scripts/bench/lib/synthetic-cohort';

const ROWS = 100_000;
const DOC = path.join(__dirname, '../../../docs/admins.md');

/** The ```sql blocks of the DuckDB section, split into statements (each with its leading comment). */
function documentedQueries(): string[] {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf('### Querying the rows (DuckDB)');
  const end = doc.indexOf('\n## ', start);
  const section = doc.slice(start, end);
  const blocks = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) =>
    b
      .split(/;\s*\n/)
      .map((q) => q.trim())
      .filter((q) => q.replace(/--.*$/gm, '').trim() !== ''),
  );
}

/** 100 000 rows or a few more (whole reports): 300 machines judged, repeated under their own file names. */
function writeRows(file: string): CohortRow[] {
  const i18n = createI18n('en');
  const reports = [...syntheticReports(300)];
  const all: CohortRow[] = [];
  writeFileSync(file, '');
  for (let i = 0; all.length < ROWS; i++) {
    const { report } = reports[i % reports.length]!;
    const rows = cohortRows(`lab-${i % 20}/machine-${String(i).padStart(6, '0')}.json`, report, i18n);
    appendFileSync(file, ndjsonLines(rows));
    for (const r of rows) all.push(r);
  }
  return all;
}

const commentOf = (q: string) => /^--\s*(.*)$/m.exec(q)?.[1] ?? '';

describe('the DuckDB queries of docs/admins.md, on 100 000 NDJSON rows', () => {
  it('run, and answer what the rows say', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-duckdb-'));
    const ndjson = path.join(dir, 'cohort.ndjson');
    const rows = writeRows(ndjson);
    expect(rows.length).toBeGreaterThanOrEqual(ROWS);

    const queries = documentedQueries();
    // the doc's three queries, in its order (a query added to the doc must be added here too)
    expect(queries.map(commentOf)).toEqual([
      'which checks fail most, and on how many machines',
      'machines that are not ready, with the check ids to call back',
      'readiness per day',
    ]);
    expect(queries.every((q) => q.includes("read_json_auto('out/cohort.ndjson')"))).toBe(true);

    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const query = async (sql: string) =>
      (await con.runAndReadAll(sql.replaceAll("'out/cohort.ndjson'", `'${ndjson.replaceAll("'", "''")}'`))).getRowObjectsJS();
    try {
      // counts per verdict (machines, not rows), the first thing an admin asks
      const verdicts = await query(`SELECT verdict, count(DISTINCT file) AS n FROM read_json_auto('out/cohort.ndjson') GROUP BY verdict ORDER BY verdict`);
      const files = new Map(rows.map((r) => [r.file, r]));
      const want: Record<string, number> = {};
      for (const r of files.values()) want[String(r.verdict)] = (want[String(r.verdict)] ?? 0) + 1;
      expect(Object.fromEntries(verdicts.map((v) => [v.verdict, Number(v.n)]))).toEqual(want);
      expect(Object.keys(want).length).toBeGreaterThanOrEqual(2);

      // 1. which checks fail most
      const checks = await query(queries[0]!);
      const byKey = new Map<string, CohortRow[]>();
      for (const r of rows) byKey.set(String(r.check_key), [...(byKey.get(String(r.check_key)) ?? []), r]);
      expect(checks).toHaveLength(byKey.size);
      for (const c of checks) {
        const rs = byKey.get(String(c.check_key))!;
        expect(Number(c.failing)).toBe(rs.filter((r) => r.status === 'fail').length);
        expect(Number(c.undetermined)).toBe(rs.filter((r) => r.status === 'unknown').length);
        expect(Number(c.machines)).toBe(rs.length);
        const fixes = new Set(rs.filter((r) => r.status === 'fail').map((r) => r.fix));
        expect(fixes.size ? fixes.has(c.fix as string | null) : c.fix === null).toBe(true);
      }
      const failing = checks.map((c) => Number(c.failing));
      expect(failing).toEqual([...failing].sort((a, b) => b - a));
      expect(failing[0]).toBeGreaterThan(0);

      // 2. machines that are not ready, with what blocks them
      const blocked = await query(queries[1]!);
      const wantBlocked = new Map<string, Set<string>>();
      for (const r of rows)
        if (r.verdict === 'not-ready' && r.required === true && r.status === 'fail')
          wantBlocked.set(String(r.file), (wantBlocked.get(String(r.file)) ?? new Set()).add(String(r.check_key)));
      expect(blocked).toHaveLength(wantBlocked.size);
      expect(blocked.map((b) => b.file)).toEqual([...wantBlocked.keys()].sort());
      for (const b of blocked) expect(new Set(String(b.blocking).split(', '))).toEqual(wantBlocked.get(String(b.file)));

      // 3. readiness per day
      const days = await query(queries[2]!);
      const perDay = new Map<string, { ready: number; all: number }>();
      for (const r of files.values()) {
        const d = perDay.get(String(r.day)) ?? { ready: 0, all: 0 };
        d.all++;
        if (r.verdict === 'ready') d.ready++;
        perDay.set(String(r.day), d);
      }
      // read_json_auto takes "YYYY-MM-DD" for a DATE (a JS Date at midnight UTC)
      const dayOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
      expect(days.map((d) => dayOf(d.day))).toEqual([...perDay.keys()].sort());
      for (const d of days) {
        const w = perDay.get(dayOf(d.day))!;
        expect(Number(d.pct_ready)).toBeCloseTo((w.ready * 100) / w.all, 6);
      }
    } finally {
      con.closeSync();
      db.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
