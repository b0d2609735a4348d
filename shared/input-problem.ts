// One problem with a file a user gave us, and the one form every command prints it in. Kept apart
// from parse-errors.ts (which brings zod's words in every language) so that printing problems
// loads nothing else: the headless command's --help stays light.
export interface InputProblem {
  file: string;
  /** JSON path inside the file, e.g. "requirements.os.minimumVersions[0].min"; "" for the whole file */
  path: string;
  message: string;
}

/** "file:path: message" (or "file: message" for the whole file): the one form every command prints, the form editors and CI logs link from */
export function formatProblem(p: InputProblem): string {
  return p.path ? `${p.file}:${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}
