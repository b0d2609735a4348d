import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../electron/cli/progress';

function stream(isTTY: boolean, columns = 80) {
  const out: string[] = [];
  return { out, s: { isTTY, columns, write: (x: string) => out.push(x) } };
}

describe('progress line on stderr', () => {
  it('writes nothing when stderr is not a terminal, or under --quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { out, s } = stream(tty);
      const p = createProgress(s, { quiet });
      p.update('reading 10 of 3000 files');
      p.done();
      expect(out).toEqual([]);
    }
  });

  it('redraws one line in place, at most every 100 ms, and erases it at the end', () => {
    let t = 0;
    const { out, s } = stream(true);
    const p = createProgress(s, { now: () => t });
    p.update('one');
    t = 50;
    p.update('skipped');
    t = 150;
    p.update('two');
    p.done();
    p.update('after the end');
    expect(out).toEqual(['\r\x1b[Kone', '\r\x1b[Ktwo', '\r\x1b[K']);
  });

  it('keeps the line within the terminal and strips control characters from file names', () => {
    const { out, s } = stream(true, 20);
    createProgress(s).update(`reading ${'x'.repeat(50)}\x1b[31m`);
    expect(out[0]!.length).toBeLessThanOrEqual('\r\x1b[K'.length + 19);
    expect(out[0]!.slice(4)).not.toContain('\x1b');
  });
});
