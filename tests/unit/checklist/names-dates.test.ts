// The ID comparison learners run before exam day: names (case, accents, spaces, hyphens, order,
// middle names, initials) and dates (expired, expiring before the exam, days left), as calendar
// days that no time zone can shift.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../shared/checklist/names';
import { addDays, checkExpiry, daysBetween, localDay, parseDay, planForExamDate } from '../../../shared/checklist/dates';

const notes = (a: string, b: string) => compareNames(a, b).notes.map((n) => n.key.replace('checklist:name.note.', ''));

describe('name on the account against the name on the ID', () => {
  it('matches exactly, and says when only capitals or spaces differ', () => {
    expect(compareNames('Ana Lima', 'Ana Lima')).toEqual({ verdict: 'match', notes: [], fix: null });
    expect(compareNames('  Ana   Lima ', 'ANA LIMA')).toMatchObject({ verdict: 'match', notes: [{ key: 'checklist:name.note.case' }], fix: null });
  });

  it('accents, hyphens and apostrophes: a match with a note', () => {
    expect(compareNames('José Álvarez', 'Jose Alvarez')).toMatchObject({ verdict: 'match-with-notes', fix: null });
    expect(notes('José Álvarez', 'Jose Alvarez')).toEqual(['accents']);
    expect(notes('Mary-Jane Smith', 'Mary Jane Smith')).toEqual(['hyphens']);
    expect(notes("Liam O'Neil", 'Liam ONeil')).toEqual(['hyphens']);
    // decomposed accents typed on some keyboards are the same letters
    expect(compareNames('Jose\u0301 Lima', 'José Lima').verdict).toBe('match');
  });

  it('family name first: a match with a note', () => {
    expect(compareNames('Li Wang', 'WANG Li')).toMatchObject({ verdict: 'match-with-notes' });
    expect(notes('Li Wang', 'WANG Li')).toEqual(['order']);
    expect(notes('Smith, John', 'John Smith')).toEqual(['order']);
  });

  it('a middle name or an initial on one side only: accepted with care, and said which', () => {
    const r = compareNames('Maria Silva', 'Maria Fernanda Silva');
    expect(r.verdict).toBe('match-with-notes');
    expect(r.notes).toEqual([{ key: 'checklist:name.note.extraOnId', params: { names: 'Fernanda' } }]);
    expect(r.fix?.key).toBe('checklist:name.fix.partial');
    expect(compareNames('Maria Fernanda Silva', 'Maria Silva').notes[0]!.key).toBe('checklist:name.note.extraOnAccount');
    const initial = compareNames('John F. Kennedy', 'John Fitzgerald Kennedy');
    expect(initial).toMatchObject({ verdict: 'match-with-notes', notes: [{ key: 'checklist:name.note.initials', params: { initials: 'F. = Fitzgerald' } }] });
    expect(compareNames('María José García-López', 'MARIA JOSE GARCIA LOPEZ').verdict).toBe('match-with-notes');
  });

  it('a different name is a mismatch with the differing words and the fix', () => {
    const r = compareNames('Maria Silva', 'Mario Silva');
    expect(r).toMatchObject({ verdict: 'mismatch', fix: { key: 'checklist:name.fix.mismatch' } });
    expect(r.notes).toContainEqual({ key: 'checklist:name.note.different', params: { account: 'Maria', id: 'Mario' } });
    // quoted as typed, accents and hyphenated parts included
    expect(compareNames('José Gómez-Ruiz', 'José Gómez-Díaz').notes).toContainEqual({
      key: 'checklist:name.note.different',
      params: { account: 'Ruiz', id: 'Díaz' },
    });
    // a further name after the last shared one is a surname the account lacks: said as such (issue 14)
    expect(compareNames('ANNA  maria', 'anna Maria Björk')).toMatchObject({
      verdict: 'match-with-notes',
      notes: [{ key: 'checklist:name.note.surnameOnId', params: { names: 'Björk' } }],
      fix: { key: 'checklist:name.fix.surname' },
    });
    // the same first and last name is not enough when the middle of the name disagrees
    expect(compareNames('Ana Paula Lima', 'Ana Beatriz Lima').verdict).toBe('mismatch');
    // one name only, and a different last name
    expect(compareNames('Ana', 'Ana Lima').verdict).toBe('mismatch');
    expect(compareNames('Ana Lima', 'Ana Costa').verdict).toBe('mismatch');
  });

  it('is incomplete until both names are typed', () => {
    expect(compareNames('', 'Ana Lima').verdict).toBe('incomplete');
    expect(compareNames('Ana', '  ').verdict).toBe('incomplete');
  });
});

describe('ID expiry and the exam date', () => {
  const today = '2026-11-23';
  it('reads only real calendar days', () => {
    expect(parseDay('2026-02-28')).toBe('2026-02-28');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('23/11/2026')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });

  it('expired, expiring before the exam, valid through the exam day (inclusive)', () => {
    expect(checkExpiry('2026-11-22', '2026-12-10', today)).toMatchObject({ verdict: 'expired', fix: { key: 'checklist:expiry.fixExpired' } });
    expect(checkExpiry('2026-12-01', '2026-12-10', today)).toMatchObject({ verdict: 'expires-before-exam', message: { params: { count: 9 } } });
    expect(checkExpiry('2026-12-10', '2026-12-10', today).verdict).toBe('ok'); // valid on its last day
    expect(checkExpiry('2026-11-23', null, today).verdict).toBe('no-exam-date'); // still valid today
    expect(checkExpiry('', '2026-12-10', today).verdict).toBe('incomplete');
    expect(checkExpiry('2026-13-01', '2026-12-10', today).verdict).toBe('incomplete');
  });

  it('counts whole days across month, year and daylight-saving changes', () => {
    expect(daysBetween('2026-11-23', '2026-12-10')).toBe(17);
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // EU clocks change on 29 March
    expect(daysBetween('2026-12-10', '2026-11-23')).toBe(-17);
    expect(addDays('2027-01-02', -3)).toBe('2026-12-30');
  });

  it("takes today from the learner's own calendar, not from UTC", () => {
    // 23:30 on 23 November in São Paulo is already 24 November in UTC
    const lateEvening = new Date('2026-11-24T02:30:00Z');
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/Sao_Paulo';
      expect(localDay(lateEvening)).toBe('2026-11-23');
      process.env.TZ = 'Asia/Tokyo';
      expect(localDay(lateEvening)).toBe('2026-11-24');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('plans the re-run a few days before the exam; soon and past dates say so', () => {
    expect(planForExamDate('2026-12-10', today)).toMatchObject({
      daysLeft: 17,
      rerunOn: '2026-12-07',
      message: { key: 'checklist:examDate.later', params: { count: 17, rerun: '2026-12-07' } },
    });
    expect(planForExamDate('2026-11-25', today)).toMatchObject({ daysLeft: 2, rerunOn: today, message: { key: 'checklist:examDate.soon' } });
    expect(planForExamDate(today, today)!.message.key).toBe('checklist:examDate.today');
    expect(planForExamDate('2026-11-20', today)).toMatchObject({
      daysLeft: -3,
      rerunOn: null,
      message: { key: 'checklist:examDate.past', params: { count: 3 } },
    });
    expect(planForExamDate(null, today)).toBeNull();
  });
});
