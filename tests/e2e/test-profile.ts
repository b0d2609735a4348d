// An exam profile written inline by a spec (version 1.0.0, file named after its id), read by the
// app's own profile reader so a mistake in it fails the spec at once.
import { parseProfileText } from '../../shared/profile/load';

export const testProfile = ({ id, ...rest }: { id: string; title: unknown; program: string; requirements: unknown; mockExam?: unknown; sources?: unknown }) =>
  parseProfileText(JSON.stringify({ id, version: '1.0.0', ...rest }), `${id}.json`);
