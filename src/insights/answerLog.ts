import { z } from "zod";
import { ChannelSchema } from "../domain/assistant.js";
import { INTENTS } from "../domain/answer.js";
import { RetainedJsonl } from "./retainedJsonl.js";

/** What was answered, without the question or answer text: lets the insights page put feedback per intent. */
export const AnswerRecordSchema = z.object({
  at: z.string(),
  answerId: z.string().max(128),
  intent: z.enum(INTENTS),
  answered: z.boolean(),
  mode: z.enum(["offline", "llm"]),
  channel: ChannelSchema.optional(),
  /** What the answer was based on ("document › section"): shows HR which document a 👎 points at. */
  sources: z.array(z.string().max(500)).max(5).optional(),
  /** The document sets the answer cited ("" is the root set): the insights page counts questions and votes per set. */
  sets: z.array(z.string().max(200)).max(50).optional(),
});
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;

export function answerLog(dataDir: string, retentionDays: number, now?: () => number): RetainedJsonl<AnswerRecord> {
  return new RetainedJsonl(`${dataDir}/answers.jsonl`, AnswerRecordSchema, retentionDays, now);
}
