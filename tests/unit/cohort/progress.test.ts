// What `summarize` says on a terminal while it reads: files read, then (once the counting walk has
// the total) files read of the total and the seconds left at the rate so far, in the reader's language.
import { describe, expect, it } from 'vitest';
import { cohortProgress } from '../../../electron/cohort/progress';
import { createProgress } from '../../../electron/cli/progress';
import { createI18n } from '../../../shared/i18n';

describe('summarize progress', () => {
  it('says files read, then read of the total with the seconds left', () => {
    const i18n = createI18n('en');
    const shown: string[] = [];
    let clock = 0;
    const p = cohortProgress(
      { update: (s) => shown.push(s) },
      (k, o) => i18n.t(k, o),
      () => clock,
    );
    clock = 1000;
    p.read(100);
    p.total(1000);
    clock = 2000;
    p.read(200);
    expect(shown).toEqual(['Read 100 files…', 'Read 100 of 1000 files, about 9 s left', 'Read 200 of 1000 files, about 8 s left']);
  });

  it('in Spanish, through the one progress line on a terminal (and nothing when stderr is not one)', () => {
    const i18n = createI18n('es');
    const tty = {
      isTTY: true,
      columns: 80,
      out: '',
      write(s: string) {
        this.out += s;
      },
    };
    const pipe = {
      isTTY: false,
      out: '',
      write(s: string) {
        this.out += s;
      },
    };
    let clock = 0;
    for (const stream of [tty, pipe]) {
      const line = createProgress(stream, { now: () => clock });
      const p = cohortProgress(
        line,
        (k, o) => i18n.t(k, o),
        () => clock,
      );
      p.total(10);
      clock += 500;
      p.read(5);
      line.done();
    }
    expect(tty.out).toContain('Leídos 5 de 10 archivos, quedan unos 1 s');
    expect(tty.out.endsWith('\r\x1b[K')).toBe(true);
    expect(pipe.out).toBe('');
  });
});
