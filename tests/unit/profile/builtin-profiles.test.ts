// The built-in profiles are data other engineers extend (checklists, mock exam): they must stay
// valid, keep their key order, and every rule must quote its FAQ word for word. Since issue 18 they
// are written as shared bases (mitx-base, mitx-sds-base) plus each exam's differences; the checks
// below run on the resolved profiles, and on every file as written.
import { describe, expect, it } from 'vitest';
import { ruleTier } from '../../../shared/profile/tier';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinProfiles, findProfile, resolveProfile, safeParseProfile, safeParseProfileText } from '../../../shared/profile/load';
import type { Profile } from '../../../shared/profile/schema';
import { BUILTIN_PROFILE_IDS } from '../../../shared/profile/builtin';

const IDS: string[] = [...BUILTIN_PROFILE_IDS];
const KEY_ORDER = [
  '$schema',
  'id',
  'version',
  'reviewed',
  'extends',
  'title',
  'program',
  'course',
  'description',
  'sources',
  'support',
  'requirements',
  'checklists',
  'mockExam',
];
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
    expect(builtinProfiles().map((p) => p.id)).toEqual(IDS);
    for (const id of [...IDS, 'mitx-base', 'mitx-sds-base']) {
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

  it('every delegated source names the FAQ sentence that delegates to it, word for word, and is kept in docs/sources', () => {
    let count = 0;
    for (const p of builtinProfiles()) {
      for (const src of p.sources.filter((x) => x.kind === 'delegated')) {
        const faq = p.sources.find((x) => x.id === src.delegatedBy?.source);
        expect(faq?.kind, `${p.id} ${src.id}`).toBe('faq');
        expect(norm(readFileSync(path.join(SEEDS, faq!.ref), 'utf8')), `${p.id} ${src.id}`).toContain(norm(src.delegatedBy!.quote!));
        expect(readFileSync(path.join(SEEDS, 'README.md'), 'utf8'), src.ref).toContain(`\`${src.ref}\``);
        count++;
      }
    }
    expect(count).toBeGreaterThan(10);
  });

  it('state the FAQ rules: XP, Surface, tablets, R and Python (PyTorch for ML), webcam, current browsers', () => {
    const sds = findProfile('mitx-sds-capstone')!.requirements;
    expect(sds.os?.blockedVersions.map((b) => b.label)).toEqual(['Windows XP']);
    expect(sds.os?.blockedPlatforms?.platforms).toEqual(['android', 'ios', 'ipados']);
    expect([...new Set(sds.device?.blockedModels.map((b) => b.label))]).toEqual(['Microsoft Surface']);
    expect(sds.device?.blockedFormFactors?.formFactors).toEqual(['tablet', 'phone']);
    expect([sds.software?.python?.required, sds.software?.r?.required]).toEqual([true, true]);
    expect(sds.camera?.required).toBe(true);
    // issue 24: no MITx FAQ mentions virtual machines, but both bind the learner to the proctoring
    // software's requirements, which refuse them (ProctorU): required, from the delegated source
    expect(sds.virtualization).toMatchObject({ allowed: false, required: true, source: { source: 'proctoru-equipment' } });
    const ml = findProfile('mitx-sds-ml')!.requirements.software!;
    expect(ml.python!.packages.find((p) => p.name === 'torch')).toMatchObject({ required: true });
    // "Python will be used in 6.686x, and R is covered in 18.6501x": the ML exam does not require R
    expect(ml.r).toMatchObject({ required: false, source: { quote: 'Python will be used in 6.686x, and R is covered in 18.6501x.' } });
    expect(ml.python!.packages.find((p) => p.name === 'numpy')?.required).toBe(false); // the FAQ names pytorch only
    const xpro = findProfile('mitx-xpro-course')!.requirements.browsers!;
    expect(xpro.accepted.map((a) => a.id)).toEqual(['chrome', 'firefox', 'safari', 'edge']);
    expect(xpro.accepted.every((a) => 'majorsBehind' in a)).toBe(true); // "current" from the calendar, not a fixed number
    expect(xpro.recommended).toBe('chrome');
    // profiles only contact endpoints they list, and the built-ins list none
    for (const p of builtinProfiles()) expect(p.requirements.network?.endpoints ?? []).toEqual([]);
  });

  it('PoM (issue 24): XP, tablets and phones are required from the proctoring software it delegates to; Surface stays advisory', () => {
    const pom = findProfile('mitx-pom-final')!;
    const r = pom.requirements;
    for (const x of [r.os!.blockedPlatforms!, ...r.os!.blockedVersions, r.device!.blockedFormFactors!]) {
      expect(x.required).toBe(true);
      expect(['proctoru-equipment', 'proctortrack-requirements']).toContain(x.source?.source);
      expect(ruleTier(x, pom.sources)).toBe('delegated');
    }
    for (const x of r.device!.blockedModels) {
      expect(x.required).toBe(false);
      expect(x.note).toMatch(/Surface/);
    }
    // the FAQ sentence that delegates to the proctoring software is PoM's own
    expect(pom.sources.find((s) => s.id === 'proctoru-equipment')?.delegatedBy?.quote).toBe(
      'A computer that meets all system requirements to use the edX platform and has been tested with the virtual proctoring software.',
    );
    // the exam FAQ copy it quotes is its own (the delegated texts are kept beside it); no SDS sentence borrowed
    expect(pom.sources.filter((s) => (s.kind ?? 'faq') === 'faq').map((s) => s.ref)).toEqual(['mitx-micromasters-manufacturing-faq.txt']);
  });

  it('every required rule and required checklist item carries a source quote (a rule the FAQ does not state is advisory)', () => {
    const unquoted: string[] = [];
    const walk = (v: unknown, path: string, inherited: boolean) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`, inherited));
      if (!v || typeof v !== 'object') return;
      const o = v as { required?: unknown; source?: { quote?: unknown } };
      const quoted = typeof o.source?.quote === 'string' && o.source.quote.length > 10;
      if (o.required === true && !quoted && !inherited) unquoted.push(path);
      for (const [k, x] of Object.entries(v)) if (k !== 'source') walk(x, `${path}.${k}`, k === 'prohibited' ? quoted : false);
    };
    for (const p of builtinProfiles()) {
      walk(p.requirements, `${p.id}:requirements`, false);
      walk(p.checklists, `${p.id}:checklists`, false);
    }
    expect(unquoted).toEqual([]);
  });

  it('each exam file states only what differs from its base, in a few kilobytes', () => {
    const size = (id: string) => readFileSync(`shared/profile/builtin/${id}.json`).length;
    for (const id of ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-xpro-course', 'mitx-sds-base']) expect(size(id), id).toBeLessThan(8 * 1024);
    // PoM alone has three allowed-materials items (sheet, pen, the three translators) in three languages
    expect(size('mitx-pom-final')).toBeLessThan(12 * 1024);
  });

  it('name real executables for each prohibited program, from the apps catalog, never the RDP client', () => {
    const list = findProfile('mitx-sds-capstone')!.requirements.processes!.prohibited;
    const names = list.flatMap((p) => p.names);
    for (const n of ['teamviewer.exe', 'anydesk', 'rustdesk.exe', 'remoting_host.exe', 'x11vnc', 'obs64.exe', 'zoom.us', 'discord']) expect(names).toContain(n);
    // the new Teams on macOS runs as MSTeams (Windows: ms-teams.exe); an incoming RDP session shows rdpclip.exe
    for (const n of ['msteams', 'ms-teams.exe', 'rdpclip.exe']) expect(names).toContain(n);
    expect(names).not.toContain('mstsc.exe'); // the Remote Desktop *client*: controls another machine, not this one
    expect(names.every((n) => n === n.toLowerCase())).toBe(true);
    // messaging apps only warn, except Skype: the edX learner guide (delegated to by the FAQ) names it
    expect(list.filter((p) => p.category === 'messaging' && p.id !== 'skype').every((p) => p.required === false)).toBe(true);
    const skype = list.find((p) => p.id === 'skype')!;
    expect(skype).toMatchObject({ required: true, source: { source: 'edx-learner-guide', quote: 'Communication programs such as Skype' } });
    // the Office programs the learner guide names, by their executables on Windows and macOS
    for (const n of ['excel.exe', 'winword.exe', 'powerpnt.exe', 'microsoft excel', 'microsoft word', 'microsoft powerpoint']) expect(names).toContain(n);
    expect(list.filter((p) => p.category === 'office').map((p) => [p.id, p.required, p.source?.source])).toEqual([
      ['excel', true, 'edx-learner-guide'],
      ['word', true, 'edx-learner-guide'],
      ['powerpoint', true, 'edx-learner-guide'],
    ]);
    // nothing the hand-written lists named before the catalog was dropped
    for (const n of OLD_NAMES) expect(names, n).toContain(n);
    for (const id of ['mitx-sds-ml', 'mitx-pom-final']) expect(findProfile(id)!.requirements.processes!.prohibited).toEqual(list);
  });
});

/** The executable names of the hand-written lists before issue 18 (every one kept by the catalog). */
const OLD_NAMES = [
  'anydesk',
  'anydesk.exe',
  'bandicam.exe',
  'bdcam.exe',
  'chrome-remote-desktop-host',
  'chromeremotedesktophost',
  'ciscocollabhost.exe',
  'discord',
  'discord.exe',
  'lmiguardiansvc.exe',
  'logmein.exe',
  'microsoft teams',
  'ms-teams',
  'ms-teams.exe',
  'obs',
  'obs-studio',
  'obs32.exe',
  'obs64.exe',
  'parsecd',
  'parsecd.exe',
  'pservice.exe',
  'quickassist.exe',
  'remoting_desktop.exe',
  'remoting_host.exe',
  'remoting_me2me_host',
  'rustdesk',
  'rustdesk.exe',
  'screenconnect.clientservice.exe',
  'screenconnect.windowsclient.exe',
  'screensharingd',
  'sharex.exe',
  'signal',
  'signal-desktop',
  'signal.exe',
  'simplescreenrecorder',
  'skype',
  'skype.exe',
  'slack',
  'slack.exe',
  'splashtop streamer',
  'srmanager.exe',
  'srservice.exe',
  'srstreamer.exe',
  'teams',
  'teams.exe',
  'teamviewer',
  'teamviewer.exe',
  'teamviewer_desktop',
  'teamviewer_service',
  'teamviewer_service.exe',
  'teamviewerd',
  'telegram',
  'telegram-desktop',
  'telegram.exe',
  'tv_w32.exe',
  'tv_x64.exe',
  'tvnserver.exe',
  'vncserver-x11',
  'vncserver-x11-core',
  'vncserver.exe',
  'vncserverui.exe',
  'webex',
  'webexmta.exe',
  'whatsapp',
  'whatsapp.exe',
  'winvnc.exe',
  'x11vnc',
  'xvnc',
  'zoom',
  'zoom.exe',
  'zoom.us',
];

describe('profile lookup and Result-returning parsing', () => {
  const minimal = { id: 'lab-exam', version: '1.0.0', title: 'Lab exam', program: 'Lab', requirements: {} };

  it('resolves ids, and says which ids exist when one is unknown or missing', () => {
    expect(resolveProfile('mitx-pom-final')).toMatchObject({ ok: true, value: { id: 'mitx-pom-final' } });
    expect(resolveProfile('mitx-nope')).toEqual({
      ok: false,
      problems: [{ file: 'profile', path: '', message: `unknown profile "mitx-nope" (known: ${IDS.join(', ')})` }],
    });
    expect(resolveProfile(undefined).ok).toBe(false);
    expect(findProfile(null)).toBeUndefined();
    const mine = { ...findProfile('mitx-pom-final')!, title: 'Local copy' } as Profile;
    expect(findProfile('mitx-pom-final', [mine])?.title).toBe('Local copy'); // an admin's profile wins
  });

  it('returns problems instead of throwing, each naming the file and the path', () => {
    expect(safeParseProfileText(JSON.stringify(minimal), 'lab.json')).toMatchObject({ ok: true, value: { id: 'lab-exam' } });
    const bad = safeParseProfile(
      { ...minimal, requirements: { hardware: { minMemoryGB: { value: -4 } }, browsers: { accepted: [], reviewed: 'soon' } } },
      'policy/lab.json',
    );
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
    expect(safeParseProfile(sneaky, 'x.json')).toEqual({
      ok: false,
      problems: [{ file: 'x.json', path: 'requirements.os.__proto__', message: 'the key "__proto__" is not allowed' }],
    });
    const literal = { ...minimal, requirements: { __proto__: { polluted: true } } };
    expect(safeParseProfile(literal, 'y.json').ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const cites = safeParseProfile(
      {
        ...minimal,
        sources: [{ id: 'faq', title: 'FAQ', ref: 'faq.txt' }],
        requirements: { os: { blockedVersions: [{ platform: 'windows', versionPattern: '^5\\.1', label: 'XP', source: { source: 'fqa' } }] } },
      },
      'z.json',
    );
    expect(cites.ok ? null : cites.problems).toEqual([
      { file: 'z.json', path: 'requirements.os.blockedVersions[0].source.source', message: 'cites source "fqa", which is not listed in "sources" (faq)' },
    ]);
  });

  it('refuses a profile file over 1 MB before parsing it', () => {
    const r = safeParseProfileText(`{"pad":"${'x'.repeat(1024 * 1024)}"}`, 'big.json');
    expect(r.ok ? '' : r.problems[0]!.message).toMatch(/^file is too large for a profile \(\d+ bytes; the limit is 1048576\)$/);
  });
});
