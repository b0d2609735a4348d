// The installed app doubles as the admin's headless command: `ExamPreflight --check …`,
// `ExamPreflight check …`, `evaluate`, `profiles`, `schema`. No window is created then.
const COMMANDS = new Set(['check', 'evaluate', 'profiles', 'schema']);
const FLAGS = new Set(['--check', '--evaluate', '--profiles', '--schema']);

/**
 * Returns the CLI's argv when the process was started headless, otherwise null.
 * `argv` is process.argv; Electron's own switches (--inspect, --no-sandbox, paths) are skipped.
 */
export function headlessArgs(argv: readonly string[], isPackaged: boolean): string[] | null {
  // packaged: [exe, ...args]; unpackaged: [electron, appPath, ...args]
  const args = argv.slice(isPackaged ? 1 : 2);
  const first = args.findIndex((a) => COMMANDS.has(a) || FLAGS.has(a));
  if (first < 0) return null;
  const rest = args.slice(first);
  const head = rest[0]!;
  // "--check" is the same as "check"
  return FLAGS.has(head) ? [head.slice(2), ...rest.slice(1)] : rest;
}
