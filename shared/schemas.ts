// Every published JSON Schema, generated from the zod schemas that validate the same files at run
// time (so the editor and the app can never disagree). One line per file kind.
import { z } from 'zod';
import { ProfileSchema } from './profile/schema';
import { FactsSchema } from './facts';
import { ReportSchema } from './report/model';
import { PolicySchema } from './policy/schema';
import { QuestionBankSchema } from './exam/bank';
import { AppCatalogSchema, BrowserCatalogSchema } from './catalogs/schema';

export const SCHEMAS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['profile', ProfileSchema],
  ['facts', FactsSchema],
  ['report', ReportSchema],
  ['policy', PolicySchema],
  ['question-bank', QuestionBankSchema],
  ['catalog-apps', AppCatalogSchema],
  ['catalog-browsers', BrowserCatalogSchema],
];

export function jsonSchemaText(name: string): string {
  const schema = SCHEMAS.find(([n]) => n === name)?.[1];
  if (!schema) throw new Error(`unknown schema ${name}`);
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const out = name === 'profile' ? authoringProfileSchema(json) : json;
  return JSON.stringify({ ...out, title: `Exam Preflight ${name}` }, null, 2) + '\n';
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A profile that `extends` another states only what differs: for editors, such a file needs
 * nothing but ids where lists are merged by id, may switch entries off (`enabled: false`) and may
 * remove a rule (`null`). A complete profile is checked as before. (At run time the merged profile
 * is validated with the full schema, so nothing is lost by relaxing the editor's view.)
 */
function authoringProfileSchema(full: Json): Json {
  const { $schema, ...body } = full;
  return { $schema, if: { required: ['extends'] }, then: relax(body, true), else: body };
}

function relax(v: unknown, top = false): unknown {
  if (Array.isArray(v)) return v.map((x) => relax(x));
  if (!isObj(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'required' && Array.isArray(x)) {
      const keep = x.filter((r) => r === 'id');
      if (keep.length) out[k] = keep;
      continue;
    }
    if (k === 'properties' && isObj(x)) {
      const props: Json = {};
      for (const [pk, px] of Object.entries(x)) {
        const r = relax(px);
        // a child may remove what its parent set (a rule, a section, an intro): null
        props[pk] = !top && isObj(r) ? { anyOf: [r, { type: 'null' }] } : r;
      }
      // entries of lists merged by id may be switched off
      if ('id' in x && !('enabled' in x)) props.enabled = { type: 'boolean' };
      out[k] = props;
      continue;
    }
    out[k] = relax(x);
  }
  return out;
}
