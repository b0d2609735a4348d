// The published JSON Schemas must match the zod schemas the app validates with.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
