// Mock exam storage and bank speed, measured in one run against baselines on the same machine:
//  - answer save: the whole handler call (parse, engine, atomic write of the attempt: temp file,
//    fsync, rename) against a plain fs.writeFile of the same bytes (no durability), target ≤ 5 ms;
//  - a generated 10 000-question bank: validate (zod + cross-checks) against JSON.parse alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createExamHandlers } from '../../electron/handlers/exam';
import { validateBankText } from '../../shared/exam/bank';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)]!;
};
const f = (x: number) => `${x.toFixed(2)} ms`;
async function time(fn: () => Promise<unknown> | unknown) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function bigBank(n: number): string {
  const perSection = n / 10;
  const kinds = ['single', 'multiple', 'text', 'numeric', 'short'] as const;
  return JSON.stringify({
    id: 'bench-bank',
    version: '1.0.0',
    title: 'Benchmark bank',
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      title: { en: `Section ${s}`, es: `Sección ${s}`, pt: `Seção ${s}` },
      questions: Array.from({ length: perSection }, (_, i) => {
        const id = `s${s}-q${i}`;
        const base = {
          id,
          prompt: { en: `Question ${i} of section ${s}: what is ${i} + ${s}?`, es: `Pregunta ${i}` },
          explanation: `Because ${i} + ${s} = ${i + s}.`,
        };
        const choices = [0, 1, 2, 3].map((c) => ({ id: `c${c}`, text: String(i + s + c) }));
        switch (kinds[i % kinds.length]) {
          case 'single':
            return { ...base, type: 'single', choices, correct: 'c0' };
          case 'multiple':
            return { ...base, type: 'multiple', choices, correct: ['c0', 'c2'] };
          case 'text':
            return { ...base, type: 'text', accepted: [String(i + s), `${i + s}.0`] };
          case 'numeric':
            return { ...base, type: 'numeric', answer: i + s, tolerance: { kind: 'relative', value: 0.01 } };
          default:
            return { ...base, type: 'short', modelAnswer: `${i + s}`, rubric: ['states the sum'] };
        }
      }),
    })),
  });
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-bench-exam-'));
  try {
    let now = Date.now();
    const h = createExamHandlers({ dataDir: dir, appVersion: 'bench', emit: () => {}, now: () => now });
    const attempt = await h.startAttempt('mitx-pom-final', { kind: 'none' });
    const section = attempt.sections[0]!;
    await h.openSection(attempt.id, section.id);
    const saves: number[] = [];
    const plain: number[] = [];
    const file = path.join(dir, 'plain.json');
    for (let i = 0; i < 200; i++) {
      const q = section.questions[i % section.questions.length]!;
      const answer = q.type === 'multiple' ? [q.choices![0]!.id] : q.type === 'single' ? q.choices![0]!.id : `answer ${i}`;
      now += 1000;
      saves.push(await time(() => h.saveAnswer(attempt.id, section.id, q.id, answer)));
    }
    const bytes = JSON.stringify(await h.getAttempt(attempt.id));
    for (let i = 0; i < 200; i++) plain.push(await time(() => writeFile(file, bytes)));
    console.log('answer save (200 saves, attempt of ' + `${(bytes.length / 1024).toFixed(0)} kB)`);
    console.log(`  saveAnswer median / p95          ${f(median(saves))} / ${f(p95(saves))}   (target ≤ 5 ms)`);
    console.log(`  plain writeFile median           ${f(median(plain))}`);
    console.log(`  ratio save / writeFile           ${(median(saves) / median(plain)).toFixed(1)}`);

    const text = bigBank(10_000);
    const parse: number[] = [];
    const validate: number[] = [];
    for (let i = 0; i < 5; i++) {
      parse.push(await time(() => JSON.parse(text)));
      validate.push(
        await time(() => {
          const r = validateBankText(text, 'bench.json');
          if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
        }),
      );
    }
    console.log(`bank of 10 000 questions (${(text.length / 1024 / 1024).toFixed(1)} MB)`);
    console.log(`  load + validate median of 5      ${f(median(validate))}`);
    console.log(`  JSON.parse alone                 ${f(median(parse))}`);
    console.log(`  ratio validate / parse           ${(median(validate) / median(parse)).toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
