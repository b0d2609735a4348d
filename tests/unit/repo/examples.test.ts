// examples/ is what a newcomer tries the README and docs/ on (docs-run.test.ts runs them). Its
// reports must be what the tool makes today (`npm run examples` rewrites them), every file must
// parse with the app's own readers, and the policy must load with the app's own loader.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { makeExampleReports, REPORTS_DIR } from '../../../scripts/examples/reports';
import { ReportSchema } from '../../../shared/report/model';
import { loadPolicy } from '../../../electron/storage/policy';
import { runInProcess } from '../cli/in-process';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

describe('examples/reports', () => {
  it('are what `evaluate --facts` makes today (run "npm run examples" if not), and nothing else is in the folder', async () => {
    const made = await makeExampleReports();
    const inRepo = readdirSync(path.join(ROOT, REPORTS_DIR)).sort();
    expect(inRepo).toEqual([...made.keys()].sort());
    for (const [name, text] of made) expect(read(`${REPORTS_DIR}/${name}`), `${REPORTS_DIR}/${name} is stale: run "npm run examples"`).toBe(text);
  });

  it('parse as reports and hold every verdict, so the docs’ queries have something to find', () => {
    const verdicts = new Set<string>();
    for (const f of readdirSync(path.join(ROOT, REPORTS_DIR))) {
      const report = ReportSchema.parse(JSON.parse(read(`${REPORTS_DIR}/${f}`)));
      verdicts.add(report.verdict);
    }
    expect([...verdicts].sort()).toEqual(['incomplete', 'not-ready', 'ready']);
  });

  it('are all counted by summarize: none is damaged or edited', async () => {
    const r = await runInProcess(['summarize', REPORTS_DIR, '--format', 'json'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { reports: number; skipped: number };
    expect({ reports: summary.reports, skipped: summary.skipped }).toEqual({ reports: readdirSync(path.join(ROOT, REPORTS_DIR)).length, skipped: 0 });
  });
});

describe('examples/profiles', () => {
  it('the course team’s profile extends a built-in exam and validates', async () => {
    const file = 'examples/profiles/sds-capstone-example-university.json';
    const raw = JSON.parse(read(file)) as { extends?: string };
    expect(raw.extends).toBe('mitx-sds-capstone');
    const r = await runInProcess(['profile', 'validate', file], { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('extends mitx-sds-capstone');
  });

  it('adds what the course page states, quoting it', async () => {
    const r = await runInProcess(['profile', 'resolve', 'examples/profiles/sds-capstone-example-university.json'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    const pandas = p.requirements.software.python.packages.find((x: { name: string }) => x.name === 'pandas');
    expect(pandas).toMatchObject({ required: true, source: { source: 'course-exam-page' } });
    const materials = p.checklists.sections.find((s: { id: string }) => s.id === 'materials').items.map((i: { id: string }) => i.id);
    expect(materials).toContain('materials-scratch-paper');
    expect(materials).toContain('materials-course-rules'); // inherited items stay
  });
});

describe('examples/policy.json', () => {
  it('validates against the published schema, as an admin’s editor would', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
    const validate = ajv.compile(JSON.parse(read('schemas/policy.schema.json')));
    expect(validate(JSON.parse(read('examples/policy.json'))) ? 'ok' : JSON.stringify(validate.errors)).toBe('ok');
  });

  it('loads with the app’s policy loader (portable copy beside the program), its extra profile included', async () => {
    // only examples/ exists for this loader: the machine's own policy files never count here
    const readFile = async (file: string) => {
      if (!path.resolve(file).startsWith(EXAMPLES + path.sep)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return readFileSync(file, 'utf8');
    };
    const loaded = await loadPolicy({ platform: 'linux', env: {}, execDir: EXAMPLES, readFile });
    expect(loaded.source).toBe(path.join(EXAMPLES, 'policy.json'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.rejected).toBe(false);
    expect(loaded.extraProfiles.map((p) => p.id)).toEqual(['exu-sds-capstone']);
    expect(loaded.policy.defaultProfile).toBe('exu-sds-capstone');
  });
});
