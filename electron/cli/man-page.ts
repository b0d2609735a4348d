// The man page (roff, man(7) macros), written from the same description of the program as the
// completion scripts (completion-spec.ts): every command with its usage, description, arguments
// and options. `npm run man` writes it to man/exam-preflight.1; a test keeps that file current.
// No date on it: the page changes only when the commands do.
import { allCommands, type CommandSpec } from './completion-spec';

/** text for roff: backslashes and dashes escaped, and no line may start with a control character */
const roff = (s: string) => s.replace(/\\/g, '\\e').replace(/-/g, '\\-');
const line = (s: string) => (/^[.']/.test(s) ? `\\&${s}` : s);
const bold = (s: string) => `\\fB${roff(s)}\\fR`;

export interface ManPageText {
  version: string;
  /** the EXIT STATUS section: [code, meaning] */
  exitCodes: readonly (readonly [string, string])[];
  seeAlso: string;
}

export function manPage(spec: CommandSpec, text: ManPageText): string {
  const name = spec.name;
  const out: string[] = [
    `.\\" Made by \`${name} man\` (electron/cli/man-page.ts) from the command's own definitions: do not edit.`,
    `.TH ${roff(name.toUpperCase())} 1 "" "${roff(`${name} ${text.version}`)}" "User Commands"`,
    '.SH NAME',
    line(`${roff(name)} \\- ${roff(spec.description)}`),
    '.SH SYNOPSIS',
  ];
  const leaves = allCommands(spec).filter((c) => c.path.length && !c.commands.length);
  for (const c of leaves) out.push('.PP', line(`${bold(name)} ${roff(c.usage)}`));
  out.push('.SH DESCRIPTION', line(roff(spec.description)));
  out.push('.SH OPTIONS');
  pushOptions(out, spec);
  out.push('.SH COMMANDS');
  for (const c of allCommands(spec).filter((x) => x.path.length)) {
    out.push(`.SS "${roff(`${name} ${c.usage}`).replace(/"/g, '\\(dq')}"`, line(roff(c.description)));
    for (const a of c.args) out.push('.TP', line(`\\fI${roff(a.name)}${a.variadic ? '...' : ''}\\fR`), line(roff(a.description || a.name)));
    pushOptions(out, c);
  }
  out.push('.SH EXIT STATUS');
  for (const [code, meaning] of text.exitCodes) out.push('.TP', bold(code), line(roff(meaning)));
  out.push('.SH SEE ALSO', line(roff(text.seeAlso)));
  return out.join('\n') + '\n';
}

function pushOptions(out: string[], c: CommandSpec): void {
  for (const o of c.options) {
    // "--out <file>": the value's name in italics after the flags
    const value = o.value ? /[<[][^<>[\]]*[>\]]/.exec(o.term)?.[0] : undefined;
    const flags = o.flags.map(bold).join(', ');
    // a value from a fixed list names the list (--format's formats, --lang's languages)
    const choices = o.value && !o.value.files && o.value.words.length ? ` (${o.value.words.join(', ')})` : '';
    out.push('.TP', line(value ? `${flags} \\fI${roff(value)}\\fR` : flags), line(roff(o.description + choices)));
  }
}
