import type { Logger } from "../../platform/logger.js";
import { errorSummary } from "./errorSummary.js";
import type { ReplyActivity } from "./reply.js";

/** Sends one activity (with the door's retries); resolves with the connector's id, rejects when Teams refused it. */
export type SendActivity = (activity: Record<string, unknown>) => Promise<string | undefined>;

export type TeamsStreamOptions = {
  logger: Logger;
  /** Pause between stream updates: Teams wants at most about one per second. */
  delayMs: number;
  /** A fresh informative update this often, so a long check does not look stalled. */
  keepAliveMs?: number;
  keepAliveText?: string;
  /** How the answer goes when the stream was refused: an ordinary, checked message (default: `send`). */
  fallback?: SendActivity;
};

/** Informative updates must stay under 1 KB / 1,000 characters (Microsoft Learn, "Stream bot messages"). */
const INFORMATIVE_MAX_CHARS = 1_000;

/**
 * A Teams stream (personal chat) that shows only progress while an answer is
 * written and checked, then the verified answer as the stream's final
 * message. Model text never streams: what Teams shows is either a progress
 * bar or the checked answer. Follows the REST protocol directly (the SDK's
 * StreamingResponse puts streamSequence on the final message, which the
 * docs forbid, and drops the final message when an update is refused):
 * - the first update starts the stream; its id names every later update;
 * - streamSequence starts at 1 and rises on informative updates, and is
 *   never set on the final message;
 * - if Teams refuses the stream at any step (403 ContentStreamNotAllowed,
 *   a timed-out stream, 429 after the retries…), the answer is sent as an
 *   ordinary message instead, with the same label, citations and feedback.
 */
export class TeamsAnswerStream {
  private streamId?: string;
  private sequence = 0;
  private refused = false;
  private ended = false;
  private lastSentAt = 0;
  private queue: Promise<void> = Promise.resolve();
  private keepAlive?: NodeJS.Timeout;

  constructor(
    private readonly send: SendActivity,
    private readonly options: TeamsStreamOptions,
  ) {}

  /** Queues an informative update (the blue progress bar). Ignored once the stream was refused or ended. */
  inform(text: string): void {
    if (this.ended || this.refused || !text.trim()) return;
    this.queue = this.queue.then(() => this.sendInformative(text.slice(0, INFORMATIVE_MAX_CHARS)));
    this.armKeepAlive();
  }

  /** True once Teams accepted the first update. */
  get started(): boolean {
    return this.streamId !== undefined && !this.refused;
  }

  /**
   * Ends the stream with the final, verified message; when the stream was
   * refused (or never started), sends it as an ordinary message. Returns the
   * id of the message the user sees; rejects only when Teams refused both.
   */
  async finish(final: ReplyActivity | Record<string, unknown>): Promise<string | undefined> {
    this.ended = true;
    clearTimeout(this.keepAlive);
    await this.queue;
    if (this.started) {
      await this.pace();
      const entities = [
        ...((final.entities as Record<string, unknown>[] | undefined) ?? []),
        { type: "streaminfo", streamId: this.streamId, streamType: "final" },
      ];
      try {
        const id = await this.send({ ...final, entities });
        return id ?? this.streamId;
      } catch (error) {
        this.options.logger.warn(
          { channel: "teams", err: errorSummary(error) },
          "teams refused the stream's final message; sending the answer as a new message",
        );
      }
    }
    return (this.options.fallback ?? this.send)(final);
  }

  /** Stops the keep-alive without sending anything (the turn failed before an answer). */
  cancel(): void {
    this.ended = true;
    clearTimeout(this.keepAlive);
  }

  private async sendInformative(text: string): Promise<void> {
    if (this.ended || this.refused) return;
    await this.pace();
    const info = { type: "streaminfo", streamType: "informative", streamSequence: ++this.sequence, ...(this.streamId ? { streamId: this.streamId } : {}) };
    try {
      const id = await this.send({ type: "typing", text, entities: [info] });
      this.streamId ??= id;
      // Without an id Teams gave us no stream to continue; the answer goes as an ordinary message.
      if (!this.streamId) this.refused = true;
    } catch (error) {
      this.refused = true;
      this.options.logger.warn({ channel: "teams", err: errorSummary(error) }, "teams refused a stream update; the answer will be sent as a message");
    } finally {
      this.lastSentAt = Date.now();
    }
  }

  private async pace(): Promise<void> {
    const wait = this.lastSentAt + this.options.delayMs - Date.now();
    if (this.lastSentAt && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private armKeepAlive(): void {
    const { keepAliveMs, keepAliveText } = this.options;
    if (!keepAliveMs || !keepAliveText) return;
    clearTimeout(this.keepAlive);
    this.keepAlive = setTimeout(() => this.inform(keepAliveText), keepAliveMs);
    this.keepAlive.unref();
  }
}
