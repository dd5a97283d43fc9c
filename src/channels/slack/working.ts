import type { webApi } from "@slack/bolt";
import type { Logger } from "../../platform/logger.js";
import { TEXTS } from "./texts.js";

/** Where a question is being answered, for the "working" sign. */
export type WorkingPlace = { channel: string; threadTs: string; assistant?: boolean; messageTs?: string };

/** Ends the sign; `answered` says whether a reply was posted (which clears an assistant status by itself). */
export type StopWorking = (answered: boolean) => Promise<void>;

/**
 * Shows the asker that the question is being worked on: Slack's status with
 * rotating loading messages in an assistant thread, a ⏳ reaction on the
 * question in a channel thread or DM (removed when the answer lands). Cosmetic:
 * a failure is logged and never costs the answer.
 */
export async function startWorking(client: webApi.WebClient, place: WorkingPlace, logger: Logger): Promise<StopWorking> {
  const warn = (what: string) => (error: unknown) => logger.warn({ channel: "slack", err: (error as Error).message }, `slack ${what} failed`);
  if (place.assistant) {
    await client.assistant.threads
      .setStatus({ channel_id: place.channel, thread_ts: place.threadTs, status: TEXTS.status, loading_messages: [...TEXTS.loadingMessages] })
      .catch(warn("status"));
    return async (answered) => {
      // Posting a reply clears the status; without one it would spin on.
      if (!answered) await client.assistant.threads.setStatus({ channel_id: place.channel, thread_ts: place.threadTs, status: "" }).catch(warn("status reset"));
    };
  }
  const timestamp = place.messageTs;
  if (!timestamp) return async () => undefined;
  const added = await client.reactions
    .add({ channel: place.channel, timestamp, name: TEXTS.workingReaction })
    .then(() => true)
    .catch((error: unknown) => (warn("reaction")(error), false));
  return async () => {
    if (added) await client.reactions.remove({ channel: place.channel, timestamp, name: TEXTS.workingReaction }).catch(warn("reaction removal"));
  };
}
