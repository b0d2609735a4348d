// The one "move a corrupt file aside" helper both stores use (settings/checklists and attempts).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { moveAside, parseStored } from '../../../electron/storage/move-aside';
import { createI18n, renderMsg } from '../../../shared/i18n';

const Schema = z.object({ format: z.literal(1), n: z.number() });

describe('move aside', () => {
  it('parses and validates, describing what is wrong', () => {
    expect(parseStored(Schema, '{"format":1,"n":2}')).toEqual({ ok: true, value: { format: 1, n: 2 } });
    expect(parseStored(Schema, '{"format":1,"n":')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^not valid JSON/),
      message: { key: 'errors:storedNotJson' },
    });
    expect(parseStored(Schema, '{"format":2,"n":"x"}')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^format: .*; n: /),
      message: { key: 'errors:storedInvalid' },
    });
    expect(parseStored(Schema, '{"format":2,"n":"x"}', 1)).toMatchObject({ ok: false, problem: expect.not.stringContaining(';') });
  });

  it("the notice words what was wrong in the learner's language, not in JSON.parse's English", () => {
    const bad = parseStored(Schema, '{"format":1,"n":');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(renderMsg(createI18n('pt'), bad.message)).toBe('o arquivo não é um JSON válido (pode ter sido cortado)');
    expect(renderMsg(createI18n('es'), bad.message)).not.toMatch(/Unexpected|JSON input/);
  });

  it('renames the file beside itself with a stamp, keeping its content', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ep-aside-'));
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, 'garbage');
    const why = { problem: 'not valid JSON', message: { key: 'errors:storedNotJson' } };
    const moved = await moveAside(file, why, new Date('2026-11-20T10:00:00.123Z'));
    expect(moved).toEqual({ from: file, to: path.join(dir, 'settings.corrupt-2026-11-20T10-00-00-123Z.json'), ...why });
    expect(readdirSync(dir)).toEqual(['settings.corrupt-2026-11-20T10-00-00-123Z.json']);
    expect(readFileSync(moved.to, 'utf8')).toBe('garbage');
    writeFileSync(path.join(dir, 'a1.json'), 'x');
    expect((await moveAside(path.join(dir, 'a1.json'), why, new Date('2026-11-20T10:00:00Z'), '.json.bak')).to).toMatch(
      /a1\.corrupt-2026-11-20T10-00-00-000Z\.json\.bak$/,
    );
  });
});
