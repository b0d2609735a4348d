// Question banks: the bundled ones plus banks the learner or an admin imported, stored as
// <dataDir>/exam/banks/<bankId>.json. An imported file is validated first (every problem listed);
// a stored bank that no longer validates is skipped and reported, and the app keeps working.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic';
import { bundledBanks } from '../../shared/exam/banks';
import { MAX_BANK_BYTES, validateBankText, type BankProblem, type QuestionBank } from '../../shared/exam/bank';
import { readStored } from '../storage/move-aside';

export interface StoredBank {
  bank: QuestionBank;
  origin: 'bundled' | 'imported';
}

export class BankStore {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'exam', 'banks');
  }

  async all(): Promise<{ banks: StoredBank[]; problems: BankProblem[] }> {
    const bundled = bundledBanks();
    const banks: StoredBank[] = bundled.banks.map((bank) => ({ bank, origin: 'bundled' }));
    const problems = [...bundled.problems];
    let names: string[] = [];
    try {
      names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.json'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const name of names.sort()) {
      const file = path.join(this.dir, name);
      // the stores' guarded reader: a pipe or device named *.json is reported, not waited on or read
      const read = await readStored(file, MAX_BANK_BYTES);
      if (read.state === 'missing') continue;
      if (read.state === 'refused') {
        problems.push({ file, path: '(root)', message: read.problem });
        continue;
      }
      const r = validateBankText(read.text, file);
      if (!r.ok) problems.push(...r.problems);
      // a bundled id wins: an import cannot silently replace the shipped practice bank
      else if (!banks.some((b) => b.bank.id === r.bank.id)) banks.push({ bank: r.bank, origin: 'imported' });
    }
    return { banks, problems };
  }

  async find(id: string): Promise<QuestionBank | undefined> {
    return (await this.all()).banks.find((b) => b.bank.id === id)?.bank;
  }

  async import(text: string, fileName: string): Promise<{ ok: true; bank: QuestionBank } | { ok: false; problems: BankProblem[] }> {
    const r = validateBankText(text, fileName);
    if (!r.ok) return r;
    if (bundledBanks().banks.some((b) => b.id === r.bank.id)) {
      return { ok: false, problems: [{ file: fileName, path: 'id', message: `"${r.bank.id}" is the id of a bundled bank; choose another id` }] };
    }
    await writeFileAtomic(path.join(this.dir, `${r.bank.id}.json`), text);
    return r;
  }
}
