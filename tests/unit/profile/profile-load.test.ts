// Profiles are data from outside (admins write them): every way they can be wrong gets one clear
// message naming the file, the place inside it, and the problem.
import { describe, expect, it } from 'vitest';
import { builtinProfiles, findProfile, inspectRequestFor, parseProfileText, summarizeProfile } from '../../../shared/profile/load';
import { rejectionOf } from './rejection';

const minimal = { id: 'lab-exam', version: '1.0.0', title: 'Lab exam', program: 'Lab', requirements: {} };
const problemOf = (text: string) => rejectionOf(text);

describe('profile loading', () => {
  it('loads the four built-in profiles, each rule citing a listed source', () => {
    expect(builtinProfiles().map((p) => p.id)).toEqual(['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final', 'mitx-xpro-course']);
    expect(findProfile('mitx-sds-ml')!.requirements.software!.python!.packages.map((p) => p.name)).toEqual(['numpy', 'torch']);
  });

  it('an English-only admin profile shows its English text in Spanish, marked untranslated', () => {
    const p = parseProfileText(JSON.stringify(minimal), 'lab.json');
    expect(summarizeProfile(p, 'es')).toMatchObject({ title: 'Lab exam', untranslated: true });
    expect(summarizeProfile(p, 'en').untranslated).toBe(false);
    const pom = findProfile('mitx-pom-final')!;
    for (const lang of ['es', 'pt'] as const) expect(summarizeProfile(pom, lang).untranslated).toBe(false);
    const partly = parseProfileText(
      JSON.stringify({ ...minimal, title: { en: 'Lab exam', es: 'Examen' }, program: { en: 'Lab', es: 'Laboratorio' }, course: 'Course 1' }),
      'lab.json',
    );
    expect(summarizeProfile(partly, 'es')).toMatchObject({ title: 'Examen', untranslated: true });
  });

  it('accepts a minimal admin profile', () => {
    expect(parseProfileText(JSON.stringify(minimal), 'lab.json').id).toBe('lab-exam');
  });

  it('reports malformed JSON with line and column', () => {
    expect(problemOf('{\n  "id": "x",\n  "version": 1.0.0\n}')).toMatch(/^lab\.json: not valid JSON: .*\(line 3, column \d+\)$/);
    expect(problemOf('')).toBe('lab.json: not valid JSON: the file is empty');
  });

  it('names the path of a schema violation', () => {
    const bad = { ...minimal, requirements: { os: { minimumVersions: [{ platform: 'windows', min: 'ten', label: 'Windows 10' }] } } };
    expect(problemOf(JSON.stringify(bad))).toBe('lab.json:requirements.os.minimumVersions[0].min: a version such as "10" or "3.9.2"');
    expect(problemOf(JSON.stringify({ ...minimal, id: 'Lab Exam!' }))).toMatch(/json:id: lower-case letters/);
    expect(problemOf(JSON.stringify({ ...minimal, surprise: true }))).toBe('lab.json:surprise: unknown key (misspelt, or not part of this format)');
    expect(problemOf(JSON.stringify({ ...minimal, title: { es: 'Examen' } }))).toBe('lab.json:title.en: is missing (expected string)');
    expect(problemOf(JSON.stringify({ ...minimal, program: 7 }))).toBe('lab.json:program: expected string or object');
    expect(problemOf(JSON.stringify({ ...minimal, requirements: { device: { blockedModels: [{ manufacturer: '(', model: 'x', label: 'y' }] } } }))).toMatch(
      /blockedModels\[0\]\.manufacturer: not a valid regular expression/,
    );
  });

  it('refuses prototype-pollution keys anywhere', () => {
    expect(problemOf('{"id":"lab-exam","__proto__":{"polluted":true}}')).toBe('lab.json:__proto__: the key "__proto__" is not allowed');
    expect(problemOf('{"requirements":{"os":{"constructor":{}}}}')).toMatch(/json:requirements\.os\.constructor: the key "constructor" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a rule citing an unlisted source', () => {
    const bad = { ...minimal, requirements: { virtualization: { allowed: false, source: { source: 'nowhere' } } } };
    expect(problemOf(JSON.stringify(bad))).toMatch(/cites source "nowhere"/);
  });

  it('refuses a huge file before parsing it', () => {
    expect(problemOf(' '.repeat(21 * 1024 * 1024))).toMatch(/too large/);
  });

  it('asks the inspectors only for what the profile needs', () => {
    expect(inspectRequestFor(findProfile('mitx-sds-ml')!)).toEqual({
      pythonPackages: ['numpy', 'torch'],
      endpoints: [],
      networkChecks: true,
      osStates: expect.arrayContaining(['sMode', 'sessionType', 'windowDisplays']),
      software: { python: true, r: true },
    });
    // an exam without Python or R never starts either program
    expect(inspectRequestFor(findProfile('mitx-pom-final')!).software).toEqual({ python: false, r: false });
    expect(inspectRequestFor(findProfile('mitx-xpro-course')!).osStates).toEqual([]);
    expect(inspectRequestFor(findProfile('mitx-xpro-course')!, { networkChecks: false }).networkChecks).toBe(false);
  });
});
