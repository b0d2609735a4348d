import { describe, expect, it } from 'vitest';
import { headlessArgs } from '../../../electron/main/headless';

describe('headless mode detection', () => {
  it('runs the CLI for its commands, packaged or not', () => {
    expect(headlessArgs(['/opt/ExamPreflight', 'check', '--profile', 'mitx-pom-final'], true)).toEqual(['check', '--profile', 'mitx-pom-final']);
    expect(headlessArgs(['/opt/ExamPreflight', '--check', '--profile', 'x', '--format', 'json'], true)).toEqual([
      'check',
      '--profile',
      'x',
      '--format',
      'json',
    ]);
    expect(headlessArgs(['electron', '.', 'profiles'], false)).toEqual(['profiles']);
    expect(headlessArgs(['electron', '.', '--no-sandbox', 'evaluate', 'facts.json'], false)).toEqual(['evaluate', 'facts.json']);
  });
  it('opens the window otherwise', () => {
    expect(headlessArgs(['/opt/ExamPreflight'], true)).toBeNull();
    expect(headlessArgs(['electron', '.'], false)).toBeNull();
    // the app path itself is not a command even if it is named "check"
    expect(headlessArgs(['electron', 'check'], false)).toBeNull();
  });
});
