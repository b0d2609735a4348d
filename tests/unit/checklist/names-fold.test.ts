// Letters that Unicode decomposition does not split into base letter + accent (ł, ø, ß, æ, œ, đ,
// ı …) are how the same name is often written without them: on an account made on an English
// keyboard, or on an ID's machine-readable line. Common names of the three UI languages' learners,
// and the notes that explain a difference one by one, bounded in length.
import { describe, expect, it } from 'vitest';
import { compareNames, MAX_NAME_CHARS } from '../../../shared/checklist/names';

const keys = (a: string, b: string) => compareNames(a, b).notes.map((n) => n.key.replace('checklist:name.note.', ''));

describe('letters without a decomposition fold to their plain spelling', () => {
  it.each([
    ['Łukasz Wałęsa', 'Lukasz Walesa'],
    ['Søren Kierkegaard', 'Soren Kierkegaard'],
    ['Johann Strauß', 'Johann Strauss'],
    ['Ægir Ærøe', 'Aegir Aeroe'],
    ['Œdipe Cœur', 'Oedipe Coeur'],
    ['Đorđe Đoković', 'Dorde Djokovic'.replace('Dj', 'D')],
    ['Işıl Kırmızı', 'Isil Kirmizi'],
    ['Þóra Guðmundsdóttir', 'Thora Gudmundsdottir'],
  ])('%s = %s: a match, with a note on the letters', (a, b) => {
    const r = compareNames(a, b);
    expect(r.verdict).toBe('match-with-notes');
    expect(keys(a, b)).toContain('letters');
    expect(keys(a, b)).not.toContain('different');
    expect(compareNames(b, a).verdict).toBe('match-with-notes');
  });

  it('common names in Spanish, Portuguese and English still compare as before', () => {
    expect(compareNames('José Núñez', 'Jose Nunez').verdict).toBe('match-with-notes');
    expect(keys('José Núñez', 'Jose Nunez')).toEqual(['accents']);
    expect(compareNames('João Conceição', 'JOAO CONCEICAO').verdict).toBe('match-with-notes');
    expect(compareNames('Zoë Brontë', 'Zoe Bronte').verdict).toBe('match-with-notes');
    expect(compareNames('Strauß', 'Straus').verdict).toBe('mismatch');
    expect(compareNames('Łukasz Nowak', 'Lucas Nowak').verdict).toBe('mismatch');
  });
});

describe('differences explained as separate plain notes', () => {
  it('particles (da, de, dos, van, von, del …) left out on one side', () => {
    const r = compareNames('Maria Silva', 'Maria da Silva');
    expect(r.verdict).toBe('match-with-notes');
    expect(r.notes).toEqual([{ key: 'checklist:name.note.particlesOnId', params: { names: 'da' } }]);
    expect(compareNames('Ludwig van Beethoven', 'Ludwig Beethoven').notes).toEqual([
      { key: 'checklist:name.note.particlesOnAccount', params: { names: 'van' } },
    ]);
    expect(keys('Juan Pérez', 'Juan del Pérez')).toEqual(['particlesOnId']);
  });

  it('an extra surname, a middle name, an initial and a particle each get their own note', () => {
    const r = compareNames('Ana M. Souza', 'Ana Maria dos Santos Souza');
    expect(r.verdict).toBe('match-with-notes');
    expect(keys('Ana M. Souza', 'Ana Maria dos Santos Souza').sort()).toEqual(['extraOnId', 'initials', 'particlesOnId']);
    expect(r.notes.find((n) => n.key.endsWith('extraOnId'))!.params).toEqual({ names: 'Santos' });
    expect(r.notes.find((n) => n.key.endsWith('initials'))!.params).toEqual({ initials: 'M. = Maria' });
  });

  it('a second surname after the last common one (Spanish and Portuguese names)', () => {
    const r = compareNames('María García', 'María García López');
    expect(r.verdict).toBe('match-with-notes');
    expect(r.notes).toEqual([{ key: 'checklist:name.note.surnameOnId', params: { names: 'López' } }]);
    expect(compareNames('Pedro Alves Costa', 'Pedro Alves').notes).toEqual([{ key: 'checklist:name.note.surnameOnAccount', params: { names: 'Costa' } }]);
  });

  it('a very long input is bounded: never echoed whole', () => {
    const long = `Ana ${'x'.repeat(5000)} Lima`;
    const r = compareNames('Ana Lima', long);
    const text = JSON.stringify(r.notes);
    expect(text.length).toBeLessThan(400);
    const many = `Ana ${Array.from({ length: 300 }, (_, i) => `Nome${i}`).join(' ')} Lima`;
    expect(JSON.stringify(compareNames('Ana Lima', many).notes).length).toBeLessThan(400);
    expect(MAX_NAME_CHARS).toBeLessThanOrEqual(300);
  });
});
