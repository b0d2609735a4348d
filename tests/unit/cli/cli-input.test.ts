// What the headless command reads and how it says a problem, as scripts and people in other
// languages meet it: standard input ("-", /dev/stdin, a pipe), errors as one JSON object under
// --format json, the help and usage errors in Spanish and Portuguese, the nearest name for a
// misspelt key, and one "file:path: message" form.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { machines } from '../../fixtures/facts/machines';
import { ERROR_CODES } from '../../../electron/cli/error-json';
import { readTextStream } from '../../../electron/storage/read-stream';
import { runInProcess } from './in-process';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-cli-input-'));
const write = (name: string, content: string) => {
  writeFileSync(path.join(tmp, name), content);
  return name;
};
const stdinOf =
  (chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>, isTTY = false) =>
  () =>
    Object.assign(Readable.from(chunks), { isTTY });
const run = (argv: string[], stdin?: ReturnType<typeof stdinOf>) => runInProcess(argv, { cwd: tmp, stdin });
/** the one JSON object a failed command writes on stderr under --format json */
const errorOf = (r: { stdout: string; stderr: string }) => {
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  return (JSON.parse(r.stderr) as { error: { code: string; message: string; file: string | null; path: string | null; problems: unknown[] } }).error;
};

describe('standard input', () => {
  it('--facts - reads facts from stdin, and a report piped from `check --format json`', async () => {
    const r = await run(['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone'], stdinOf([JSON.stringify(machines.good())]));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Ready: this computer meets the exam');
    const report = (await runInProcess(['check', '--profile', 'mitx-sds-capstone', '--format', 'json'], { cwd: tmp, facts: machines.surfaceLaptop() })).stdout;
    // in pieces, as a pipe delivers it
    const again = await run(
      ['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone', '--format', 'json'],
      stdinOf([report.slice(0, 100), report.slice(100)]),
    );
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).verdict).toBe('not-ready');
  });

  it('problems in what came on stdin name "stdin"', async () => {
    const r = await run(['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone'], stdinOf(['{"schemaVersion": 1,']));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdin: not valid JSON/m);
  });

  it('a terminal on stdin is refused at once with how to pipe a file in', async () => {
    const r = await run(['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone'], stdinOf([], true));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin: standard input is a terminal: pipe a file in');
  });

  it('an endless stdin is cut at the input cap and refused', async () => {
    async function* endless() {
      const mb = Buffer.alloc(1024 * 1024, 0x20);
      for (;;) yield mb;
    }
    const r = await run(['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone', '--format', 'json'], stdinOf(endless()));
    expect(r.code).toBe(2);
    const e = errorOf(r);
    expect([e.code, e.file]).toEqual(['invalid-input', 'stdin']);
    expect(e.message).toMatch(/input is too large \(more than 20971520 bytes\)/);
  });

  it('a stdin that stays open and silent ends in an error, not a wait for ever', async () => {
    const silent = { [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<Buffer>>(() => {}) }) };
    await expect(readTextStream(silent, 1024, { file: 'stdin', idleMs: 20 })).rejects.toThrow(/nothing was received for 0 s and the input was not closed/);
  });

  it('a named pipe and /dev/zero given as the facts file: read with the same cap', async () => {
    const fifo = path.join(tmp, 'facts.fifo');
    execFileSync('mkfifo', [fifo]);
    const src = write('good.json', JSON.stringify(machines.good()));
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', path.join(tmp, src), fifo]);
    const r = await run(['evaluate', '--facts', 'facts.fifo', '--profile', 'mitx-sds-capstone']);
    writer.kill();
    expect([r.code, r.stderr]).toEqual([0, '']);
    const zero = await run(['evaluate', '--facts', '/dev/zero', '--profile', 'mitx-sds-capstone']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('/dev/zero: input is too large');
  });

  it('the real command reads `-` and /dev/stdin from a pipe', () => {
    const facts = JSON.stringify(machines.windowsXp());
    for (const name of ['-', '/dev/stdin']) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/cli.ts', 'evaluate', '--facts', name, '--profile', 'mitx-sds-capstone', '--format', 'json'],
        {
          input: facts,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect([r.status, r.stderr]).toEqual([1, '']);
      expect(JSON.parse(r.stdout).verdict).toBe('not-ready');
    }
  }, 90_000);
});

describe('errors under --format json: one object on stderr, stdout empty, exit codes unchanged', () => {
  it.each([
    [['check', '--formt', 'text', '--format', 'json'], 'unknown-option', /unknown option '--formt' \(did you mean --format\?\)/],
    [['check', '--format', 'json', '--lang', 'xx'], 'invalid-value', /'xx' is not a valid value for '--lang <lang>' \(choices: en, es, pt\)/],
    [['evaluate', '--format', 'json'], 'missing-option', /required option '--facts <file>' not given/],
    [['evaluate', '--format=json', '--facts'], 'missing-option-value', /option '--facts <file>' needs a value/],
    [['schema', 'a', 'b', '--format', 'json'], 'unknown-option', /unknown option '--format'/],
    [['check', '--profile', 'mitx-nope', '--format', 'json'], 'invalid-input', /unknown profile "mitx-nope"/],
  ])('%j → %s', async (argv, code, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    const e = errorOf(r);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('bad input names the file, the place and every problem', async () => {
    const good = JSON.parse(readFileSync('docs/examples/stats-101-final.json', 'utf8')) as Record<string, unknown>;
    const f = write('two-problems.json', JSON.stringify({ ...good, version: 5, sorces: [] }));
    const r = await run(['check', '--profile', f, '--format', 'json']);
    expect(r.code).toBe(2);
    const e = errorOf(r);
    expect([e.code, e.file, e.path]).toEqual(['invalid-input', f, 'version']);
    expect(e.problems).toEqual([
      { file: f, path: 'version', message: 'Invalid input: expected string, received number' },
      { file: f, path: 'sorces', message: 'unknown key (misspelt, or not part of this format); did you mean “sources”?' },
    ]);
  });

  it('without --format json the same errors stay one line of text', async () => {
    const r = await run(['check', '--formt', 'json']);
    expect([r.code, r.stderr]).toEqual([2, "error: unknown option '--formt' (did you mean --format?)\n"]);
  });

  it('every code is documented for admins', () => {
    const doc = readFileSync('docs/admins.md', 'utf8');
    for (const code of ERROR_CODES) expect(doc).toContain(`\`${code}\``);
  });
});

describe('languages: the help and the errors', () => {
  const ENGLISH = ['Usage:', 'Options:', 'Commands:', 'Arguments:', '[options]', '[command]', 'choices:', 'default:', 'display help', 'error:'];
  it.each(['es', 'pt'])('--help in %s has none of commander’s English', async (lang) => {
    for (const argv of [['--help'], ['check', '--help'], ['profile', '--help'], ['schema', '--help'], ['summarize', '--help']]) {
      const r = await run([...argv, '--lang', lang]);
      expect(r.code).toBe(0);
      for (const word of ENGLISH.filter((w) => w !== 'error:')) expect(r.stdout, `${argv.join(' ')}: ${word}`).not.toContain(word);
    }
    expect((await run(['--help', '--lang', lang])).stdout).toMatch(
      lang === 'es' ? /^Uso: exam-preflight \[opciones\] \[comando\]/ : /^Uso: exam-preflight \[opções\] \[comando\]/,
    );
  });

  it('usage errors in Spanish and Portuguese', async () => {
    expect((await run(['chek', '--lang', 'es'])).stderr).toBe("error: comando desconocido 'chek' (¿quisiste decir check?)\n");
    expect((await run(['check', '--format', 'pdf', '--lang', 'pt'])).stderr).toBe(
      "erro: 'pdf' não é um valor válido para '--format <format>' (valores possíveis: text, json, junit, html)\n",
    );
  });

  it.each(['es', 'pt'])('a bad profile in %s: the details after "Invalid input" are not English', async (lang) => {
    const good = JSON.parse(readFileSync('docs/examples/stats-101-final.json', 'utf8')) as Record<string, unknown>;
    const { title, ...rest } = good;
    const f = write(`bad-${lang}.json`, JSON.stringify({ ...rest, titel: title, version: 5 }));
    const r = await run(['check', '--profile', f, '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(lang === 'es' ? 'Entrada no válida:' : 'Entrada inválida:');
    for (const word of ['unknown key', 'is missing', 'expected', 'received', 'Invalid input', 'did you mean'])
      expect(r.stderr.toLowerCase(), word).not.toContain(word.toLowerCase());
    expect(r.stderr).toContain(`${f}:titel:`);
  });
});

describe('did you mean', () => {
  it('a misspelt profile key, deep in a list, gets the nearest valid name', async () => {
    const good = JSON.parse(readFileSync('docs/examples/stats-101-final.json', 'utf8')) as {
      checklists: { sections: Array<{ items: Array<Record<string, unknown>> }> };
    };
    const item = good.checklists.sections[0]!.items[0]!;
    item.statment = item.statement;
    delete item.statement;
    const f = write('statment.json', JSON.stringify(good));
    const r = await run(['profile', 'validate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}:checklists.sections[0].items[0].statment: unknown key (misspelt, or not part of this format); did you mean “statement”?`);
    expect(r.stderr).toContain(`${f}:checklists.sections[0].items[0].statement: is missing (expected string or object)`);
  });

  it('no hint when nothing is close', async () => {
    const f = write('far.json', JSON.stringify({ ...JSON.parse(readFileSync('docs/examples/stats-101-final.json', 'utf8')), zzzzzz: 1 }));
    expect((await run(['profile', 'validate', f])).stderr).toContain(`${f}:zzzzzz: unknown key (misspelt, or not part of this format)\n`);
  });
});

describe('evaluate of a report made for another exam', () => {
  it('the fix fits the cause: run the check for this exam, not "close other programs"', async () => {
    const facts = machines.good();
    // what a check for an exam without Python collects: Python neither looked for nor its packages asked
    facts.software = { ...facts.software, python: [], pythonPackagesAsked: [], looked: { python: false, r: false } };
    const r = await run(['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone', '--format', 'json'], stdinOf([JSON.stringify(facts)]));
    expect(r.code).toBe(1);
    const results = (JSON.parse(r.stdout) as { results: Array<{ id: string; status: string; fix?: unknown }> }).results;
    const python = results.filter((x) => x.id.startsWith('software.python'));
    expect(python.length).toBeGreaterThan(0);
    for (const x of python) {
      expect(x.status).toBe('unknown');
      expect(x.fix).toEqual({ key: 'checks:common.fix.otherExam' });
    }
    const en = await run(['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone'], stdinOf([JSON.stringify(facts)]));
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('Fix: This report was made for another exam, so this was not looked for: run the check for this exam.');
    const text = await run(['evaluate', '--facts', '-', '--profile', 'mitx-sds-capstone', '--lang', 'es'], stdinOf([JSON.stringify(facts)]));
    expect(text.stdout).toContain('Este informe se hizo para otro examen');
  });
});
