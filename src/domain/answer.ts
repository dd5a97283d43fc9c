import { z } from "zod";

/** The intents an answer can have; the contract in ARCHITECTURE.md. */
export const INTENTS = [
  "scale",
  "salary",
  "interview",
  "career",
  "competency",
  "development",
  "compare",
  "catalogue",
  "lookup",
  "help",
  "general",
  "unknown",
] as const;
export type Intent = (typeof INTENTS)[number];

export type Language = "nl" | "en";

export const CitationSchema = z.object({
  /** Path relative to the knowledge dir. */
  source: z.string(),
  /** Section path inside the document, e.g. "Competenties › Onderhandelen › Toetsvragen". */
  section: z.string(),
  quote: z.string().optional(),
  /** The document's title as the parser read it (for chips and citation pop-ups). */
  title: z.string().optional(),
  /** Its classification system id, e.g. "rijk", "ufo". */
  system: z.string().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** What every door renders. Keep in sync with ../shared/ARCHITECTURE.md. */
export const AnswerSchema = z.object({
  question: z.string(),
  answer: z.string(),
  language: z.enum(["nl", "en"]),
  intent: z.enum(INTENTS),
  answered: z.boolean(),
  mode: z.enum(["offline", "llm"]),
  citations: z.array(CitationSchema),
  followUps: z.array(z.string()),
  latencyMs: z.number(),
  /**
   * Lists cut short in `answer`: the line `label` (e.g. "…en 12 meer") stands in
   * the answer text; `markdown` holds the rest, so a door can expand it in place.
   */
  expansions: z.array(z.object({ label: z.string(), markdown: z.string() })).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
