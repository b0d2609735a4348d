// Writes the JSON Schemas admins and course teams use for validation in their editors.
// `npm run schemas` regenerates them; tests/unit/schemas.test.ts fails when they are out of date.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCHEMAS, jsonSchemaText } from '../shared/schemas';

const dir = path.resolve(__dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name] of SCHEMAS) {
  writeFileSync(path.join(dir, `${name}.schema.json`), jsonSchemaText(name));
  console.log(`schemas/${name}.schema.json`);
}
