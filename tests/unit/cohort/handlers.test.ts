// The viewer's cohort API in main: batches of file texts in, one summary out; what the renderer
// sends is checked (it crossed a process boundary), a file over the cap is refused from its size,
// and only a few cohorts stay open.
import { describe, expect, it } from 'vitest';
import { createCohortHandlers } from '../../../electron/handlers/cohort';
import { MAX_COHORT_FILE_BYTES } from '../../../shared/cohort/summary';
import { machines } from '../../fixtures/facts/machines';
import { makeReport, sampleCohort } from './helpers';

describe('cohort handlers', () => {
  it('counts batches of files and hands back the summary once', async () => {
    const h = createCohortHandlers();
    const started = await h.startCohort(null);
    if (!started.ok) throw new Error('not started');
    const files = sampleCohort().map(([name, r]) => ({ name: `lab/${name}`, size: 1, text: JSON.stringify(r) }));
    expect(await h.addToCohort(started.id, files.slice(0, 2))).toEqual({ reports: 2, skipped: 0 });
    expect(
      await h.addToCohort(started.id, [
        ...files.slice(2),
        { name: 'big.json', size: MAX_COHORT_FILE_BYTES + 1, text: null },
        { name: 'x.json', size: 3, text: '{"' },
      ]),
    ).toEqual({ reports: 5, skipped: 2 });
    const s = await h.finishCohort(started.id);
    expect(s).toMatchObject({ reports: 5, skipped: 2, skippedByKind: { 'too-large': 1, truncated: 1 }, verdicts: { ready: 2, 'not-ready': 2, incomplete: 1 } });
    await expect(h.finishCohort(started.id)).rejects.toThrow(/closed/);
  });

  it('judges against one exam, or says the exam is unknown', async () => {
    const h = createCohortHandlers();
    expect(await h.startCohort('no-such-exam')).toEqual({ ok: false, unknownProfile: 'no-such-exam' });
    const started = await h.startCohort('mitx-pom-final');
    if (!started.ok) throw new Error('not started');
    await h.addToCohort(started.id, [{ name: 'a.json', size: 1, text: JSON.stringify(makeReport(machines.good())) }]);
    expect((await h.finishCohort(started.id)).reevaluatedAgainst).toMatchObject({ id: 'mitx-pom-final' });
  });

  it('refuses malformed batches and keeps at most four cohorts open', async () => {
    const h = createCohortHandlers();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await h.startCohort(null);
      if (s.ok) ids.push(s.id);
    }
    await expect(h.addToCohort(ids[0], [])).rejects.toThrow(/closed/); // the oldest was dropped
    await expect(h.addToCohort(ids[4], [{ name: 'a.json', size: 1 }])).rejects.toThrow();
    await expect(
      h.addToCohort(
        ids[4],
        Array.from({ length: 201 }, () => ({ name: 'a', size: 1, text: '' })),
      ),
    ).rejects.toThrow();
    await expect(h.addToCohort('not-an-id', [])).rejects.toThrow();
    expect(await h.addToCohort(ids[4], [])).toEqual({ reports: 0, skipped: 0 });
  });
});
