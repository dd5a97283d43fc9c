import type { webApi } from "@slack/bolt";
import type { Logger } from "../../platform/logger.js";
import type { SlackReply } from "./ask.js";
import type { SlackMessage } from "./blocks.js";
import { freshBlockIds, sendDegrading } from "./degradeBlocks.js";

/** Where a streamed answer goes. Outside a DM Slack wants to know whose reply it is. */
export type StreamPlace = { channel: string; threadTs: string; userId?: string; teamId?: string };

/** Characters per chat.startStream / chat.appendStream call (Slack's own helper buffers 256). */
const CHUNK_CHARS = 1_000;

/**
 * The text in pieces that concatenate back to exactly the text (Slack joins
 * streamed chunks into one message): cut after whitespace near `size`, never
 * inside a surrogate pair.
 */
export function streamChunks(text: string, size: number): string[] {
  const chunks: string[] = [];
  let at = 0;
  while (text.length - at > size) {
    let cut = at + size;
    const space = text.lastIndexOf(" ", cut - 1);
    if (space > at + size / 2) cut = space + 1;
    else if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? "")) cut--;
    chunks.push(text.slice(at, cut));
    at = cut;
  }
  chunks.push(text.slice(at));
  return chunks;
}

/** Text in the form Slack's own ChatStreamer sends it. */
const markdownChunk = (text: string) => ({ type: "markdown_text" as const, text });

const warn = (logger: Logger, what: string) => (error: unknown) =>
  logger.warn({ channel: "slack", err: (error as { data?: { error?: string } })?.data?.error ?? (error as Error).message }, what);

/**
 * Streams a verified answer into Slack (chat.startStream → appendStream →
 * stopStream with the sources, follow-ups and feedback). Only text the
 * checks accepted is streamed: the model's draft never reaches Slack, the
 * asker sees the working status until the answer is ready.
 *
 * When Slack refuses a step, the asker still ends with the whole answer, once:
 * - start refused: nothing was shown; returns false and the caller posts it;
 * - append or stop refused: the streamed message is ended and replaced by the
 *   whole answer (chat.update, fresh block ids, refused block types left out);
 * - that update refused too: the partial message is deleted and the caller
 *   posts the answer (returns false).
 */
export class AnswerStream {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly place: StreamPlace,
    private readonly logger: Logger,
  ) {}

  /** True when the answer reached Slack through the stream; false when the caller should post `reply` itself. */
  async deliver(reply: SlackReply): Promise<boolean> {
    const [message, ...rest] = reply.messages;
    // Several messages (a very long answer) or no markdown block: an ordinary post does it better.
    const markdownAt = message ? message.blocks.findIndex((block) => block.type === "markdown") : -1;
    if (!message || rest.length || markdownAt < 0) return false;
    const text = (message.blocks[markdownAt] as { text: string }).text;
    // What follows the answer text (sources, buttons, feedback); a question echo before it has no place after a stream.
    const tail = message.blocks.slice(markdownAt + 1);
    const [first, ...more] = streamChunks(text, CHUNK_CHARS);
    const { channel, threadTs, userId, teamId } = this.place;
    let ts: string | undefined;
    try {
      const started = await this.client.chat.startStream({
        channel,
        thread_ts: threadTs,
        chunks: [markdownChunk(first ?? "")],
        ...(userId ? { recipient_user_id: userId } : {}),
        ...(teamId ? { recipient_team_id: teamId } : {}),
      });
      ts = started.ts;
    } catch (error) {
      warn(this.logger, "slack refused to start a stream; posting the answer")(error);
      return false;
    }
    if (!ts) return false;
    try {
      for (const chunk of more) await this.client.chat.appendStream({ channel, ts, chunks: [markdownChunk(chunk)] });
      await this.client.chat.stopStream({ channel, ts, blocks: tail });
      return true;
    } catch (error) {
      warn(this.logger, "slack stream failed; replacing it with the whole answer")(error);
    }
    return this.replace(ts, message);
  }

  /** Ends the broken stream and puts the whole answer in its place; false (after deleting it) when Slack refuses that too. */
  private async replace(ts: string, message: SlackMessage): Promise<boolean> {
    const { channel } = this.place;
    // A stream left open stays "being written"; ending it may fail if it already ended.
    await this.client.chat.stopStream({ channel, ts }).catch(warn(this.logger, "slack could not end the stream"));
    try {
      await sendDegrading((m) => this.client.chat.update({ channel, ts, ...("blocks" in m ? freshBlockIds(m) : { ...m, blocks: [] }) }), message, this.logger);
      return true;
    } catch (error) {
      warn(this.logger, "slack refused to update the streamed message; deleting it and posting the answer")(error);
    }
    await this.client.chat.delete({ channel, ts }).catch(warn(this.logger, "slack could not delete the partial message"));
    return false;
  }
}
