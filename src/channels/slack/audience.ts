import type { webApi } from "@slack/bolt";
import { groupsNamed } from "../../domain/accessPolicy.js";
import type { Audience } from "../../domain/audience.js";
import type { AccessState } from "../../ingest/accessFile.js";
import type { Logger } from "../../platform/logger.js";
import { MembershipCache } from "../shared/membershipCache.js";
import type { DoorDeps } from "../door.js";

/** What the Slack door's handlers are built from: the door's deps and its audiences. */
export type SlackDeps = DoorDeps & { audiences: SlackAudiences };

/** Where a Slack answer goes and who asked, from the (signed) payload. */
export type SlackPlace = {
  workspace?: string;
  channel?: string;
  user?: string;
  /** Seen by the asker alone (an ephemeral reply); DMs and assistant threads are recognised by their channel. */
  ephemeral?: boolean;
};

/** A direct message channel (also where the assistant pane's threads live). */
const isDirectMessage = (channel: string | undefined) => channel?.startsWith("D") ?? false;

/**
 * The Slack door's audiences. Everything comes from Slack's signed payloads
 * (workspace, channel, user); in a DM, an assistant thread or an ephemeral
 * reply the asker is the audience, with the user groups access.yaml names
 * that they belong to (`usergroups.users.list`, cached for GROUP_CACHE_SECONDS);
 * in a channel the channel is, since everyone in it reads the answer.
 */
export class SlackAudiences {
  private readonly members: MembershipCache<ReadonlySet<string>>;

  constructor(
    private readonly access: () => AccessState,
    private readonly logger: Logger,
    cacheMs: number,
  ) {
    this.members = new MembershipCache(cacheMs);
  }

  async of(client: webApi.WebClient, place: SlackPlace): Promise<Audience> {
    const personal = Boolean(place.ephemeral) || isDirectMessage(place.channel);
    const base = { door: "slack" as const, workspace: place.workspace, channel: place.channel, user: place.user, personal };
    const named = personal && place.user ? groupsNamed(this.access().policy, "slack") : [];
    const usergroups: string[] = [];
    for (const group of named) if ((await this.membersOf(client, place.workspace, group)).has(place.user!)) usergroups.push(group);
    return { ...base, usergroups };
  }

  /** A user group's members; nobody when Slack cannot say (the set stays closed, the log says why). */
  private async membersOf(client: webApi.WebClient, workspace: string | undefined, usergroup: string): Promise<ReadonlySet<string>> {
    try {
      return await this.members.get(`${workspace ?? ""}:${usergroup}`, async () => {
        const result = await client.usergroups.users.list({ usergroup });
        if (!result.ok) throw new Error(result.error ?? "not ok");
        return new Set(result.users ?? []);
      });
    } catch (error) {
      this.logger.warn({ channel: "slack", usergroup, err: (error as Error).message }, "slack user group lookup failed; treating the user as not a member");
      return new Set();
    }
  }
}
