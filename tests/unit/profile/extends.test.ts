// `extends`: one parent (built-in id or file), merged before validation; problems reported in the
// file and at the path the author wrote.
import { describe, expect, it } from 'vitest';
import { parseProfile, safeParseProfile, safeParseProfileText, findProfile, type ReadParent } from '../../../shared/profile/load';

const files =
  (map: Record<string, unknown>): ReadParent =>
  (ref, from) => {
    const file = ref.replace(/^\.\//, '');
    if (!(file in map)) throw new Error(`test reader: no ${ref} (from ${from})`);
    return { file, text: JSON.stringify(map[file]) };
  };

describe('extends', () => {
  it('a course team writes only what differs from a built-in', () => {
    const mine = parseProfile({ id: 'mitx-ml-lab', version: '1.0.0', extends: 'mitx-sds-ml', title: { en: 'ML lab exam' } }, 'lab.json');
    const ml = findProfile('mitx-sds-ml')!;
    expect(mine.title).toEqual({ en: 'ML lab exam' });
    expect(mine.requirements).toEqual(ml.requirements);
    expect(mine.checklists).toEqual(ml.checklists);
    expect('extends' in mine).toBe(false);
  });

  it('rules override by key; null removes a rule; enabled:false removes a checklist item; new items go where written', () => {
    const p = parseProfile(
      {
        id: 'lab',
        version: '1.0.0',
        extends: 'mitx-sds-capstone',
        requirements: {
          hardware: { minMemoryGB: { value: 8 } },
          virtualization: null,
          processes: { prohibited: [{ id: 'discord', required: true }, 'rustdesk'] },
        },
        checklists: {
          sections: [
            {
              id: 'room',
              items: [
                { id: 'room-walls', enabled: false },
                { id: 'room-pets', statement: { en: 'No pets.' }, why: { en: 'Noise.' }, done: { en: 'Out.' }, required: false },
                { id: 'room-phone' },
              ],
            },
          ],
        },
      },
      'lab.json',
    );
    expect(p.requirements.hardware!.minMemoryGB).toEqual({ value: 8, required: false }); // the base's advisory flag stays
    expect(p.requirements.virtualization).toBeUndefined();
    const discord = p.requirements.processes!.prohibited.find((x) => x.id === 'discord')!;
    expect(discord).toMatchObject({ required: true, label: 'Discord', names: expect.arrayContaining(['discord.exe']) });
    const room = p.checklists!.sections.find((s) => s.id === 'room')!.items.map((i) => i.id);
    expect(room).not.toContain('room-walls');
    expect(room.indexOf('room-pets')).toBe(room.indexOf('room-phone') - 1);
  });

  it('extends a file, which may extend a built-in', () => {
    const read = files({ 'base.json': { id: 'dept-base', version: '1.0.0', extends: 'mitx-base', program: { en: 'Dept' } } });
    const p = parseProfile({ id: 'dept-final', version: '2.0.0', extends: './base.json', title: { en: 'Final' } }, 'final.json', { readParent: read });
    expect([p.id, p.version, p.program]).toEqual(['dept-final', '2.0.0', { en: 'Dept' }]);
  });

  it('names the file and the path in that file where a merged value is wrong', () => {
    const read = files({
      'base.json': { id: 'dept-base', version: '1.0.0', extends: 'mitx-base', requirements: { hardware: { minCpuCores: { value: 2.5 } } } },
    });
    const r = safeParseProfile(
      {
        id: 'dept-final',
        version: '1.0.0',
        extends: './base.json',
        title: 'T',
        program: 'P',
        requirements: { processes: { prohibited: ['zoom', 'not-an-app'] }, displays: { maxCount: { value: 0 } } },
        checklists: { sections: [{ id: 'room', items: [{ id: 'room-new', statement: 'S', why: 'W', done: 'D', colour: 'red' }] }] },
      },
      'final.json',
      { readParent: read },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.file}:${p.path}`).sort()).toEqual([
      'base.json:requirements.hardware.minCpuCores.value',
      'final.json:checklists.sections[0].items[0].colour',
      'final.json:requirements.displays.maxCount.value',
      'final.json:requirements.processes.prohibited[1]',
    ]);
    expect(r.problems.find((p) => p.path === 'requirements.processes.prohibited[1]')!.message).toMatch(/"not-an-app" is not in the apps catalog/);
  });

  it('refuses circles, unknown parents, too deep chains and files where files cannot be read', () => {
    const loop = files({ 'a.json': { id: 'aa', version: '1.0.0', extends: './b.json' }, 'b.json': { id: 'bb', version: '1.0.0', extends: './a.json' } });
    const circle = safeParseProfile({ id: 'cc', version: '1.0.0', extends: './a.json' }, 'c.json', { readParent: loop });
    expect(circle.ok ? '' : circle.problems[0]!.message).toMatch(/circle: c\.json → a\.json → b\.json → a\.json/);
    expect(safeParseProfile({ id: 'x1', version: '1.0.0', extends: 'mitx-nope' }, 'x.json')).toMatchObject({
      ok: false,
      problems: [{ file: 'x.json', path: 'extends', message: expect.stringMatching(/^unknown profile "mitx-nope"/) }],
    });
    expect(safeParseProfile({ id: 'x1', version: '1.0.0', extends: './p.json' }, 'x.json')).toMatchObject({
      ok: false,
      problems: [{ path: 'extends', message: expect.stringMatching(/files cannot be read here/) }],
    });
    expect(safeParseProfile({ id: 'x1', version: '1.0.0', extends: 7 }, 'x.json')).toMatchObject({ ok: false, problems: [{ path: 'extends' }] });
    const chain: Record<string, unknown> = {};
    for (let i = 0; i < 7; i++) chain[`p${i}.json`] = { id: `p${i}x`, version: '1.0.0', extends: `./p${i + 1}.json` };
    chain['p7.json'] = { id: 'p7x', version: '1.0.0', title: 'T', program: 'P', requirements: {} };
    expect(safeParseProfile({ id: 'top', version: '1.0.0', extends: './p0.json' }, 'top.json', { readParent: files(chain) })).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/at most 5 levels/) }],
    });
  });

  it('refuses prototype keys in a parent file too, naming that file', () => {
    const read: ReadParent = () => ({ file: 'evil.json', text: '{"id":"ev","version":"1.0.0","requirements":{"__proto__":{"x":1}}}' });
    const r = safeParseProfileText('{"id":"mine","version":"1.0.0","extends":"./evil.json"}', 'mine.json', { readParent: read });
    expect(r).toEqual({ ok: false, problems: [{ file: 'evil.json', path: 'requirements.__proto__', message: 'the key "__proto__" is not allowed' }] });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
