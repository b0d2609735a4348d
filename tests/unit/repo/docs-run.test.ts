// Docs that run: every shell block of README.md, docs/*.md and examples/README.md is run as a
// newcomer would type it, in a temp folder holding a copy of examples/ and docs/examples/ (one
// folder per document, so a later block may read what an earlier one wrote), offline, with the
// built command, and each command must end with the exit code the document promises. The command
// is built from the sources by scripts/build-node.mjs into a temp folder of its own: never a stale
// dist/, and never one that another test file is rebuilding at that moment. The cohort queries (```sql) run through @duckdb/node-api against
// the NDJSON the document's own `summarize` wrote.
//
// The convention, for whoever writes the docs (an HTML comment on the line before the block):
//   ```sh / ```bash / ```shell / ```console   are run (in ```console only the lines starting "$ ")
//   <!-- docs-test: exit 2 -->                 every command of the block must exit with 2
//   <!-- docs-test: exit 0 1 -->               … with 0 or 1
//   <!-- docs-test: skip (the reason) -->      the block is not run; the reason is required
// Unannotated, `check` and `evaluate` may exit 0 or 1 (the verdict is the machine's), every other
// command 0. Run are the tool's commands (`exam-preflight …`, `npx exam-preflight …`,
// `npm exec exam-preflight -- …`, `node bin/exam-preflight.cjs …`, `npm run cli -- …`,
// `npm run check -- …`, all mapped to `node <repo>/bin/exam-preflight.cjs`) and `mkdir -p`; a
// block with any other command, or with none of the tool's, must be marked skip with its reason,
// so no block is silently left out. `--network` never runs here (it contacts the exam's hosts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.resolve(__dirname, '../../..');
/** where the command is built for this test: bin/ and dist/cli/ as in the package */
const TOOL_DIR = mkdtempSync(path.join(os.tmpdir(), 'preflight-docs-tool-'));
const BIN = path.join(TOOL_DIR, 'bin', 'exam-preflight.cjs');
const DOCS = [
  'README.md',
  'examples/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'console']);

export interface Block {
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  lang: string;
  body: string[];
  /** the `docs-test:` annotation before the fence, if any */
  note: string | null;
}

/** The fenced blocks of a markdown text, with the annotation written just before each. */
export function fencedBlocks(file: string, text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```([\w-]*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    let prev = i - 1;
    while (prev >= 0 && lines[prev]!.trim() === '') prev--;
    const note = prev >= 0 ? (/^\s*<!--\s*docs-test:\s*(.*?)\s*-->\s*$/.exec(lines[prev]!)?.[1] ?? null) : null;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(Math.min(indent, /^\s*/.exec(lines[j]!)![0].length)));
    blocks.push({ file, line: i + 1, lang: open[2]!, body, note });
    i = j;
  }
  return blocks;
}

/** The commands of a shell block: comments and blank lines dropped, `\` continuations joined; in a console block only "$ " lines. */
export function commandsOf(block: Block): string[] {
  const lines = block.lang === 'console' ? block.body.filter((l) => l.startsWith('$ ')).map((l) => l.slice(2)) : block.body;
  const out: string[] = [];
  let pending = '';
  for (const raw of lines) {
    const l = pending + raw;
    if (l.endsWith('\\')) {
      pending = l.slice(0, -1);
      continue;
    }
    pending = '';
    if (l.trim() && !l.trim().startsWith('#')) out.push(l.trim());
  }
  return out;
}

const TOOL = [
  /^npx exam-preflight(?=\s|$)/,
  /^npm exec (?:-- )?exam-preflight(?: --)?(?=\s|$)/,
  /^node bin\/exam-preflight\.cjs(?=\s|$)/,
  /^npm run cli --(?=\s|$)/,
  /^exam-preflight(?=\s|$)/,
];

/** `node <repo>/bin/exam-preflight.cjs …` for a command that invokes the tool; null for any other command */
export function toolCommand(command: string, bin: string): string | null {
  const node = `node ${JSON.stringify(bin)}`;
  for (const re of TOOL) if (re.test(command)) return command.replace(re, node);
  // `npm run check -- …` is `exam-preflight check …`
  const check = /^npm run check(?: --)?(?=\s|$)/;
  if (check.test(command)) return command.replace(check, `${node} check`);
  return null;
}

/** the command word of a tool command (`check` in `node "…/exam-preflight.cjs" --lang es check …`) */
function subcommand(tool: string): string | undefined {
  const words = tool.replace(/^node "[^"]*"\s*/, '').split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--lang') i++;
    else if (!words[i]!.startsWith('-')) return words[i];
  }
  return undefined;
}

/** the exit codes a block promises for a tool command */
export function expectedExit(note: string | null, tool: string): number[] {
  const given = note ? /^exit\s+([\d\s]+)$/.exec(note) : null;
  if (given) return given[1]!.trim().split(/\s+/).map(Number);
  // the verdict is this machine's (or the report's): ready or not, the command worked
  const cmd = subcommand(tool);
  return cmd === 'check' || cmd === 'evaluate' ? [0, 1] : [0];
}

/** an annotation is "exit …" or "skip (reason)": anything else is a typo that would silently change what runs */
const validNote = (note: string) => /^exit(\s+\d)+$/.test(note) || /^skip \(.*\S.*\)$/.test(note);

const blocksOf = (doc: string) => fencedBlocks(doc, readFileSync(path.join(ROOT, doc), 'utf8'));

/** the temp folders made here, removed at the end (links in them are removed, never followed) */
const made: string[] = [TOOL_DIR];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** a fresh folder for one document: what a newcomer's clone has that the docs use */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-docs-'));
  made.push(dir);
  cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  cpSync(path.join(ROOT, 'docs', 'examples'), path.join(dir, 'docs', 'examples'), { recursive: true });
  const home = path.join(dir, '.home');
  mkdirSync(home);
  // English, no colour, the probe cache in the temp folder; no proxy (nothing is contacted anyway)
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CACHE_HOME: path.join(home, '.cache'),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
  };
  return { dir, env };
}

describe('the docs’ annotations', () => {
  it('every docs-test annotation is "exit N…" or "skip (reason)"', () => {
    const bad = DOCS.flatMap((d) =>
      blocksOf(d)
        .filter((b) => b.note !== null && !validNote(b.note))
        .map((b) => `${b.file}:${b.line}: ${b.note}`),
    );
    expect(bad).toEqual([]);
  });

  it('the reader finds the blocks it should (a check on the reader itself)', () => {
    const blocks = fencedBlocks(
      'x.md',
      'a\n<!-- docs-test: exit 2 -->\n```sh\nexam-preflight profile validate x.json \\\n  --lang es\n# note\n```\n\n  ```console\n  $ npx exam-preflight profiles\n  mitx-sds-ml\n  ```\n',
    );
    expect(blocks.map((b) => [b.line, b.lang, b.note])).toEqual([
      [3, 'sh', 'exit 2'],
      [9, 'console', null],
    ]);
    expect(commandsOf(blocks[0]!)).toEqual(['exam-preflight profile validate x.json   --lang es']);
    expect(commandsOf(blocks[1]!)).toEqual(['npx exam-preflight profiles']);
    expect(toolCommand('npm run check -- --profile x', '/r/bin.cjs')).toBe('node "/r/bin.cjs" check --profile x');
    expect(toolCommand('npx exam-preflight summarize examples/reports/', '/r/bin.cjs')).toBe('node "/r/bin.cjs" summarize examples/reports/');
    expect(toolCommand('npm ci', '/r/bin.cjs')).toBeNull();
    expect(expectedExit(null, 'node "/r/bin.cjs" --lang es check --profile x')).toEqual([0, 1]);
    expect(expectedExit(null, 'node "/r/bin.cjs" profile validate check.json')).toEqual([0]);
    expect(expectedExit('exit 2', 'node "/r/bin.cjs" check')).toEqual([2]);
  });
});

describe('docs that run', () => {
  beforeAll(() => {
    // build-node.mjs builds from its working folder: the sources linked in, the output its own
    for (const f of ['electron', 'shared', 'node_modules', 'package.json']) symlinkSync(path.join(ROOT, f), path.join(TOOL_DIR, f));
    mkdirSync(path.join(TOOL_DIR, 'bin'));
    cpSync(path.join(ROOT, 'bin', 'exam-preflight.cjs'), BIN);
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-node.mjs')], { cwd: TOOL_DIR, stdio: 'pipe' });
  }, 180_000);

  it('the command was built from the sources', () => {
    expect(existsSync(path.join(TOOL_DIR, 'dist', 'cli', 'cli.mjs'))).toBe(true);
    expect(spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).stdout.trim()).toBe(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
  });

  for (const doc of DOCS) {
    const shell = blocksOf(doc).filter((b) => SHELL_LANGS.has(b.lang));
    const sql = blocksOf(doc).filter((b) => b.lang === 'sql');
    if (!shell.length && !sql.length) continue;

    it(`${doc}: every command block runs with the exit code it promises`, { timeout: 600_000 }, async () => {
      const { dir, env } = workspace();
      const problems: string[] = [];
      let ran = 0;
      for (const block of shell) {
        const where = `${block.file}:${block.line}`;
        if (block.note?.startsWith('skip')) continue;
        const commands = commandsOf(block);
        const tool = commands.map((c) => toolCommand(c, BIN));
        if (!tool.some(Boolean)) {
          problems.push(`${where}: runs none of the tool's commands; mark it <!-- docs-test: skip (reason) -->`);
          continue;
        }
        for (const [i, command] of commands.entries()) {
          const run = tool[i] ?? (/^mkdir -p [\w./~-]+(\s+#.*)?$/.test(command) ? command : null);
          if (!run) {
            problems.push(`${where}: "${command}" is neither the tool nor mkdir -p; split the block or mark it skip with a reason`);
            continue;
          }
          if (/\s--network(\s|=|$)/.test(command)) {
            problems.push(`${where}: "${command}" would contact the network; mark the block skip with a reason`);
            continue;
          }
          const r = spawnSync('bash', ['-c', `set -o pipefail; ${run}`], { cwd: dir, env, encoding: 'utf8', timeout: 180_000 });
          ran++;
          const expected = tool[i] ? expectedExit(block.note, run) : [0];
          if (r.status === null || !expected.includes(r.status))
            problems.push(`${where}: "${command}" exited ${r.status ?? r.signal} (the docs promise ${expected.join(' or ')})\n${r.stderr.slice(0, 2000)}`);
        }
      }
      for (const block of sql) ran += await runSql(block, dir, problems);
      expect(problems).toEqual([]);
      expect(ran).toBeGreaterThan(0);
    });
  }
});

/**
 * The statements of a ```sql block, run with @duckdb/node-api as docs/admins.md shows, relative
 * file names read from the document's folder; each query must find rows in the example cohort.
 */
async function runSql(block: Block, dir: string, problems: string[]): Promise<number> {
  const where = `${block.file}:${block.line}`;
  if (block.note?.startsWith('skip')) return 0;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let ran = 0;
  try {
    await connection.run(`SET file_search_path = '${dir.replace(/'/g, "''")}'`);
    const statements = block.body
      .filter((l) => !l.trim().startsWith('--'))
      .join('\n')
      .split(/;\s*(?:\n|$)/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!statements.length) problems.push(`${where}: no SQL statement`);
    for (const statement of statements) {
      ran++;
      try {
        const rows = (await connection.runAndReadAll(statement)).getRowObjectsJson();
        if (!rows.length) problems.push(`${where}: found no rows in the example cohort:\n${statement}`);
      } catch (err) {
        problems.push(`${where}: ${(err as Error).message}\n${statement}`);
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return ran;
}
