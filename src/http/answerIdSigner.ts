import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Answer } from "../domain/answer.js";
import { answerId } from "../answer/answerId.js";

/** What a conversation id's MAC is bound to, in place of a question. */
const CONVERSATION = "\u0001conversation";
/** Hex characters of the signature: 64 bits, far beyond guessing over HTTP. */
const MAC_CHARS = 16;

/**
 * Ids the web API hands out are signed. Answer ids (`<id>.<mac>`), the MAC
 * binding the id to the question: a vote needs an id this server issued for
 * that question, so nobody can fill the feedback log with made-up ids or
 * other text. Replicas verify each other's ids when they share ANSWER_ID_SECRET;
 * without it every process has its own random key. Conversation ids are
 * issued by the server too: a client that names another conversation (a
 * Slack thread's "C0123:1700000000.000100") gets a new one instead.
 */
export class AnswerIdSigner {
  private readonly key: Buffer;

  constructor(secret?: string) {
    this.key = secret ? createHash("sha256").update(secret).digest() : randomBytes(32);
  }

  issue(answer: Pick<Answer, "question" | "answer">): string {
    const id = answerId(answer);
    return `${id}.${this.mac(id, answer.question)}`;
  }

  /** The plain answer id when `signed` was issued here for `question`; undefined otherwise. */
  verify(signed: string, question: string): string | undefined {
    const [id, mac, extra] = signed.split(".");
    if (!id || !mac || extra !== undefined || mac.length !== MAC_CHARS) return undefined;
    const expected = Buffer.from(this.mac(id, question));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }

  /** A new web conversation id: random, signed, so a client can only continue a conversation this server started for it. */
  issueConversation(): string {
    const id = randomBytes(16).toString("base64url");
    return `${id}.${this.mac(id, CONVERSATION)}`;
  }

  /** `given` when it is a conversation id this server issued; undefined otherwise. */
  conversation(given: string | undefined): string | undefined {
    if (!given) return undefined;
    const [id, mac, extra] = given.split(".");
    if (!id || !mac || extra !== undefined || mac.length !== MAC_CHARS) return undefined;
    const expected = Buffer.from(this.mac(id, CONVERSATION));
    const provided = Buffer.from(mac);
    return provided.length === expected.length && timingSafeEqual(provided, expected) ? given : undefined;
  }

  private mac(id: string, question: string): string {
    return createHmac("sha256", this.key).update(id).update("\u0000").update(question).digest("hex").slice(0, MAC_CHARS);
  }
}
