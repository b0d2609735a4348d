// `npm run man`: writes man/exam-preflight.1 from the command's own definitions (the hidden
// `exam-preflight man`, electron/cli/man-page.ts), in English. tests/unit/cli/completion.test.ts
// fails when the file is no longer what the command prints (a command or option was added).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../electron/cli/run';

export const MAN_FILE = 'man/exam-preflight.1';

/** what `exam-preflight man --lang en` prints, with no admin policy (its extra exams are the admin's, not the page's) */
export async function manPageText(): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['man', '--lang', 'en'], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: path.resolve(__dirname, '..'),
  });
  if (code !== 0) throw new Error(`exam-preflight man exited ${code}: ${stderr}`);
  return stdout;
}

if (require.main === module) {
  manPageText().then(
    (text) => {
      const file = path.resolve(__dirname, '..', MAN_FILE);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(MAN_FILE);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
