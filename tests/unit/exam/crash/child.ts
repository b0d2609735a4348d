// Child process for the crash test: the real exam handlers over a data folder start an attempt,
// open a section, save answers (each save awaited = on disk), report them on stdout, then idle
// until the parent kills it with SIGKILL. Usage: node --import tsx child.ts <dataDir> <nowMs>
import { createExamHandlers } from '../../../../electron/handlers/exam';

const [dataDir, nowArg] = process.argv.slice(2);
let now = Number(nowArg);
const h = createExamHandlers({ dataDir: dataDir!, appVersion: 'crash-test', emit: () => {}, now: () => now });

async function main() {
  const attempt = await h.startAttempt('mitx-pom-final', { kind: 'extra-minutes', minutes: 30 });
  const section = attempt.sections[0]!;
  await h.openSection(attempt.id, section.id);
  const saved: Record<string, string | string[]> = {};
  for (const q of section.questions.slice(0, 4)) {
    now += 60_000; // a minute per answer
    const answer = q.type === 'multiple' ? [q.choices![0]!.id] : q.type === 'single' ? q.choices![1]!.id : q.type === 'numeric' ? '42' : 'my answer';
    await h.saveAnswer(attempt.id, section.id, q.id, answer);
    saved[q.id] = answer;
  }
  await h.flagQuestion(attempt.id, section.id, section.questions[0]!.id, true);
  const view = await h.getAttempt(attempt.id);
  process.stdout.write(
    JSON.stringify({ attemptId: attempt.id, sectionId: section.id, saved, deadline: view.sections[0]!.deadline, limitMs: view.sections[0]!.limitMs }) + '\n',
  );
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err));
  process.exit(1);
});
// stay alive, mid-section, until killed
setInterval(() => {}, 1_000);
