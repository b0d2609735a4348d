// Checklist data in profiles (validated with located errors) and the learner's progress: saved per
// exam, kept across restarts, reset per exam, a corrupt file moved aside (never wiped), bad
// arguments from the window refused, and the summary that feeds the verdict and the report.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecklistHandlers } from '../../../electron/handlers/checklist';
import { readChecklistSummary } from '../../../electron/checklist/progress-store';
import { findProfile, parseProfileText } from '../../../shared/profile/load';
import { rejectionOf } from '../profile/rejection';
import { activeItems } from '../../../shared/checklist/schema';

const ctx = (dataDir: string) => ({ dataDir, appVersion: '9.9.9', emit: () => {}, now: () => Date.parse('2026-11-23T10:00:00Z') });
const tmp = () => mkdtemp(path.join(os.tmpdir(), 'preflight-checklists-'));
const POM = 'mitx-pom-final';

const base = { id: 'lab-exam', version: '1.0.0', title: 'Lab', program: 'Lab', requirements: {} };
const item = (id: string, extra: Record<string, unknown> = {}) => ({ id, statement: 'S', why: 'W', done: 'D', ...extra });
const problem = (checklists: unknown) => rejectionOf(JSON.stringify({ ...base, checklists }));

describe('checklists in profiles', () => {
  it('the Principles of Manufacturing finals list exactly the three approved translators, and the sheet and pen', () => {
    const items = activeItems(findProfile(POM)!.checklists);
    const translator = items.find((i) => i.id === 'materials-translator')!;
    expect(translator.allowed!.map((a) => (typeof a.name === 'string' ? a.name : a.name.en))).toEqual(['Google Translate', 'Youdao', 'Bing Translator']);
    expect(translator.required).toBe(false);
    expect(items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['materials-blank-sheet', 'materials-pen', 'id-name-matches', 'id-not-expired', 'room-phone', 'room-one-monitor']),
    );
    expect(new Set(items.map((i) => i.section))).toEqual(new Set(['id', 'materials', 'room']));
  });

  it('rejects bad checklist data with the file, the place and the problem', () => {
    expect(problem({ sections: [{ id: 'id', items: [item('a'), item('a')] }] })).toMatch(
      /lab\.json:checklists\.sections\[0\]\.items\[1\]\.id: item id "a" is used twice/,
    );
    expect(
      problem({
        sections: [
          { id: 'room', items: [item('a')] },
          { id: 'room', items: [item('b')] },
        ],
      }),
    ).toMatch(/checklists\.sections\[1\]\.id: section "room" appears twice/);
    expect(problem({ sections: [{ id: 'kitchen', items: [item('a')] }] })).toMatch(/checklists\.sections\[0\]\.id/);
    expect(problem({ sections: [{ id: 'id', items: [item('Bad Id')] }] })).toMatch(/items\[0\]\.id/);
    expect(problem({ sections: [{ id: 'id', items: [item('a', { colour: 'red' })] }] })).toMatch(/items\[0\]\.colour/);
    expect(problem({ sections: [{ id: 'id', items: [{ id: 'a', statement: 'S' }] }] })).toMatch(/items\[0\]\.why/);
    expect(problem({ sections: [{ id: 'materials', items: [item('t', { allowed: [{ name: 'X', url: 'javascript:alert(1)' }] })] }] })).toMatch(
      /allowed\[0\]\.url/,
    );
    expect(problem({ sections: [] })).toMatch(/checklists\.sections/);
  });

  it('items an exam switches off are not asked', () => {
    const p = parseProfileText(
      JSON.stringify({ ...base, checklists: { sections: [{ id: 'room', items: [item('a'), item('b', { enabled: false })] }] } }),
      'lab.json',
    );
    expect(activeItems(p.checklists).map((i) => i.id)).toEqual(['a']);
  });
});

describe('checklist progress', () => {
  it('saves ticks and the exam date per exam, keeps them across a restart, and summarizes them', async () => {
    const dir = await tmp();
    const h = createChecklistHandlers(ctx(dir));
    const first = await h.getChecklists(POM);
    expect(first.summary).toMatchObject({ status: 'incomplete', done: 0 });
    const required = first.summary.items.filter((i) => i.required).map((i) => i.id);
    // ticks sent quickly one after the other all land (changes are queued, not raced)
    await Promise.all(required.map((id) => h.setChecklistItem(POM, id, true)));
    await h.setExamDate(POM, '2026-12-10');
    const again = await createChecklistHandlers(ctx(dir)).getChecklists(POM);
    expect(again.progress.ticked.sort()).toEqual([...required].sort());
    expect(again.progress.examDate).toBe('2026-12-10');
    expect(again.summary).toMatchObject({ status: 'complete', requiredOpen: 0, examDate: '2026-12-10' });
    // another exam's progress is its own
    expect((await h.getChecklists('mitx-sds-capstone')).progress.ticked).toEqual([]);
    expect(await readChecklistSummary({ dataDir: dir }, findProfile(POM)!)).toMatchObject({ status: 'complete' });
    // unticking a required item makes it incomplete again
    expect((await h.setChecklistItem(POM, required[0]!, false)).summary).toMatchObject({ status: 'incomplete', requiredOpen: 1 });
  });

  it('stores no names or ID dates: only ticks, the exam date and when it changed', async () => {
    const dir = await tmp();
    const h = createChecklistHandlers(ctx(dir));
    await h.setChecklistItem(POM, 'id-name-matches', true);
    const saved = JSON.parse(await readFile(path.join(dir, 'checklists.json'), 'utf8'));
    expect(Object.keys(saved.profiles[POM]).sort()).toEqual(['examDate', 'ticked', 'updatedAt']);
  });

  it('resets one exam only', async () => {
    const dir = await tmp();
    const h = createChecklistHandlers(ctx(dir));
    await h.setChecklistItem(POM, 'room-phone', true);
    await h.setChecklistItem('mitx-sds-capstone', 'room-phone', true);
    const r = await h.resetChecklists(POM);
    expect(r.progress).toEqual({ ticked: [], examDate: null, updatedAt: null });
    expect((await h.getChecklists('mitx-sds-capstone')).progress.ticked).toEqual(['room-phone']);
  });

  it('moves a corrupt progress file aside, says so, and starts afresh', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'checklists.json'), '{"format": 1, "profiles": {"mitx-pom-final": {"ticked": 5}}}');
    const h = createChecklistHandlers(ctx(dir));
    const s = await h.getChecklists(POM);
    expect(s.progress.ticked).toEqual([]);
    expect(s.notice).toMatchObject({ movedTo: expect.stringMatching(/checklists\.corrupt-.*\.json$/), problem: expect.stringContaining('ticked') });
    expect((await readdir(dir)).some((f) => f.startsWith('checklists.corrupt-'))).toBe(true);
    await h.setChecklistItem(POM, 'room-phone', true);
    expect((await h.getChecklists(POM)).notice).not.toBeNull(); // still told after the next save
  });

  it('refuses bad arguments from the window', async () => {
    const h = createChecklistHandlers(ctx(await tmp()));
    await expect(h.getChecklists('no-such-exam')).rejects.toThrow(/unknown profile "no-such-exam" \(known: /);
    await expect(h.setChecklistItem(POM, 'not-an-item', true)).rejects.toThrow(/no checklist item "not-an-item"/);
    await expect(h.setChecklistItem(POM, 'room-phone', 'yes')).rejects.toThrow();
    await expect(h.setExamDate(POM, '2026-02-30')).rejects.toThrow(/calendar day/);
    await expect(h.setExamDate(POM, { toString: () => '2026-12-01' })).rejects.toThrow();
    await expect(h.getChecklists({ __proto__: { id: POM } })).rejects.toThrow();
  });

  it('an exam without checklists says so', async () => {
    const s = await createChecklistHandlers(ctx(await tmp())).getChecklists('mitx-xpro-course');
    expect(s).toMatchObject({ checklists: null, summary: { status: 'none', total: 0 } });
  });
});
