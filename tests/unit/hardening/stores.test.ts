// Issue 13: two handler sets on one data folder keep every acknowledged write (stores serialise per
// file and re-read a file another writer replaced); stale temp files of killed saves are cleaned at start.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHandlers } from '../../../electron/handlers';
import { cleanStaleTempFiles } from '../../../electron/storage/stale-temps';
import { tmpDir } from './helpers';
import { activeItems } from '../../../shared/checklist/schema';

const T = Date.UTC(2026, 10, 23, 9);
const ctx = (dir: string) => ({ dataDir: dir, appVersion: '1', emit: () => {}, now: () => T });

describe('two handler sets on one data folder', () => {
  it('answers saved through both, interleaved and concurrent, are all kept', async () => {
    const dir = tmpDir('two');
    const a = createHandlers(ctx(dir));
    const b = createHandlers(ctx(dir));
    const attempt = await a.startAttempt('mitx-pom-final', { kind: 'none' });
    const section = attempt.sections[0]!;
    await a.openSection(attempt.id, section.id);
    await b.getAttempt(attempt.id); // b now has its own copy in memory
    const answers = section.questions
      .slice(0, 8)
      .map((q, i) => ({ q, v: q.type === 'multiple' ? [q.choices![0]!.id] : q.type === 'single' ? q.choices![0]!.id : `${i}` }));
    await Promise.all(answers.map(({ q, v }, i) => (i % 2 ? a : b).saveAnswer(attempt.id, section.id, q.id, v)));
    const fresh = await createHandlers(ctx(dir)).getAttempt(attempt.id);
    const saved = fresh.sections[0]!.answers as Record<string, unknown>;
    for (const { q, v } of answers) expect(saved[q.id], q.id).toEqual(v);
  });

  it('checklist ticks and settings through both are all kept', async () => {
    const dir = tmpDir('two');
    const a = createHandlers(ctx(dir));
    const b = createHandlers(ctx(dir));
    const state = await a.getChecklists('mitx-pom-final');
    const ids = activeItems(state.checklists ?? undefined)
      .map((i) => i.id)
      .slice(0, 6);
    expect(ids.length).toBeGreaterThan(1);
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).setChecklistItem('mitx-pom-final', id, true)));
    expect((await createHandlers(ctx(dir)).getChecklists('mitx-pom-final')).progress.ticked.sort()).toEqual([...ids].sort());
    await Promise.all([a.updateSettings({ language: 'es' }), b.updateSettings({ profileId: 'mitx-sds-ml' })]);
    expect(await createHandlers(ctx(dir)).getSettings()).toMatchObject({ language: 'es', profileId: 'mitx-sds-ml' });
  });
});

describe('stale temp files', () => {
  it('temp files of killed saves are removed at start; fresh ones of a live writer stay', async () => {
    const dir = tmpDir('stale');
    mkdirSync(path.join(dir, 'exam', 'attempts'), { recursive: true });
    const dead = path.join(dir, 'exam', 'attempts', '.att-1.json.999999.abcdef01.tmp');
    const old = path.join(dir, `.settings.json.${process.pid}.12345678.tmp`);
    const fresh = path.join(dir, `.checklists.json.${process.pid}.87654321.tmp`);
    const other = path.join(dir, 'notes.tmp');
    for (const f of [dead, old, fresh, other]) writeFileSync(f, '{');
    const hourAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(old, hourAgo, hourAgo);
    const removed = await cleanStaleTempFiles(dir);
    expect(removed.sort()).toEqual([dead, old].sort());
    expect(readdirSync(dir).sort()).toEqual(['.checklists.json.' + process.pid + '.87654321.tmp', 'exam', 'notes.tmp'].sort());
  });

  it('the handlers clean them when they start', async () => {
    const dir = tmpDir('stale');
    const dead = path.join(dir, '.settings.json.999999.abcdef01.tmp');
    writeFileSync(dead, '{');
    const h = createHandlers(ctx(dir));
    await h.getSettings();
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
