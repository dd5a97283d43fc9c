import type { webApi } from "@slack/bolt";
import type { Logger } from "../../platform/logger.js";
import type { SlackReply } from "./ask.js";
import { LIMITS } from "./blocks.js";
import { neutralizeSlackSyntax } from "./markdown.js";

/** Where a streamed answer goes. Outside a DM Slack wants to know whose reply it is. */
export type StreamPlace = { channel: string; threadTs: string; userId?: string; teamId?: string };

type ChatStreamer = ReturnType<webApi.WebClient["chatStream"]>;

/** Characters buffered before each chat.appendStream: fewer calls, still fluid (Slack's default is 256). */
const BUFFER_CHARS = 200;

/**
 * Streams an answer as it is generated (chat.startStream/appendStream/stopStream
 * through the WebClient's chatStream), then finishes the message with the
 * sources, follow-ups and feedback. If the final, verified answer differs from
 * what streamed (the checks replaced a sentence, or the answer is too long for
 * one message), the streamed message is replaced by the final one: the
 * streamed text is provisional, the posted answer is what counts.
 */
export class AnswerStream {
  private streamer?: ChatStreamer;
  private streamed = "";
  private overflow = false;
  private broken = false;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly place: StreamPlace,
    private readonly logger: Logger,
  ) {}

  /** For AskOptions.onToken: synchronous, queues the Slack calls in order. */
  readonly onToken = (delta: string): void => {
    if (this.broken || this.overflow || !delta) return;
    if (this.streamed.length + delta.length > LIMITS.markdown) {
      this.overflow = true;
      return;
    }
    this.streamed += delta;
    const streamer = (this.streamer ??= this.client.chatStream({
      channel: this.place.channel,
      thread_ts: this.place.threadTs,
      ...(this.place.userId ? { recipient_user_id: this.place.userId } : {}),
      ...(this.place.teamId ? { recipient_team_id: this.place.teamId } : {}),
      buffer_size: BUFFER_CHARS,
    }));
    this.pending = this.pending.then(() => streamer.append({ markdown_text: neutralizeSlackSyntax(delta) })).catch((error: unknown) => this.fail(error));
  };

  /** True once a token arrived: the reply goes through finish(), not a plain post. */
  get started(): boolean {
    return this.streamer !== undefined;
  }

  /** Ends the stream with the reply; returns false when nothing reached Slack and the caller should post the reply itself. */
  async finish(reply: SlackReply): Promise<boolean> {
    await this.pending;
    const streamer = this.streamer;
    if (!streamer) return false;
    const [first, ...rest] = reply.messages;
    if (!first) return false;
    const final = reply.answer?.answer.trim();
    // What follows the answer text (sources, buttons, feedback); anything before it (a question echo) has no place after a stream.
    const tail = first.blocks.slice(first.blocks.findIndex((block) => block.type === "markdown") + 1);
    if (!this.broken && !this.overflow && rest.length === 0 && final !== undefined && final === this.streamed.trim()) {
      try {
        await streamer.stop({ blocks: tail });
        return true;
      } catch (error) {
        this.fail(error);
      }
    }
    // Nothing was sent yet (all of it still in the streamer's buffer): post normally.
    if (!streamer.ts) return false;
    // End the stream even after a failed append, so the message does not stay "being written".
    await streamer.stop().catch((error: unknown) => this.fail(error));
    await this.client.chat.update({ channel: this.place.channel, ts: streamer.ts, text: first.text, blocks: first.blocks });
    for (const message of rest)
      await this.client.chat.postMessage({ channel: this.place.channel, thread_ts: this.place.threadTs, unfurl_links: false, unfurl_media: false, ...message });
    return true;
  }

  private fail(error: unknown): void {
    this.broken = true;
    this.logger.warn({ channel: "slack", err: (error as Error).message }, "slack stream failed; the answer is posted whole");
  }
}
