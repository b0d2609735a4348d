// What the mock exam screen is told before an attempt: the settings and the bank, or why it cannot
// start, as messages in the learner's language (an admin's profile may name a bank not installed).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExamHandlers } from '../../../electron/handlers/exam';
import { parseProfileText } from '../../../shared/profile/load';
import { createI18n, renderMsg } from '../../../shared/i18n';

const ctx = () => ({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'preflight-exam-info-')), appVersion: 't', emit: () => {}, now: () => 0 });
const campus = parseProfileText(
  JSON.stringify({
    id: 'campus-final',
    version: '1.0.0',
    title: 'Campus final',
    program: 'Campus',
    requirements: {},
    mockExam: { bankId: 'campus-bank', sections: [{ id: 'one', title: 'One', timeLimitMinutes: 30, bankSection: 'one' }] },
  }),
  'campus.json',
);

describe('exam info', () => {
  it('a built-in exam is ready to start with its bundled bank', async () => {
    const info = await createExamHandlers(ctx()).examInfo('mitx-pom-final');
    expect(info.problems).toEqual([]);
    expect(info.bank?.id).toBe('mitx-pom-practice');
  });

  it("a missing bank or an unknown exam is explained in the learner's language, and refuses to start", async () => {
    const h = createExamHandlers(ctx(), { extraProfiles: [campus] });
    const info = await h.examInfo('campus-final');
    expect(info.problems).toEqual([{ key: 'exam:problems.bankMissing', params: { bank: 'campus-bank' } }]);
    expect(renderMsg(createI18n('pt'), info.problems[0])).toBe(
      'o banco de questões "campus-bank" não está instalado. Importe-o abaixo ou pergunte a quem configurou esta prova.',
    );
    await expect(h.startAttempt('campus-final', { kind: 'none' })).rejects.toThrow(/cannot start/);
    expect((await h.examInfo('nope')).problems[0]!.key).toBe('exam:problems.unknownProfile');
    expect(await h.examInfo('mitx-xpro-course')).toMatchObject({ settings: null, problems: [] }); // no mock exam
  });
});
