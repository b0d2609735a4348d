// `exam-preflight completion <shell>`: a completion script for bash, zsh, fish or PowerShell,
// written from the program's own description (completion-spec.ts). Every script works the same
// way: find the command path among the words typed so far (skipping options and the values they
// take), then offer that command's subcommands, options, an option's values (its choices, exam ids,
// file names) or its arguments' values. The exam ids are those known when the script was made.
import { allCommands, type CommandSpec, type OptionSpec, type ValueSpec } from './completion-spec';

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell, spec: CommandSpec): string {
  return { bash, zsh, fish, powershell }[shell](spec);
}

/** "_exam_preflight": a shell function name from the program name */
const ident = (name: string) => `_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
const valued = (c: CommandSpec) => c.options.filter((o) => o.value).flatMap((o) => o.flags);
/** the values of a command's next argument, or of its (first) variadic one */
const argValue = (c: CommandSpec): ValueSpec | null => {
  const vs = c.args.map((a) => a.value);
  if (!vs.length) return null;
  return { words: [...new Set(vs.flatMap((v) => v.words))], files: vs.some((v) => v.files) };
};
/** what is offered where no option is being typed: subcommands, else the arguments' values */
const positional = (c: CommandSpec): ValueSpec | null => (c.commands.length ? { words: c.commands.map((s) => s.name), files: false } : argValue(c));

// ── bash (3.2 and later: no associative arrays, so macOS's bash runs it too) ──────────────────

/** "f:words" (file names and words) or "w:words" (words only); "" nothing */
const bashSpec = (v: ValueSpec | null) => (v ? `${v.files ? 'f' : 'w'}:${v.words.join(' ')}` : '');
const bashCase = (arms: [string, string][]) =>
  [`  case "$1" in`, ...arms.filter(([, v]) => v !== '').map(([k, v]) => `    '${k}') echo '${v}' ;;`), `  esac`].join('\n');

function bash(spec: CommandSpec): string {
  const f = ident(spec.name);
  const cmds = allCommands(spec);
  const key = (c: CommandSpec) => c.path.join(' ');
  return `# bash completion for ${spec.name} (made by \`${spec.name} completion bash\`)
# Install: ${spec.name} completion bash > ~/.local/share/bash-completion/completions/${spec.name}

${f}_subs() {
${bashCase(cmds.map((c) => [key(c), c.commands.map((s) => s.name).join(' ')]))}
}
${f}_opts() {
${bashCase(cmds.map((c) => [key(c), c.options.flatMap((o) => o.flags).join(' ')]))}
}
${f}_valued() {
${bashCase(cmds.map((c) => [key(c), valued(c).join(' ')]))}
}
${f}_value() {
${bashCase(cmds.flatMap((c) => c.options.flatMap((o) => o.flags.map((fl): [string, string] => [`${key(c)}|${fl}`, bashSpec(o.value)]))))}
}
${f}_positional() {
${bashCase(cmds.map((c) => [key(c), bashSpec(positional(c))]))}
}
${f}_reply() {
  [[ -z $1 ]] && return
  local kind="\${1%%:*}" words="\${1#*:}" IFS=$'\\n'
  # the words split on spaces, file names (which may hold spaces) on new lines
  COMPREPLY=($(IFS=$' \\t\\n'; compgen -W "$words" -- "$2"))
  [[ $kind == f ]] && COMPREPLY+=($(compgen -f -- "$2"))
}
${f}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" skip="" i w
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    # bash splits "--format=json" into "--format", "=", "json"
    [[ $w == = ]] && continue
    if [[ -n $skip ]]; then skip=""; continue; fi
    if [[ $w == -* ]]; then
      [[ $w != *=* && " $(${f}_valued "$path") " == *" $w "* ]] && skip=1
    elif [[ " $(${f}_subs "$path") " == *" $w "* ]]; then
      path="\${path:+$path }$w"
    fi
  done
  [[ $prev == = ]] && prev="\${COMP_WORDS[COMP_CWORD-2]}"
  [[ $cur == = ]] && cur=""
  if [[ -n $skip ]]; then
    ${f}_reply "$(${f}_value "$path|$prev")" "$cur"
  elif [[ $cur == --*=* ]]; then
    ${f}_reply "$(${f}_value "$path|\${cur%%=*}")" "\${cur#*=}"
  elif [[ $cur == -* ]]; then
    ${f}_reply "w:$(${f}_opts "$path")" "$cur"
  else
    ${f}_reply "$(${f}_positional "$path")" "$cur"
  fi
}
complete -o filenames -F ${f} ${spec.name}
`;
}

// ── zsh ────────────────────────────────────────────────────────────────────────────────────────

/** text inside a single-quoted _arguments spec: quotes closed and reopened, brackets and colons escaped */
const zq = (s: string) => s.replace(/([[\]:\\])/g, '\\$1').replace(/'/g, `'\\''`);

function zshAction(v: ValueSpec | null, idsFn: string): string {
  if (!v) return '';
  if (v.files && v.words.length) return idsFn;
  if (v.files) return '_files';
  return `(${v.words.join(' ')})`;
}

function zshOption(o: OptionSpec, idsFn: string): string {
  const desc = `[${zq(o.description)}]`;
  const value = o.value ? `:${zq(valueNameOf(o))}:${zshAction(o.value, idsFn)}` : '';
  const eq = o.value ? '=' : '';
  if (o.flags.length === 1) return `'${o.flags[0]}${eq}${desc}${value}'`;
  // -h and --help: either one, not both
  return `'(${o.flags.join(' ')})'{${o.flags.map((fl) => `${fl}${eq}`).join(',')}}'${desc}${value}'`;
}
const valueNameOf = (o: OptionSpec) => /<([^>]+)>/.exec(o.term)?.[1] ?? 'value';

function zsh(spec: CommandSpec): string {
  const f = ident(spec.name);
  const ids = `${f}_exam_or_file`;
  const examIds = [...new Set(allCommands(spec).flatMap((c) => [...c.options.map((o) => o.value), ...c.args.map((a) => a.value)]))]
    .flatMap((v) => (v && v.files ? v.words : []))
    .filter((w, i, all) => all.indexOf(w) === i);
  const fn = (c: CommandSpec) => (c.path.length ? `${f}__${c.path.join('__').replace(/[^A-Za-z0-9_]/g, '_')}` : f);
  const body = (c: CommandSpec) => {
    const opts = c.options.map((o) => `    ${zshOption(o, ids)}`);
    if (c.commands.length) {
      const list = c.commands.map((s) => `      '${zq(s.name)}:${zq(s.description)}'`);
      return `${fn(c)}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  _arguments -C \\
${opts.map((o) => `${o} \\`).join('\n')}
    '1: :->command' \\
    '*:: :->args'
  case $state in
    command)
      local -a commands
      commands=(
${list.join('\n')}
      )
      _describe -t commands 'command' commands ;;
    args)
      case $line[1] in
${c.commands.map((s) => `        ${s.name}) ${fn(s)} ;;`).join('\n')}
      esac ;;
  esac
}`;
    }
    const args = c.args.map((a, i) => {
      const action = zshAction(a.value, ids) || ' ';
      return `    '${a.variadic ? '*' : String(i + 1)}${a.required ? '' : ':'}:${zq(a.name)}:${action}'`;
    });
    return `${fn(c)}() {
  _arguments \\
${[...opts, ...args].join(' \\\n')}
}`;
  };
  return `#compdef ${spec.name}
# zsh completion for ${spec.name} (made by \`${spec.name} completion zsh\`)
# Install: ${spec.name} completion zsh > "\${fpath[1]}/_${spec.name}", then start a new shell

${ids}() {
  _alternative 'exams:exam profile:(${examIds.join(' ')})' 'files:profile file:_files'
}

${allCommands(spec).map(body).join('\n\n')}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  ${f} "$@"
else
  compdef ${f} ${spec.name}
fi
`;
}

// ── fish ───────────────────────────────────────────────────────────────────────────────────────

const fq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(spec: CommandSpec): string {
  const name = spec.name;
  const lines: string[] = [];
  // the condition that `c` is the command being typed: its path seen, none of its subcommands yet
  const cond = (c: CommandSpec) => {
    const parts = c.path.map((p) => `__fish_seen_subcommand_from ${p}`);
    if (c.commands.length) parts.push(`not __fish_seen_subcommand_from ${c.commands.map((s) => s.name).join(' ')}`);
    return parts.length ? parts.join('; and ') : '__fish_use_subcommand';
  };
  const values = (v: ValueSpec) => `${v.files ? '-r -F' : '-x'}${v.words.length ? ` -a ${fq(v.words.join(' '))}` : ''}`;
  for (const c of allCommands(spec)) {
    const n = `-n ${fq(cond(c))}`;
    for (const s of c.commands) lines.push(`complete -c ${name} ${n} -a ${fq(s.name)} -d ${fq(s.description)}`);
    for (const o of c.options) {
      const flags = o.flags.map((fl) => (fl.startsWith('--') ? `-l ${fl.slice(2)}` : `-s ${fl.slice(1)}`)).join(' ');
      lines.push(`complete -c ${name} ${n} ${flags}${o.value ? ` ${values(o.value)}` : ''} -d ${fq(o.description)}`);
    }
    const a = c.commands.length ? null : argValue(c);
    if (a) lines.push(`complete -c ${name} ${n}${a.files ? ' -F' : ''}${a.words.length ? ` -a ${fq(a.words.join(' '))}` : ''}`);
  }
  return `# fish completion for ${name} (made by \`${name} completion fish\`)
# Install: ${name} completion fish > ~/.config/fish/completions/${name}.fish

complete -c ${name} -f
${lines.join('\n')}
`;
}

// ── PowerShell ────────────────────────────────────────────────────────────────────────────────

const pq = (s: string) => `'${s.replace(/'/g, "''")}'`;
const psList = (xs: readonly string[]) => `@(${xs.map(pq).join(', ')})`;
const psValue = (v: ValueSpec | null) => (v ? `@{ words = ${psList(v.words)}; files = $${String(v.files)} }` : '$null');

function powershell(spec: CommandSpec): string {
  const entries = allCommands(spec).map((c) => {
    const values = c.options.flatMap((o) => (o.value ? o.flags.map((fl) => `${pq(fl)} = ${psValue(o.value)}`) : []));
    return `    ${pq(c.path.join(' '))} = @{
      subs = ${psList(c.commands.map((s) => s.name))}
      opts = ${psList(c.options.flatMap((o) => o.flags))}
      values = @{ ${values.join('; ')} }
      positional = ${psValue(positional(c))}
    }`;
  });
  return `# PowerShell completion for ${spec.name} (made by \`${spec.name} completion powershell\`)
# Install: ${spec.name} completion powershell >> $PROFILE   (or dot-source a saved copy from it)

Register-ArgumentCompleter -Native -CommandName ${pq(spec.name)}, ${pq(`${spec.name}.cmd`)}, ${pq(`${spec.name}.ps1`)} -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $spec = @{
${entries.join('\n')}
  }
  $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })
  $path = ''
  $pending = $null
  for ($i = 1; $i -lt $words.Count; $i++) {
    $w = $words[$i]
    if ($pending) { $pending = $null; continue }
    if ($w.StartsWith('-')) {
      if (-not $w.Contains('=') -and $spec[$path].values.ContainsKey($w)) { $pending = $w }
    } elseif ($spec[$path].subs -contains $w) {
      $path = if ($path) { "$path $w" } else { $w }
    }
  }
  $value = $null
  $candidates = @()
  if ($pending) { $value = $spec[$path].values[$pending] }
  elseif ($wordToComplete.StartsWith('-')) { $candidates = $spec[$path].opts }
  else { $value = $spec[$path].positional }
  if ($value) { $candidates = $value.words }
  $results = @($candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  })
  if ($value -and $value.files) {
    $results += @([System.Management.Automation.CompletionCompleters]::CompleteFilename($wordToComplete))
  }
  $results
}
`;
}
