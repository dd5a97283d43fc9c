import { z } from "zod";
import { ROOT_SET, type Audience } from "./audience.js";

const Ids = z.array(z.string().trim().min(1).max(200)).max(1000).default([]);

/**
 * Who may use a set, per door. The scope lists (workspaces, tenants) narrow:
 * when given, the asker must be in one of them. The other lists grant: a
 * channel or team in shared chats, a user or group where the answer is seen
 * by the asker alone. A door rule with only a scope list grants everyone in
 * that scope; a rule that lists nothing grants nobody.
 */
const WebRule = z.strictObject({ users: Ids, groups: Ids });
const SlackRule = z.strictObject({ workspaces: Ids, channels: Ids, usergroups: Ids, users: Ids });
const TeamsRule = z.strictObject({ tenants: Ids, teams: Ids, channels: Ids, groups: Ids, users: Ids });
const AccessRule = z.strictObject({ web: WebRule.optional(), slack: SlackRule.optional(), teams: TeamsRule.optional() });
export type AccessRule = z.infer<typeof AccessRule>;

const SetName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+$/, "a set is a top-level folder name, without slashes")
  .refine((name) => !name.startsWith("."), "hidden folders are not read");

/** `knowledge/access.yaml`. */
export const AccessPolicySchema = z.strictObject({
  /** Per set (top-level folder): `public`, or who may use it. */
  sets: z.record(SetName, z.union([z.literal("public"), AccessRule])).default({}),
  /** Who sees every set in every door (HR's own team). */
  admins: AccessRule.optional(),
  /** Folders the file does not name: restricted (admins only; the safe default) or public. */
  unlisted: z.enum(["restricted", "public"]).default("restricted"),
});
export type AccessPolicy = z.infer<typeof AccessPolicySchema>;

/** The sets one audience may use: every set, or the root set plus those granted. */
export class SetScope {
  private constructor(
    readonly all: boolean,
    private readonly granted: ReadonlySet<string>,
    /** With `unlisted: public`: the sets the policy names (the others are public). */
    private readonly listed?: ReadonlySet<string>,
  ) {}

  static readonly ALL = new SetScope(true, new Set());
  /** The root set only: an unreadable policy fails closed to this. */
  static readonly ROOT_ONLY = new SetScope(false, new Set([ROOT_SET]));

  static of(granted: Iterable<string>, listed?: Iterable<string>): SetScope {
    return new SetScope(false, new Set([ROOT_SET, ...granted]), listed ? new Set(listed) : undefined);
  }

  allows(set: string): boolean {
    return this.all || this.granted.has(set) || (this.listed !== undefined && !this.listed.has(set));
  }

  /** A stable string: equal scopes have equal keys (caches of scoped views and answers use it). */
  get key(): string {
    if (this.all) return "*";
    const granted = [...this.granted].sort().join("/");
    return this.listed ? `${granted}|unlisted-public:${[...this.listed].sort().join("/")}` : granted;
  }
}

const some = (ids: string[], wanted: (id: string) => boolean) => ids.some(wanted);
const within = (scope: string[], value: string | undefined) => !scope.length || (value !== undefined && scope.includes(value));

/** Whether one rule grants the audience. */
export function ruleGrants(rule: AccessRule | undefined, audience: Audience): boolean {
  if (!rule) return false;
  switch (audience.door) {
    case "web": {
      const web = rule.web;
      if (!web) return false;
      return some(web.users, (u) => u === audience.user || u === audience.email) || some(web.groups, (g) => audience.groups.includes(g));
    }
    case "slack": {
      const slack = rule.slack;
      if (!slack || !within(slack.workspaces, audience.workspace)) return false;
      if (!slack.channels.length && !slack.usergroups.length && !slack.users.length) return slack.workspaces.length > 0;
      if (!audience.personal) return audience.channel !== undefined && slack.channels.includes(audience.channel);
      return (audience.user !== undefined && slack.users.includes(audience.user)) || some(slack.usergroups, (g) => audience.usergroups.includes(g));
    }
    case "teams": {
      const teams = rule.teams;
      if (!teams || !within(teams.tenants, audience.tenant)) return false;
      if (!teams.teams.length && !teams.channels.length && !teams.groups.length && !teams.users.length) return teams.tenants.length > 0;
      if (!audience.personal)
        return (
          (audience.channel !== undefined && teams.channels.includes(audience.channel)) || (audience.team !== undefined && teams.teams.includes(audience.team))
        );
      return (audience.user !== undefined && teams.users.includes(audience.user)) || some(teams.groups, (g) => audience.groups.includes(g));
    }
    default:
      return false;
  }
}

/**
 * The sets an audience may use. Without a policy every set is public (the
 * behaviour before sets existed); an admin sees all; the CLI names its sets.
 */
export function scopeFor(policy: AccessPolicy | undefined, audience: Audience): SetScope {
  if (!policy || audience.door === "admin") return SetScope.ALL;
  if (audience.door === "cli") return audience.sets === "all" ? SetScope.ALL : scopeOf(policy, (set) => (audience.sets as string[]).includes(set));
  if (ruleGrants(policy.admins, audience)) return SetScope.ALL;
  return scopeOf(policy, (_set, rule) => rule !== "public" && ruleGrants(rule, audience));
}

function scopeOf(policy: AccessPolicy, grants: (set: string, rule: AccessRule | "public") => boolean): SetScope {
  const granted = Object.entries(policy.sets)
    .filter(([set, rule]) => rule === "public" || grants(set, rule))
    .map(([set]) => set);
  return SetScope.of(granted, policy.unlisted === "public" ? Object.keys(policy.sets) : undefined);
}

/** The ids a door must look up memberships for (only these are ever asked of Slack or Graph). */
export function groupsNamed(policy: AccessPolicy | undefined, door: "slack" | "teams"): string[] {
  if (!policy) return [];
  const rules = [...Object.values(policy.sets), policy.admins].filter((rule): rule is AccessRule => typeof rule === "object");
  const ids = rules.flatMap((rule) => (door === "slack" ? (rule.slack?.usergroups ?? []) : (rule.teams?.groups ?? [])));
  return [...new Set(ids)];
}

/** Who may use a set, in words for the ingest report and the admin page. */
export function describeAudience(policy: AccessPolicy | undefined, set: string): string {
  if (!policy || set === ROOT_SET) return "public";
  const rule = policy.sets[set];
  if (rule === undefined) return policy.unlisted === "public" ? "public (not in access.yaml)" : "admins only (not in access.yaml)";
  if (rule === "public") return "public";
  const parts: string[] = [];
  const list = (label: string, ids: string[]) => ids.length && parts.push(`${label} ${ids.join(", ")}`);
  if (rule.web) {
    list("web users", rule.web.users);
    list("web groups", rule.web.groups);
  }
  if (rule.slack) {
    list("Slack workspaces", rule.slack.workspaces);
    list("Slack channels", rule.slack.channels);
    list("Slack user groups", rule.slack.usergroups);
    list("Slack users", rule.slack.users);
  }
  if (rule.teams) {
    list("Teams tenants", rule.teams.tenants);
    list("Teams teams", rule.teams.teams);
    list("Teams channels", rule.teams.channels);
    list("Entra groups", rule.teams.groups);
    list("Teams users", rule.teams.users);
  }
  return parts.length ? parts.join("; ") : "admins only";
}
