// The message a profile text is rejected with (fails the test when it is accepted).
import { expect } from 'vitest';
import { parseProfileText } from '../../../shared/profile/load';
import { InvalidInputError } from '../../../shared/parse-errors';

export function rejectionOf(text: string, file = 'lab.json'): string {
  try {
    parseProfileText(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidInputError);
    return (err as Error).message;
  }
  throw new Error('expected the profile to be rejected');
}
