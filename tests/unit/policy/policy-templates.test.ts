// The policy templates admins import: the ADMX/ADML (en-US, es-ES, pt-BR) for Group Policy and the
// example macOS configuration profile. Parsed as XML; every setting the app reads from the registry
// has a policy, every string and presentation the ADMX names exists in each language, and the
// profile's settings are a valid policy.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REGISTRY_VALUES } from '../../../electron/storage/managed-policy';
import { PolicySchema } from '../../../shared/policy/schema';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['policy', 'string', 'presentation', 'text', 'textBox', 'definition', 'category', 'key', 'dict', 'array'].includes(name),
});
const ADMX = read('build/policy/windows/ExamPreflight.admx');
const LANGS = ['en-US', 'es-ES', 'pt-BR'];

type Policy = {
  '@name': string;
  '@key': string;
  '@valueName'?: string;
  '@displayName': string;
  '@explainText': string;
  '@presentation'?: string;
  elements?: { text?: Array<{ '@valueName': string; '@id': string }> };
};
const policies = (): Policy[] => parser.parse(ADMX).policyDefinitions.policies.policy;

describe('ADMX template', () => {
  it('is well-formed XML and writes exactly the values the app reads, under the key it reads', () => {
    expect(XMLValidator.validate(ADMX)).toBe(true);
    const names = policies()
      .flatMap((p) => [p['@valueName'], ...(p.elements?.text ?? []).map((t) => t['@valueName'])])
      .filter(Boolean);
    expect(names.sort()).toEqual(Object.keys(REGISTRY_VALUES).sort());
    for (const p of policies()) expect(p['@key']).toBe('SOFTWARE\\Policies\\ExamPreflight\\ExamPreflight');
  });
  for (const lang of LANGS) {
    it(`${lang} ADML has every string and presentation the ADMX names`, () => {
      const text = read(`build/policy/windows/${lang}/ExamPreflight.adml`);
      expect(XMLValidator.validate(text)).toBe(true);
      const res = parser.parse(text).policyDefinitionResources.resources;
      const strings = new Set((res.stringTable.string as Array<{ '@id': string }>).map((s) => s['@id']));
      const presentations = new Map(
        (res.presentationTable.presentation as Array<{ '@id': string; textBox: Array<{ '@refId': string }> }>).map((p) => [
          p['@id'],
          p.textBox.map((b) => b['@refId']),
        ]),
      );
      const ref = (s: string) => /^\$\((string|presentation)\.(.+)\)$/.exec(s)!;
      for (const p of policies()) {
        for (const attr of [p['@displayName'], p['@explainText']]) expect(strings.has(ref(attr)[2]!), `${lang}: ${attr}`).toBe(true);
        if (p['@presentation']) {
          const boxes = presentations.get(ref(p['@presentation'])[2]!);
          expect(boxes, `${lang}: ${p['@presentation']}`).toBeDefined();
          expect(boxes!.sort()).toEqual((p.elements?.text ?? []).map((t) => t['@id']).sort());
        }
      }
    });
  }
  it('the three languages are translated, not copied', () => {
    const explain = (lang: string) => /<string id="LockedProfile_Explain">([^<]+)</.exec(read(`build/policy/windows/${lang}/ExamPreflight.adml`))![1];
    expect(new Set(LANGS.map(explain)).size).toBe(3);
  });
});

describe('macOS configuration profile example', () => {
  it('is a plist whose payload settings are a valid policy', () => {
    const text = read('build/policy/macos/org.exampreflight.app.mobileconfig');
    expect(XMLValidator.validate(text)).toBe(true);
    // plist <dict>: <key> and value elements alternate (order matters, so parse preserving it)
    const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(text) as Array<Record<string, unknown>>;
    const plist = ordered.find((n) => 'plist' in n)!.plist as Array<Record<string, unknown>>;
    const fromDict = (items: Array<Record<string, unknown>>): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < items.length; i += 2) {
        const key = (items[i]!.key as Array<{ '#text': string }>)[0]!['#text'];
        const [tag, body] = Object.entries(items[i + 1]!)[0]!;
        out[key] =
          tag === 'dict'
            ? fromDict(body as Array<Record<string, unknown>>)
            : tag === 'array'
              ? (body as Array<Record<string, unknown>>).map((x) => fromDict(x.dict as Array<Record<string, unknown>>))
              : tag === 'true'
                ? true
                : tag === 'false'
                  ? false
                  : (body as Array<{ '#text': unknown }>)[0]?.['#text'];
      }
      return out;
    };
    const top = fromDict((plist[0] as { dict: Array<Record<string, unknown>> }).dict);
    const payload = (top.PayloadContent as Array<Record<string, unknown>>)[0]!;
    expect(payload.PayloadType).toBe('org.exampreflight.app');
    const settings = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
    expect(PolicySchema.safeParse(settings).success).toBe(true);
    expect(settings).toMatchObject({ lockedProfile: 'mitx-sds-ml', hideMockExam: true, supportContact: { name: 'Mac help desk' } });
  });
});
