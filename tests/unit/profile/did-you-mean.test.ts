// The nearest-name hint for a misspelt key: the edit distance it rests on, which names it offers,
// and the keys a schema allows at a place (through lists, unions and wrappers).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, nearestName } from '../../../shared/did-you-mean';
import { knownKeysAt } from '../../../shared/schema-keys';
import { ProfileSchema } from '../../../shared/profile/schema';
import { PolicySchema } from '../../../shared/policy/schema';

describe('edit distance', () => {
  it('counts inserts, deletes, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('statment', 'statement')).toBe(1);
    expect(editDistance('lcokedProfile', 'lockedProfile')).toBe(1);
    expect(editDistance('colour', 'color')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('is a distance: zero only to itself, symmetric, at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('nearest name', () => {
  const keys = ['id', 'version', 'title', 'statement', 'sources'];
  it('offers a close name, not a far or a short one', () => {
    expect(nearestName('statment', keys)).toBe('statement');
    expect(nearestName('Titel', keys)).toBe('title');
    expect(nearestName('sorces', keys)).toBe('sources');
    expect(nearestName('surprise', keys)).toBeNull();
    // two letters changed in a three-letter word is another word, not a typo
    expect(nearestName('ix', keys)).toBeNull();
  });
  it('ignores inputs too long to be a key (a pasted text costs nothing)', () => {
    expect(nearestName('statement'.repeat(100), keys)).toBeNull();
  });
});

describe('keys a schema allows at a place', () => {
  it('at the top, inside lists and in optional objects of a profile', () => {
    expect(knownKeysAt(ProfileSchema, [])).toEqual(expect.arrayContaining(['id', 'version', 'title', 'requirements', 'checklists']));
    expect(knownKeysAt(ProfileSchema, ['checklists', 'sections', 0, 'items', 3])).toEqual(expect.arrayContaining(['statement', 'why', 'done']));
    expect(knownKeysAt(ProfileSchema, ['requirements', 'hardware'])).toContain('minCpuCores');
  });
  it('in a policy, and nothing where the schema has no object', () => {
    expect(knownKeysAt(PolicySchema, ['supportContact'])).toEqual(expect.arrayContaining(['name', 'email', 'url']));
    expect(knownKeysAt(PolicySchema, ['hideMockExam'])).toEqual([]);
    expect(knownKeysAt(PolicySchema, ['nowhere', 'deeper'])).toEqual([]);
  });
});
