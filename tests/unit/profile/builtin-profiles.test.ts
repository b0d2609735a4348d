// The built-in profiles are data other engineers extend (checklists, mock exam): they must stay
// valid, keep their key order, and every rule must quote its FAQ word for word.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinProfiles, findProfile, resolveProfile, safeParseProfile, safeParseProfileText } from '../../../shared/profile/load';
import type { Profile } from '../../../shared/profile/schema';
import { BUILTIN_PROFILE_IDS, builtinProfiles as parsedBuiltins } from '../../../shared/profile/builtin';

const IDS: string[] = [...BUILTIN_PROFILE_IDS];
const KEY_ORDER = ['$schema', 'id', 'version', 'title', 'program', 'course', 'description', 'sources', 'support', 'requirements', 'checklists', 'mockExam'];
/** The FAQ texts the profiles quote, kept in the repository (docs/sources/README.md says where from). */
const SEEDS = path.resolve(__dirname, '../../../docs/sources');
/** Curly quotes and line wrapping differ between copies of the FAQ; words must not. */
const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');

function quotes(v: unknown, out: Array<{ source: string; quote: string }> = []) {
  if (v && typeof v === 'object') {
    const s = (v as { source?: unknown }).source;
    if (s && typeof s === 'object' && typeof (s as { quote?: unknown }).quote === 'string') out.push(s as { source: string; quote: string });
    for (const x of Object.values(v)) quotes(x, out);
  }
  return out;
}

describe('built-in profiles', () => {
  it('are the four exams of the brief, in their files, in the documented key order', () => {
    expect(builtinProfiles().map((p) => p.id)).toEqual(['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final', 'mitx-xpro-course']);
    expect(parsedBuiltins().map((p) => p.id)).toEqual(IDS);
    for (const id of IDS) {
      const raw = JSON.parse(readFileSync(`shared/profile/builtin/${id}.json`, 'utf8')) as Record<string, unknown>;
      expect(raw.id).toBe(id);
      const keys = Object.keys(raw);
      expect(keys, id).toEqual(KEY_ORDER.filter((k) => keys.includes(k)));
    }
  });

  it('quote their FAQ word for word, from a source they list', () => {
    let count = 0;
    for (const p of builtinProfiles()) {
      for (const q of quotes(p)) {
        const src = p.sources.find((s) => s.id === q.source);
        expect(src, `${p.id} cites ${q.source}`).toBeDefined();
        expect(norm(readFileSync(path.join(SEEDS, src!.ref), 'utf8')), `${p.id}: "${q.quote}"`).toContain(norm(q.quote));
        count++;
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it('state the FAQ rules: XP, Surface, tablets, R and Python (PyTorch for ML), webcam, current browsers', () => {
    const sds = findProfile('mitx-sds-capstone')!.requirements;
    expect(sds.os?.blockedVersions.map((b) => b.label)).toEqual(['Windows XP']);
    expect(sds.os?.blockedPlatforms?.platforms).toEqual(['android', 'ios', 'ipados']);
    expect(sds.device?.blockedModels.map((b) => b.label)).toEqual(['Microsoft Surface']);
    expect(sds.device?.blockedFormFactors?.formFactors).toEqual(['tablet', 'phone']);
    expect([sds.software?.python?.required, sds.software?.r?.required]).toEqual([true, true]);
    expect(sds.camera?.required).toBe(true);
    expect(sds.virtualization).toMatchObject({ allowed: false, required: true });
    const ml = findProfile('mitx-sds-ml')!.requirements.software!.python!.packages;
    expect(ml.find((p) => p.name === 'torch')).toMatchObject({ required: true });
    const xpro = findProfile('mitx-xpro-course')!.requirements.browsers!;
    expect(xpro.accepted.map((a) => a.id)).toEqual(['chrome', 'firefox', 'safari', 'edge']);
    expect(xpro.recommended).toBe('chrome');
    // profiles only contact endpoints they list, and the built-ins list none
    for (const p of builtinProfiles()) expect(p.requirements.network?.endpoints ?? []).toEqual([]);
  });

  it('name real executables for each prohibited program, never the RDP client', () => {
    const list = findProfile('mitx-sds-capstone')!.requirements.processes!.prohibited;
    const names = list.flatMap((p) => p.names);
    for (const n of ['teamviewer.exe', 'anydesk', 'rustdesk.exe', 'remoting_host.exe', 'x11vnc', 'obs64.exe', 'zoom.us', 'discord']) expect(names).toContain(n);
    expect(names).not.toContain('mstsc.exe'); // the Remote Desktop *client*: controls another machine, not this one
    expect(names.every((n) => n === n.toLowerCase())).toBe(true);
    expect(list.filter((p) => p.category === 'messaging').every((p) => p.required === false)).toBe(true);
  });
});

describe('profile lookup and Result-returning parsing', () => {
  const minimal = { id: 'lab-exam', version: '1.0.0', title: 'Lab exam', program: 'Lab', requirements: {} };

  it('resolves ids, and says which ids exist when one is unknown or missing', () => {
    expect(resolveProfile('mitx-pom-final')).toMatchObject({ ok: true, value: { id: 'mitx-pom-final' } });
    expect(resolveProfile('mitx-nope')).toEqual({ ok: false, problems: [{ file: 'profile', path: '', message: `unknown profile "mitx-nope" (known: ${IDS.join(', ')})` }] });
    expect(resolveProfile(undefined).ok).toBe(false);
    expect(findProfile(null)).toBeUndefined();
    const mine = { ...findProfile('mitx-pom-final')!, title: 'Local copy' } as Profile;
    expect(findProfile('mitx-pom-final', [mine])?.title).toBe('Local copy'); // an admin's profile wins
  });

  it('returns problems instead of throwing, each naming the file and the path', () => {
    expect(safeParseProfileText(JSON.stringify(minimal), 'lab.json')).toMatchObject({ ok: true, value: { id: 'lab-exam' } });
    const bad = safeParseProfile({ ...minimal, requirements: { hardware: { minMemoryGB: { value: -4 } }, browsers: { accepted: [], reviewed: 'soon' } } }, 'policy/lab.json');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      'policy/lab.json requirements.hardware.minMemoryGB.value',
      'policy/lab.json requirements.browsers.accepted',
      'policy/lab.json requirements.browsers.reviewed',
    ]);
    const text = safeParseProfileText('{"id": "lab-exam",\n "version": "1.0.0",,\n}', 'lab.json');
    expect(text.ok ? '' : text.problems[0]!.message).toMatch(/^not valid JSON: .*\(line 2, column 21\)$/);
  });

  it('refuses prototype tricks in already-parsed values, and cites unlisted sources by path', () => {
    const sneaky = JSON.parse('{"id":"lab-exam","version":"1.0.0","title":"T","program":"P","requirements":{"os":{"__proto__":{"x":1}}}}');
    expect(safeParseProfile(sneaky, 'x.json')).toEqual({ ok: false, problems: [{ file: 'x.json', path: 'requirements.os.__proto__', message: 'the key "__proto__" is not allowed' }] });
    const literal = { ...minimal, requirements: { __proto__: { polluted: true } } };
    expect(safeParseProfile(literal, 'y.json').ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const cites = safeParseProfile({ ...minimal, sources: [{ id: 'faq', title: 'FAQ', ref: 'faq.txt' }], requirements: { os: { blockedVersions: [{ platform: 'windows', versionPattern: '^5\\.1', label: 'XP', source: { source: 'fqa' } }] } } }, 'z.json');
    expect(cites.ok ? null : cites.problems).toEqual([{ file: 'z.json', path: 'requirements.os.blockedVersions[0].source.source', message: 'cites source "fqa", which is not listed in "sources" (faq)' }]);
  });

  it('refuses a profile file over 1 MB before parsing it', () => {
    const r = safeParseProfileText(`{"pad":"${'x'.repeat(1024 * 1024)}"}`, 'big.json');
    expect(r.ok ? '' : r.problems[0]!.message).toMatch(/^file is too large for a profile \(\d+ bytes; the limit is 1048576\)$/);
  });
});
