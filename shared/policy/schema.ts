// The IT admin's policy file (policy.json): what an organisation may decide for every learner on a
// machine. Strict on purpose — a misspelt key is an error, not a silently ignored lock. Published as
// schemas/policy.schema.json (shared/schemas.ts); docs/admins.md documents locations and precedence.
import { z } from 'zod';
import { PROFILE_ID_PATTERN } from '../profile/schema';
import { NetworkPolicySchema, type NetworkPolicy } from '../network/config';

const ProfileId = z.string().regex(PROFILE_ID_PATTERN, 'an exam profile id: lower-case letters, digits and dashes, 2–64 characters');

export const SupportContactSchema = z
  .object({
    /** who to contact, e.g. "Campus IT help desk" */
    name: z.string().min(1).max(200).optional().describe('Who to contact, e.g. "Campus IT help desk".'),
    email: z.email('an e-mail address, e.g. helpdesk@example.edu').max(254).optional().describe('Support e-mail address.'),
    /** a web page (https:// only: it is opened from the app and printed in reports) */
    url: z
      .url({ protocol: /^https$/, error: 'an https:// web address' })
      .max(2000)
      .optional()
      .describe('Support web page (https:// only).'),
  })
  .strict()
  .refine((c) => c.name !== undefined || c.email !== undefined || c.url !== undefined, 'give at least one of name, email or url');

export const PolicySchema = z
  .object({
    /** lets editors validate the file; ignored by the app */
    $schema: z.string().optional(),
    /** exam profile preselected on first start; the learner may still change it */
    defaultProfile: ProfileId.optional().describe('Exam profile preselected on first start; the learner may change it.'),
    /** exam profile the learner cannot change (the chooser becomes read-only) */
    lockedProfile: ProfileId.optional().describe('Exam profile the learner cannot change.'),
    /** folder with extra exam profiles and question banks (*.json); relative paths are relative to the policy file */
    extraProfilesDir: z.string().min(1).max(4096).optional().describe('Folder of extra exam profiles and question banks (*.json); relative to this file.'),
    /** true hides the mock exam (e.g. where rehearsing is not wanted) */
    hideMockExam: z.boolean().optional().describe('true hides the mock exam.'),
    /** false turns off every check that contacts the network (endpoint reachability, speed) */
    networkChecks: z.boolean().optional().describe('false turns off every check that contacts the network.'),
    /** shown in the app and printed in reports instead of the profile's own contact */
    supportContact: SupportContactSchema.optional().describe('Shown in the app and printed in reports.'),
    /** the network measurement: headless use, endpoints, private targets (shared/network/config.ts) */
    networkTest: NetworkPolicySchema.optional().describe('The network measurement: headless use, throughput endpoint, STUN server, private targets.'),
    /** false: the app never looks for a newer version (the learner cannot turn it on) */
    updateChecks: z.boolean().optional().describe('false: the app never looks for updates. Otherwise the learner may opt in (off by default).'),
    /** where update checks look (an electron-updater "generic" feed: latest.yml and friends), https only */
    updateFeedUrl: z
      .url({ protocol: /^https$/, error: 'an https:// web address' })
      .max(2000)
      .optional()
      .describe('Update feed (https://), an electron-updater generic feed.'),
    /** true: report files on network shares (UNC paths) may be opened; off because on Windows the mere lookup can send the learner's credentials to the host */
    reportFilesFromNetworkShares: z
      .boolean()
      .optional()
      .describe('true: report files on network shares (UNC paths) may be opened by double-click. Off by default.'),
  })
  .strict();

export type PolicyFile = z.infer<typeof PolicySchema>;
export type SupportContact = z.infer<typeof SupportContactSchema>;

/** The policy in force, every field resolved. */
export interface EffectivePolicy {
  defaultProfile: string | null;
  lockedProfile: string | null;
  /** absolute folder (resolved against the policy file) */
  extraProfilesDir: string | null;
  hideMockExam: boolean;
  networkChecks: boolean;
  supportContact: SupportContact | null;
  /** absent in states written before the network measurement existed */
  networkTest?: NetworkPolicy | null;
  /** false: update checks are forbidden */
  updateChecks: boolean;
  updateFeedUrl: string | null;
  /** report files on UNC paths may be opened (absent in states written before it existed: no) */
  reportFilesFromNetworkShares?: boolean;
}

/** No policy, or an invalid one: the app as shipped (nothing locked, nothing hidden, checks on). */
export const SAFE_DEFAULTS: EffectivePolicy = Object.freeze({
  defaultProfile: null,
  lockedProfile: null,
  extraProfilesDir: null,
  hideMockExam: false,
  networkChecks: true,
  supportContact: null,
  networkTest: null,
  updateChecks: true,
  updateFeedUrl: null,
  reportFilesFromNetworkShares: false,
});

/** What the app knows about the policy: shown on the About screen and in the headless output. */
export interface PolicyState {
  policy: EffectivePolicy;
  /** the policy file found (in force, or rejected: see `rejected`); null when there is none */
  source: string | null;
  /** where the app looked, in precedence order */
  searched: string[];
  /** one line per problem: "file:path: problem"; non-empty with policy = SAFE_DEFAULTS when rejected */
  problems: string[];
  /** true when a policy file was found but rejected (the app runs with SAFE_DEFAULTS) */
  rejected: boolean;
}
