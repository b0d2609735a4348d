// `exam-preflight completion <shell>` and the man page: both are written from the commander program,
// and this test reads the other side, the `--help` text a user sees, so a command or option that
// the help shows and a script or the page lacks fails here. The scripts are also parsed by their
// shells (bash always; zsh and fish where installed) and bash's and fish's are driven as a user's
// Tab would drive them.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInProcess } from './in-process';
import { manPageText, MAN_FILE } from '../../../scripts/make-man';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-completion-'));
const run = (argv: string[]) => runInProcess(argv, { cwd: tmp });
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

/** the commands and options of `--help`, read from its text (not from the program): path → flags */
async function fromHelp(pathWords: string[] = []): Promise<Map<string, string[]>> {
  const r = await run([...pathWords, '--help']);
  expect(r.code).toBe(0);
  const section = (title: string) => {
    const m = new RegExp(`^${title}:\\n((?:  .*\\n?)+)`, 'm').exec(r.stdout);
    return m ? m[1]!.split('\n').filter((l) => /^ {2}\S/.test(l)) : [];
  };
  const flags = section('Options').flatMap((l) =>
    [
      ...l
        .trim()
        .split(/\s{2,}/)[0]!
        .matchAll(/(?<![\w-])(--?[\w-]+)/g),
    ].map((m) => m[1]!),
  );
  const all = new Map([[pathWords.join(' '), flags]]);
  for (const l of section('Commands')) {
    const name = l.trim().split(/\s/)[0]!;
    if (name === 'help') continue; // commander's own `help [command]`: no options of its own to list
    for (const [k, v] of await fromHelp([...pathWords, name])) all.set(k, v);
  }
  return all;
}

describe('completion scripts and the man page cover everything --help shows', async () => {
  const help = await fromHelp();
  const commands = [...help.keys()].filter(Boolean);

  it('the help lists what we expect to walk (a sanity check on the reader above)', () => {
    expect(commands).toEqual(expect.arrayContaining(['check', 'evaluate', 'summarize', 'profile validate', 'completion', 'policy validate']));
    expect(help.get('check')).toEqual(expect.arrayContaining(['--profile', '--format', '--out', '--no-color', '-h', '--help']));
    expect(commands).not.toContain('man'); // hidden: the page's own generator
  });

  for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
    it(`${shell}: every command and every option`, async () => {
      const r = await run(['completion', shell]);
      expect(r.code).toBe(0);
      for (const cmd of commands) for (const word of cmd.split(' ')) expect(r.stdout, `${shell} lacks command ${cmd}`).toMatch(new RegExp(`\\b${word}\\b`));
      for (const [cmd, flags] of help)
        for (const flag of flags) {
          // fish names options without their dashes: `-l format`, `-s h`
          const needle = shell === 'fish' ? (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`) : flag;
          expect(r.stdout, `${shell} lacks ${cmd || 'the program'}'s ${flag}`).toContain(needle);
        }
    });
  }

  it('man page: every command with its usage and every option', async () => {
    const r = await run(['man']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\.\\" .*\n\.TH EXAM\\-PREFLIGHT 1 /);
    const roff = (s: string) => s.replace(/-/g, '\\-');
    for (const cmd of commands) expect(r.stdout, `man page lacks ${cmd}`).toContain(`.SS "exam\\-preflight ${roff(cmd)}`);
    for (const [cmd, flags] of help) for (const flag of flags) expect(r.stdout, `man page lacks ${cmd}'s ${flag}`).toContain(`\\fB${roff(flag)}\\fR`);
    for (const code of ['0', '1', '2', '3']) expect(r.stdout).toContain(`.TP\n\\fB${code}\\fR\n`);
  });
});

describe('the man page file', () => {
  it(`${MAN_FILE} is what \`exam-preflight man\` prints today (run "npm run man" if not)`, async () => {
    expect(readFileSync(path.join(ROOT, MAN_FILE), 'utf8')).toBe(await manPageText());
  });

  it('no line of it starts a roff request by accident, whatever the help texts say', async () => {
    const page = await manPageText();
    const requests = new Set(page.split('\n').flatMap((l) => (/^[.']/.test(l) ? [l.split(/\s/)[0]] : [])));
    expect([...requests].sort()).toEqual(['.PP', '.SH', '.SS', '.TH', '.TP', '.\\"'].sort());
  });

  it('man renders it where man is installed', async () => {
    if (!has('man')) return console.info('man is not installed here: rendering not checked');
    const file = path.join(tmp, 'exam-preflight.1');
    writeFileSync(file, await manPageText());
    const r = spawnSync('man', ['-l', file], { encoding: 'utf8', env: { ...process.env, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '80' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('EXIT STATUS');
    expect(r.stdout).toContain('--format <format>');
  });
});

describe('the scripts parse and complete', () => {
  const script = async (shell: string) => {
    const r = await run(['completion', shell]);
    const file = path.join(tmp, `completion.${shell}`);
    writeFileSync(file, r.stdout);
    return { file, text: r.stdout };
  };
  // a folder to complete file names in
  const files = path.join(tmp, 'files');
  mkdirSync(files, { recursive: true });
  writeFileSync(path.join(files, 'report one.json'), '{}');

  it('bash: bash -n accepts it, and Tab offers the right words', async () => {
    const { file } = await script('bash');
    execFileSync('bash', ['-n', file]);
    const complete = (...words: string[]) => {
      const drive = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _exam_preflight; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return execFileSync('bash', ['-c', drive, 'drive', file, 'exam-preflight', ...words], { cwd: files, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
    };
    expect(complete('')).toEqual(['check', 'evaluate', 'profiles', 'profile', 'policy', 'schema', 'summarize', 'completion']);
    expect(complete('ch')).toEqual(['check']);
    expect(complete('check', '--f')).toEqual(['--format']);
    expect(complete('check', '--format', '')).toEqual(['text', 'json', 'junit', 'html']);
    expect(complete('check', '--format', '=', 'j')).toEqual(['json', 'junit']); // bash splits --format=j at "="
    expect(complete('check', '--lang', 'es', '--profile', 'mitx-sds')).toEqual(['mitx-sds-capstone', 'mitx-sds-ml']);
    expect(complete('evaluate', '--facts', 'rep')).toEqual(['report one.json']); // a file name with a space stays whole
    expect(complete('profile', '')).toEqual(['validate', 'resolve', 'explain']);
    expect(complete('profile', 'validate', '--lang', 'pt', 'r')).toEqual(['report one.json']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh', 'fish', 'powershell']);
  });

  it('zsh: zsh -n accepts it and Tab offers the right words (where zsh is installed), and each function is closed', async () => {
    const { file, text } = await script('zsh');
    expect(text.startsWith('#compdef exam-preflight\n')).toBe(true);
    expect(text.match(/^\S+\(\) \{$/gm)?.length).toBe(text.match(/^\}$/gm)?.length);
    if (!has('zsh')) return console.info('zsh is not installed here: only the structure was checked');
    execFileSync('zsh', ['-n', file]);
    // an interactive zsh in a pseudo-terminal, Tab pressed after the words (zsh-complete.zsh)
    const offered = path.join(tmp, 'zsh-offered.txt');
    const complete = (line: string) => {
      execFileSync('zsh', ['-f', path.join(__dirname, 'zsh-complete.zsh'), file, offered, line], { cwd: files, timeout: 60_000, stdio: 'ignore' });
      // _files offers names quoted for the line (report\\ one.json): compare the names themselves
      const words = readFileSync(offered, 'utf8')
        .split('\n')
        .map((w) => w.replace(/\\(.)/g, '$1'));
      return [...new Set(words)].filter((w) => w && w !== '<done>');
    };
    expect(complete('exam-preflight ')).toEqual(['check', 'evaluate', 'profiles', 'profile', 'policy', 'schema', 'summarize', 'completion']);
    expect(complete('exam-preflight check --format ')).toEqual(['text', 'json', 'junit', 'html']);
    expect(complete('exam-preflight check --lang es --profile mitx-s')).toEqual(['mitx-sds-capstone', 'mitx-sds-ml']);
    expect(complete('exam-preflight profile ')).toEqual(['validate', 'resolve', 'explain']);
    expect(complete('exam-preflight summarize rep')).toEqual(['report one.json']);
  });

  it('fish: fish parses it and Tab offers the right words (where fish is installed)', async () => {
    const { file, text } = await script('fish');
    for (const l of text.split('\n').filter((x) => x && !x.startsWith('#'))) expect(l).toMatch(/^complete -c exam-preflight /);
    if (!has('fish')) return console.info('fish is not installed here: only the structure was checked');
    execFileSync('fish', ['--no-execute', file]);
    const complete = (line: string) =>
      execFileSync('fish', ['-c', 'source $argv[1]; complete -C $argv[2] | cut -f1', file, line], { cwd: files, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(complete('exam-preflight check --format ')).toEqual(['html', 'json', 'junit', 'text']);
    expect(complete('exam-preflight profile ')).toEqual(['explain', 'resolve', 'validate']);
    expect(complete('exam-preflight summarize rep')).toEqual(['report one.json']);
  });

  it('PowerShell: braces and parentheses balance, every command path has its entry (pwsh is not on this machine)', async () => {
    const { text } = await script('powershell');
    const count = (c: string) => text.split(c).length - 1;
    expect(count('{')).toBe(count('}'));
    expect(count('(')).toBe(count(')'));
    expect(text).toContain("Register-ArgumentCompleter -Native -CommandName 'exam-preflight'");
    for (const cmd of ['', 'check', 'profile', 'profile validate', 'summarize']) expect(text).toContain(`'${cmd}' = @{`);
    // where no option is being typed: the program's commands, a command's subcommands, a file
    const positional = (cmd: string) => new RegExp(`'${cmd}' = @\\{\\s+subs = .*\\n\\s+opts = .*\\n\\s+values = .*\\n\\s+positional = (.*)`).exec(text)?.[1];
    expect(positional('')).toMatch(/^@\{ words = @\('check', 'evaluate'.*files = \$false \}$/);
    expect(positional('profile')).toMatch(/^@\{ words = @\('validate', 'resolve', 'explain'\); files = \$false \}$/);
    expect(positional('summarize')).toBe('@{ words = @(); files = $true }');
    expect(positional('check')).toBe('$null');
  });

  it('an unknown shell is a usage error', async () => {
    const r = await run(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('in another language the descriptions are translated, the words are not', async () => {
    const r = await run(['completion', 'fish', '--lang', 'es']);
    expect(r.stdout).toContain('-l format');
    expect(r.stdout).toContain('imprime un script de autocompletado');
  });
});
