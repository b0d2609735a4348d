// The published JSON Schemas must match the zod schemas the app validates with.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { SCHEMAS, jsonSchemaText } from '../../shared/schemas';

describe('published JSON Schemas', () => {
  for (const [name] of SCHEMAS) {
    it(`schemas/${name}.schema.json is in sync with zod (run "npm run schemas" if not)`, () => {
      expect(readFileSync(`schemas/${name}.schema.json`, 'utf8')).toBe(jsonSchemaText(name));
    });
  }
  it('the built-in profiles declare the published schema', () => {
    const p = JSON.parse(readFileSync('shared/profile/builtin/mitx-pom-final.json', 'utf8'));
    expect(p.$schema).toBe('../../../schemas/profile.schema.json');
  });
});

describe('editors validate profiles and catalogs with the published schemas', () => {
  // draft 2020-12, as zod writes it
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const compile = (name: string) => ajv.compile(JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')));
  const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;

  it('every built-in profile file and the guide examples, as written (bases and children with extends)', () => {
    const validate = compile('profile');
    const files = [
      ...readdirSync('shared/profile/builtin')
        .filter((f) => f.endsWith('.json'))
        .map((f) => `shared/profile/builtin/${f}`),
      'docs/examples/stats-101-final.json',
      'docs/examples/stats-101-resit.json',
    ];
    for (const f of files) expect(validate(read(f)) ? 'ok' : JSON.stringify(validate.errors?.slice(0, 3)), f).toBe('ok');
  });

  it('still catches what an editor should: a complete profile without a title, a misspelt key in a child', () => {
    const validate = compile('profile');
    expect(validate({ id: 'lab-exam', version: '1.0.0', program: 'P', requirements: {} })).toBe(false);
    expect(validate({ id: 'lab-exam', version: '1.0.0', extends: 'mitx-base', requirements: { hardwre: {} } })).toBe(false);
    expect(
      validate({
        id: 'lab-exam',
        version: '1.0.0',
        extends: 'mitx-base',
        requirements: { virtualization: null },
        checklists: { sections: [{ id: 'room', items: [{ id: 'room-walls', enabled: false }] }] },
      }),
    ).toBe(true);
  });

  it('the catalogs', () => {
    expect(compile('catalog-apps')(read('shared/catalogs/apps.json'))).toBe(true);
    expect(compile('catalog-browsers')(read('shared/catalogs/browsers.json'))).toBe(true);
    expect(compile('catalog-apps')({ version: '2026.11.25', reviewed: '2026-11-25', apps: [{ id: 'x', label: 'X', category: 'games', names: {} }] })).toBe(
      false,
    );
  });
});
