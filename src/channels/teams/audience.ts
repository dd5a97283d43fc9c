import type { Activity } from "@microsoft/agents-activity";
import { z } from "zod";
import { groupsNamed } from "../../domain/accessPolicy.js";
import { ANONYMOUS, type Audience } from "../../domain/audience.js";
import type { AccessState } from "../../ingest/accessFile.js";
import type { Logger } from "../../platform/logger.js";
import { MembershipCache } from "../shared/membershipCache.js";
import { errorSummary } from "./errorSummary.js";
import type { AccessTokenSource } from "./tokenSource.js";

/** checkMemberGroups takes at most 20 group ids per call. */
const GRAPH_BATCH = 20;
const GRAPH_TIMEOUT_MS = 5000;

const CheckMemberGroupsReply = z.object({ value: z.array(z.string()) });

/** The fields of an activity the audience is read from (Teams puts tenant, team and channel in channelData). */
const TeamsChannelData = z
  .object({
    tenant: z.object({ id: z.string() }).partial().optional(),
    team: z.object({ id: z.string() }).partial().optional(),
    channel: z.object({ id: z.string() }).partial().optional(),
  })
  .partial();

export type GraphGroupsOptions = {
  /** Microsoft Graph's base URL (GRAPH_API_URL); a fake on 127.0.0.1 in tests. */
  graphUrl: string;
  /** The bot's own tokens (client credentials): Graph wants the application permission GroupMember.Read.All. */
  tokens: AccessTokenSource;
  cacheMs: number;
  logger: Logger;
};

/**
 * Which of the Entra groups access.yaml names a user belongs to, asked of
 * Microsoft Graph (`POST /v1.0/users/{id}/checkMemberGroups`, transitive) with
 * the bot's own credentials, cached for GROUP_CACHE_SECONDS. A failed lookup
 * counts as no membership (the set stays closed) and is not cached.
 */
export class GraphGroups {
  private readonly cache: MembershipCache<string[]>;

  constructor(private readonly options: GraphGroupsOptions) {
    this.cache = new MembershipCache(options.cacheMs);
  }

  async memberOf(user: string, groups: string[]): Promise<string[]> {
    if (!groups.length) return [];
    const sorted = [...groups].sort();
    try {
      return await this.cache.get(`${user}\u0000${sorted.join(",")}`, () => this.check(user, sorted));
    } catch (error) {
      this.options.logger.warn({ err: errorSummary(error) }, "teams: Entra group lookup failed; treating the user as not a member");
      return [];
    }
  }

  private async check(user: string, groups: string[]): Promise<string[]> {
    const token = await this.options.tokens.getAccessToken(this.options.graphUrl);
    const url = `${this.options.graphUrl.replace(/\/+$/, "")}/v1.0/users/${encodeURIComponent(user)}/checkMemberGroups`;
    const found: string[] = [];
    for (let at = 0; at < groups.length; at += GRAPH_BATCH) {
      const response = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ groupIds: groups.slice(at, at + GRAPH_BATCH) }),
        signal: AbortSignal.timeout(GRAPH_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`Graph answered ${response.status}`);
      found.push(...CheckMemberGroupsReply.parse(await response.json()).value.filter((id) => groups.includes(id)));
    }
    return found;
  }
}

/**
 * The Teams door's audiences, from activities whose token the door verified
 * (with MICROSOFT_APP_ID; in emulator mode nothing is vouched for, so every
 * asker is anonymous): tenant, team and channel from channelData; in a
 * personal chat the user (Entra object id) and, through Graph, the Entra
 * groups access.yaml names; in a channel or group chat the conversation,
 * since everyone in it reads the answer.
 */
export class TeamsAudiences {
  constructor(
    private readonly access: () => AccessState,
    private readonly options: { verified: boolean; graph?: GraphGroups; tenant?: string },
  ) {}

  async of(activity: Activity): Promise<Audience> {
    if (!this.options.verified) return ANONYMOUS;
    const data = TeamsChannelData.safeParse(activity.channelData ?? {});
    const channelData = data.success ? data.data : {};
    const tenant = channelData.tenant?.id ?? activity.conversation?.tenantId;
    const personal = (activity.conversation?.conversationType ?? "personal") === "personal";
    // A channel thread's conversation id carries ";messageid=…"; the channel is what access.yaml names.
    const channel = channelData.channel?.id ?? activity.conversation?.id?.split(";")[0];
    const user = activity.from?.aadObjectId;
    const base = { door: "teams" as const, tenant, team: channelData.team?.id, channel, personal, user };
    const named = groupsNamed(this.access().policy, "teams");
    // Graph answers for the bot's own tenant only; a user from elsewhere has no groups here.
    const ownTenant = !this.options.tenant || !tenant || this.options.tenant === tenant || !/^[0-9a-f-]{36}$/i.test(this.options.tenant);
    const groups = personal && user && named.length && this.options.graph && ownTenant ? await this.options.graph.memberOf(user, named) : [];
    return { ...base, groups };
  }
}
