// The CLI's start-up: the help names the schema kinds without loading the schemas, and the names it
// gives are the schemas that exist.
import { describe, expect, it } from 'vitest';
import { SCHEMA_NAMES } from '../../../electron/cli/run';
import { SCHEMAS } from '../../../shared/schemas';

describe('cli start-up', () => {
  it('the schema kinds in the help are the exported schemas', () => {
    expect([...SCHEMA_NAMES]).toEqual(SCHEMAS.map(([n]) => n));
  });
});
