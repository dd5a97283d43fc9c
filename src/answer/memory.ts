import { z } from "zod";
import type { ConversationStore } from "../state/conversationStore.js";
import type { Understanding } from "./understand/understand.js";

/** What the assistant remembers of a turn: how it understood the question, and the sources it answered from. */
export type Turn = Understanding & { sources: string[] };

/** Conversation memory: in this process, or shared by all replicas in Redis (src/state/). */
export type ConversationMemory = ConversationStore<Turn>;

/**
 * The fields a follow-up relies on, checked when a turn comes back from
 * Redis; the rest of the Understanding is passed through as stored (it is
 * our own JSON, written by a replica of the same version).
 */
const TurnShape = z.looseObject({
  question: z.string(),
  searchText: z.string(),
  language: z.enum(["nl", "en"]),
  intent: z.string(),
  levels: z.array(z.looseObject({ kind: z.string(), value: z.string() })),
  previousSources: z.array(z.string()),
  sources: z.array(z.string()),
});

export function parseTurn(value: unknown): Turn {
  return TurnShape.parse(value) as unknown as Turn;
}
