import { z } from "zod";
import type { ConversationStore } from "../state/conversationStore.js";
import type { TurnRecord } from "./understand/conversation.js";

/** What the assistant remembers of a turn: its plan, and what the answer gave (sources, suggestions, the rest of cut lists). */
export type Turn = TurnRecord;

/** Conversation memory: in this process, or shared by all replicas in Redis (src/state/). */
export type ConversationMemory = ConversationStore<Turn>;

/**
 * The fields a follow-up relies on, checked when a turn comes back from
 * Redis; the rest of the plan is passed through as stored (it is our own
 * JSON, written by a replica of the same version).
 */
const TurnShape = z.looseObject({
  plan: z.looseObject({
    question: z.string(),
    searchText: z.string(),
    language: z.enum(["nl", "en"]),
    intent: z.string(),
    levels: z.array(z.looseObject({ code: z.string() })),
    roles: z.array(z.string()),
    previousSources: z.array(z.string()),
  }),
  intent: z.string(),
  answered: z.boolean(),
  sources: z.array(z.string()),
  citations: z.array(z.looseObject({ source: z.string(), section: z.string() })),
  followUps: z.array(z.string()),
  expansions: z.array(z.object({ label: z.string(), markdown: z.string() })),
});

export function parseTurn(value: unknown): Turn {
  return TurnShape.parse(value) as unknown as Turn;
}
