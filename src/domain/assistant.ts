import { z } from "zod";
import type { SalaryTableSummary } from "./salaryTable.js";
import type { Answer, Language } from "./answer.js";
import type { Audience } from "./audience.js";

/** Where a question came from ("web", "cli", or a registered door's channel id: src/app/doors.ts); for logs and door-specific limits. */
export const ChannelSchema = z.string().regex(/^[a-z][a-z0-9-]{0,19}$/);
export type Channel = z.infer<typeof ChannelSchema>;

export type AskOptions = {
  /** Conversation id: questions with the same id are one chat, so follow-ups resolve. */
  conversation?: string;
  channel?: Channel;
  /** Who asks, as the door vouches for it: decides which document sets answer. Anonymous (public sets only) when absent. */
  audience?: Audience;
  /** Called with text deltas while an LLM answer streams (LLM mode only; ignored offline). */
  onToken?: (delta: string) => void;
  signal?: AbortSignal;
};

export type AssistantStatus = {
  ready: boolean;
  documents: number;
  chunks: number;
  mode: "offline" | "llm";
  /** ISO time the loaded index was built. */
  builtAt?: string;
};

/** Progress of an ingest, for progress bars. */
export type IngestProgress = { phase: "load" | "embed" | "write"; done: number; total: number; file?: string };

export type ReindexSummary = {
  documents: number;
  sections: number;
  chunks: number;
  embedded: number;
  reused: number;
  removed: number;
  skipped: { file: string; reason: string }[];
  seconds: number;
};

/** What the index understood of one document: the HR admin's first check. */
export type DocumentSummary = {
  source: string;
  /** The document set (top-level folder; "" for the root set). */
  set?: string;
  /** Who may use the set, in words (from access.yaml; filled in where the policy is known). */
  audience?: string;
  title: string;
  system: string;
  levels: string[];
  competencies: number;
  /** The competencies by name, so an HR admin sees which were read (and which are missing). */
  competencyNames: string[];
  /** The roles a function list describes, with their levels (empty: the document is one job, itself). */
  roles: { title: string; levels: string[] }[];
  /** Career steps the document states ("Schaal 8 → Schaal 9 (Operationeel Expert)"). */
  careerEdges: string[];
  facts: number;
  tables: number;
  /** e.g. "no level found", "no competency found", "title taken from the file name". */
  warnings: string[];
  /** The salary tables the document holds: system, date, levels, steps and range of each. */
  salaryTables?: SalaryTableSummary[];
};

export type Inventory = {
  documents: DocumentSummary[];
  skipped: { file: string; reason: string }[];
  /** ISO time the loaded index was built. */
  builtAt?: string;
};

/** A whole section, for a citation pop-up that shows more than the quote. */
export type SectionText = { source: string; title: string; system: string; section: string; text: string };

/** A request for an interview kit: a role (title as the documents name it), optionally some of its competencies. */
export type InterviewKitRequest = { role: string; competencies?: string[]; language?: Language };

/** The kit as a Word file, or why there is none (the message is in the request's language). */
export type InterviewKitResult =
  | { ok: true; role: string; fileName: string; docx: Buffer; competencies: number; questions: number }
  | { ok: false; problem: "unknown-role" | "no-competencies"; message: string };

/**
 * The one thing every door talks to. Doors turn their platform's message into
 * `ask(...)` and render the `Answer`; they hold no retrieval or answer logic.
 */
export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  status(): AssistantStatus;
  /** Re-reads the knowledge folder, swaps the index in when done; questions keep being answered meanwhile. */
  reindex(): Promise<ReindexSummary>;
  /** The loaded index's documents (those the audience may use; anonymous when absent) and skipped files. */
  inventory(audience?: Audience): Inventory;
  /** Example questions the audience's documents can answer (for welcome messages and suggested prompts). */
  examples(language: Language, audience?: Audience): string[];
  /** The full text of a cited section (`section` as in Citation.section), or undefined (also when the audience may not see it). */
  section(source: string, section: string, audience?: Audience): SectionText | undefined;
  /** An interview kit for a role as a .docx, from the audience's sets (optional: door test doubles need not make one). */
  interviewKit?(request: InterviewKitRequest, audience?: Audience): Promise<InterviewKitResult>;
}
