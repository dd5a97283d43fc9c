import { z } from "zod";

/** One labelled answer question: the facts its answer must contain and the sources it may cite. */
export const AnswerQuestionSchema = z.object({
  id: z.string(),
  who: z.enum(["manager", "recruiter", "employee"]),
  question: z.string().min(1),
  /** Questions with the same conversation are asked in order in one chat. */
  conversation: z.string().optional(),
  answerable: z.boolean(),
  /** Each fact must appear in the answer (case-insensitive); "a|b" accepts either. */
  facts: z.array(z.string()),
  /** Sources a correct citation may point to. */
  sources: z.array(z.string()),
  intent: z.string().optional(),
});
export type AnswerQuestion = z.infer<typeof AnswerQuestionSchema>;
