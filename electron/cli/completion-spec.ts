// What the completion scripts and the man page are made from: the commander program itself, walked
// once into a plain description (commands, their options with the values each takes, their
// arguments), so a command or option added to the CLI appears in both without anyone editing them.
import type { Argument, Command, Option } from 'commander';

/** what a value may be: listed words, file names, or both (an exam id or a profile file) */
export interface ValueSpec {
  /** words offered as they are (option choices, exam ids) */
  words: string[];
  /** file names are offered too */
  files: boolean;
}

export interface OptionSpec {
  /** '-h' and '--help', or only '--out' */
  flags: string[];
  /** as the help shows it: "--out <file>" */
  term: string;
  description: string;
  /** null: a switch that takes no value */
  value: ValueSpec | null;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  value: ValueSpec;
}

export interface CommandSpec {
  /** the words before this command's options: [] for the program, ['profile', 'validate'] */
  path: string[];
  name: string;
  description: string;
  /** the help's usage line, without the program name: "check [options]" */
  usage: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
  commands: CommandSpec[];
}

/** the only characters a completed word may have: a value from a definition is still data */
const SAFE_WORD = /^[A-Za-z0-9][\w.@+-]*$/;
/** one line of plain text: control characters and runs of spaces become one space */
export const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();

/**
 * What a value named `name` takes. Choices are offered as they are; a value named for a file or
 * paths offers file names; an exam "id" offers the exam ids and, since every such place also takes
 * a profile file, file names too.
 */
function valueOf(name: string, choices: readonly string[] | undefined, examIds: readonly string[]): ValueSpec {
  if (choices?.length) return { words: choices.filter((c) => SAFE_WORD.test(c)), files: false };
  const parts = name.toLowerCase().split(/[^a-z]+/);
  const ids = parts.includes('id');
  const files = ids || parts.some((p) => p === 'file' || p === 'files' || p === 'path' || p === 'paths');
  return { words: ids ? examIds.filter((c) => SAFE_WORD.test(c)) : [], files };
}

/** "<id|file>" in "--profile <id|file>" */
const valueName = (flags: string): string => /[<[]([^>\]]+)[>\]]/.exec(flags)?.[1]?.replace(/\.\.\.$/, '') ?? 'value';

function optionSpec(o: Option, examIds: readonly string[]): OptionSpec {
  const takesValue = o.required || o.optional;
  return {
    flags: [o.short, o.long].filter((f): f is string => Boolean(f)),
    term: oneLine(o.flags),
    description: oneLine(o.description),
    value: takesValue ? valueOf(valueName(o.flags), o.argChoices, examIds) : null,
  };
}

function argumentSpec(a: Argument, examIds: readonly string[]): ArgumentSpec {
  return {
    name: a.name(),
    description: oneLine(a.description),
    required: a.required,
    variadic: a.variadic,
    value: valueOf(a.name(), a.argChoices, examIds),
  };
}

/** The program as its help shows it (hidden commands and options left out), commands in help order. */
export function describeCommand(cmd: Command, examIds: readonly string[], path: string[] = []): CommandSpec {
  const help = cmd.createHelp();
  return {
    path,
    name: cmd.name(),
    description: oneLine(cmd.description()),
    usage: oneLine([...path, cmd.usage()].join(' ')),
    options: help.visibleOptions(cmd).map((o) => optionSpec(o, examIds)),
    // every argument, described or not (the help lists them only when one has a description)
    args: cmd.registeredArguments.map((a) => argumentSpec(a, examIds)),
    commands: help.visibleCommands(cmd).map((c) => describeCommand(c, examIds, [...path, c.name()])),
  };
}

/** every command below the program, depth first (the program itself first) */
export function allCommands(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.commands.flatMap(allCommands)];
}
