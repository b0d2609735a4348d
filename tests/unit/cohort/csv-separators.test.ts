// Issue 28 item 9: the CSV is read back the way spreadsheets read it — with "," and with ";"
// (Excel in a Spanish or Portuguese locale), tab and "|" — and no cell may start a formula.
// The reader below follows Excel's lenient rules: a cell starting with '"' is quoted until a lone
// '"' ("" is a quote), anything after the closing quote is kept as it is up to the next separator;
// an unquoted cell runs to the next separator or line break, quotes and all.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// the properties run with a fixed seed, so a failure repeats on every run (change it to explore)
import { csvLines, ROW_COLUMNS, type CohortRow } from '../../../shared/cohort/rows';

function parse(csv: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atStart = true;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atStart = true;
  };
  while (i < csv.length) {
    const ch = csv[i]!;
    if (atStart && ch === '"') {
      atStart = false;
      i++;
      while (i < csv.length) {
        if (csv[i] === '"' && csv[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else cell += csv[i++];
      }
      continue;
    }
    atStart = false;
    if (ch === sep) {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += ch === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell || !atStart) endCell();
  if (row.length) rows.push(row);
  return rows;
}

/** A cell a spreadsheet would run: its first character, past the spaces it strips, starts a formula. */
const runsAsFormula = (cell: string) => /^\s*[=+\-@]/.test(cell);

const row = (values: string[]): CohortRow => Object.fromEntries(ROW_COLUMNS.map((c, i) => [c, values[i % values.length] ?? null])) as CohortRow;

describe('CSV read with any separator a spreadsheet may use', () => {
  it("the attack: a fact holding x;=cmd|' /C calc'!A0 gives no formula cell with ',' or ';'", () => {
    const csv = csvLines([row(["x;=cmd|' /C calc'!A0", 'Windows 11', 'a\t=1+1', 'b|@SUM(A1)', ' -2+3'])]);
    for (const sep of [',', ';', '\t', '|']) {
      const cells = parse(csv, sep).flat();
      expect(cells.filter(runsAsFormula), `separator ${JSON.stringify(sep)}`).toEqual([]);
    }
    // read with the separator it was written with, the cells keep their text (one guard character added)
    expect(parse(csv, ',')[0]![0]).toBe("x;'=cmd|' /C calc'!A0");
  });

  it('any generated value, any separator: no cell starts a formula (property)', () => {
    const value = fc.string({ unit: fc.constantFrom(...'=+-@,;\t|"\r\n \'ax1'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
        const csv = csvLines([row(values)]);
        for (const sep of [',', ';', '\t', '|']) expect(parse(csv, sep).flat().filter(runsAsFormula), JSON.stringify({ sep, csv })).toEqual([]);
      }),
      { numRuns: 2000, seed: 28 },
    );
  });

  it('read with ",", every generated value comes back whole (quoting keeps separators inside a cell)', () => {
    // (no formula characters, and no tab or CR first: those get their guard "'")
    const value = fc.string({ unit: fc.constantFrom(...',;\t|"\r\n ax1'.split('')), maxLength: 24 }).filter((v) => !/^[\t\r]/.test(v));
    fc.assert(
      fc.property(value, (v) => {
        expect(parse(csvLines([row([v])]), ',')[0]![0]).toBe(v);
      }),
      { numRuns: 1000, seed: 28 },
    );
  });
});
