// `profile explain`: every rule of a profile, required or advisory, with the sentence of the
// exam's FAQ it rests on — so an author (or support) can see at a glance what the exam really
// states and what is only advice.
import type { Profile } from './schema';
import type { SourceRef } from '../check';

export interface ExplainedRule {
  /** where the rule sits in the profile, e.g. "requirements.os.blockedVersions[0]" */
  path: string;
  /** a rule's label, package or item id when it has one (Windows XP, torch, room-phone) */
  label: string | null;
  required: boolean;
  source: SourceRef | null;
  note: string | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function collect(v: unknown, path: string, out: ExplainedRule[]): void {
  if (Array.isArray(v)) return v.forEach((x, i) => collect(x, `${path}[${i}]`, out));
  if (!isObj(v)) return;
  if (typeof v.required === 'boolean') {
    const label = [v.label, v.name, v.id].find((x) => typeof x === 'string') as string | undefined;
    const source = isObj(v.source) && typeof v.source.source === 'string' ? (v.source as SourceRef) : null;
    out.push({ path, label: label ?? null, required: v.required, source, note: typeof v.note === 'string' ? v.note : null });
  }
  for (const [k, x] of Object.entries(v)) if (k !== 'source' && (isObj(x) || Array.isArray(x))) collect(x, `${path}.${k}`, out);
}

export function explainProfile(p: Profile): { rules: ExplainedRule[]; checklists: ExplainedRule[] } {
  const rules: ExplainedRule[] = [];
  const checklists: ExplainedRule[] = [];
  collect(p.requirements, 'requirements', rules);
  collect(p.checklists, 'checklists', checklists);
  return { rules, checklists };
}
