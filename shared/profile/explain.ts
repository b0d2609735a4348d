// `profile explain`: every rule of a profile, its tier (stated by the FAQ, by a text the FAQ
// delegates to, or advisory), with the sentence it rests on — so an author (or support) can see at a glance what the exam really
// states and what is only advice.
import type { Profile, ProfileSource } from './schema';
import type { SourceRef } from '../check';
import { ruleTier, type RuleTier } from './tier';

export interface ExplainedRule {
  /** where the rule sits in the profile, e.g. "requirements.os.blockedVersions[0]" */
  path: string;
  /** a rule's label, package or item id when it has one (Windows XP, torch, room-phone) */
  label: string | null;
  required: boolean;
  /** why it binds: the FAQ states it, a text the FAQ delegates to states it, or advisory (./tier.ts) */
  tier: RuleTier;
  /** for the delegated tier: the FAQ sentence that delegates to the rule's source */
  delegatedBy: SourceRef | null;
  source: SourceRef | null;
  note: string | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function collect(v: unknown, path: string, out: ExplainedRule[], sources: readonly ProfileSource[]): void {
  if (Array.isArray(v)) return v.forEach((x, i) => collect(x, `${path}[${i}]`, out, sources));
  if (!isObj(v)) return;
  if (typeof v.required === 'boolean') {
    const label = [v.label, v.name, v.id].find((x) => typeof x === 'string') as string | undefined;
    const source = isObj(v.source) && typeof v.source.source === 'string' ? (v.source as SourceRef) : null;
    const tier = ruleTier({ required: v.required, source }, sources);
    const delegatedBy = tier === 'delegated' ? (sources.find((s) => s.id === source?.source)?.delegatedBy ?? null) : null;
    out.push({ path, label: label ?? null, required: v.required, tier, delegatedBy, source, note: typeof v.note === 'string' ? v.note : null });
  }
  for (const [k, x] of Object.entries(v)) if (k !== 'source' && (isObj(x) || Array.isArray(x))) collect(x, `${path}.${k}`, out, sources);
}

export function explainProfile(p: Profile): { rules: ExplainedRule[]; checklists: ExplainedRule[] } {
  const rules: ExplainedRule[] = [];
  const checklists: ExplainedRule[] = [];
  collect(p.requirements, 'requirements', rules, p.sources);
  collect(p.checklists, 'checklists', checklists, p.sources);
  return { rules, checklists };
}
