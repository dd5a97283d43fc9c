import { z } from "zod";
import { ChannelSchema } from "../domain/assistant.js";
import { INTENTS } from "../domain/answer.js";
import { RetainedJsonl } from "./retainedJsonl.js";

export const UnansweredSchema = z.object({
  at: z.string(),
  question: z.string().max(4000),
  channel: ChannelSchema.optional(),
  intent: z.enum(INTENTS),
  language: z.enum(["nl", "en"]),
});
export type Unanswered = z.infer<typeof UnansweredSchema>;

/** Refused questions (`answered: false`): the gaps in the documents. Only written when RECORD_UNANSWERED is on. */
export function unansweredLog(dataDir: string, retentionDays: number, now?: () => number): RetainedJsonl<Unanswered> {
  return new RetainedJsonl(`${dataDir}/unanswered.jsonl`, UnansweredSchema, retentionDays, now);
}
