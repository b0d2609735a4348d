// Why a rule binds the learner: the tier of a rule follows what the exam's sources bind the learner
// to. `faq`: the exam's own FAQ states it. `delegated`: a text the FAQ delegates to states it (the
// edX learner guide, the proctoring software's requirements) — required as much as the FAQ itself.
// `advisory`: nothing binding says it (or the texts disagree): a warning, never "not allowed".
import type { SourceRef } from '../check';
import type { ProfileSource } from './schema';

export type RuleTier = 'faq' | 'delegated' | 'advisory';
export const RULE_TIERS: readonly RuleTier[] = ['faq', 'delegated', 'advisory'];

interface TieredRule {
  required: boolean;
  source?: SourceRef | null;
}

const sourceOf = (rule: TieredRule, sources: readonly ProfileSource[]) => (rule.source ? sources.find((s) => s.id === rule.source!.source) : undefined);

/** The tier of a rule among the profile's sources (a source without a kind is the exam's FAQ, as before tiers). */
export function ruleTier(rule: TieredRule, sources: readonly ProfileSource[]): RuleTier {
  if (!rule.required) return 'advisory';
  return sourceOf(rule, sources)?.kind === 'delegated' ? 'delegated' : 'faq';
}

/** Who asks for an advisory rule, when its source names a publisher (ProctorU): said to the learner. */
export function whoAsks(rule: TieredRule, sources: readonly ProfileSource[]): string | null {
  const s = sourceOf(rule, sources);
  return s && s.kind !== 'faq' && s.kind !== undefined ? (s.publisher ?? null) : null;
}

/**
 * A profile's sources that cannot do what they are used for: a `reference` text cannot make a rule
 * required (only the FAQ, or a text it delegates to, binds the learner), and a `delegated` text
 * must say which FAQ sentence delegates to it. Returned as [path, problem] for the loader's errors.
 */
export function tierProblems(requirements: unknown, sources: readonly ProfileSource[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const s of sources) {
    if (s.kind === 'delegated' && !s.delegatedBy?.quote)
      out.push([`sources.${s.id}`, 'a delegated source names the FAQ sentence that delegates to it (delegatedBy.quote)']);
    if (s.delegatedBy && !sources.some((f) => f.id === s.delegatedBy!.source && (f.kind ?? 'faq') === 'faq'))
      out.push([`sources.${s.id}`, `delegatedBy cites "${s.delegatedBy.source}", which is not a FAQ source of this profile`]);
  }
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    const o = v as { required?: unknown; source?: SourceRef };
    if (o.required === true && o.source && sourceOf({ required: true, source: o.source }, sources)?.kind === 'reference')
      out.push([path, `"${o.source.source}" is reference material: it cannot make a rule required (only the FAQ or a text it delegates to can)`]);
    for (const [k, x] of Object.entries(v)) if (k !== 'source') walk(x, `${path}.${k}`);
  };
  walk(requirements, 'requirements');
  return out;
}
