import type { Logger } from "../logger.js";
import type { KnowledgeBase } from "../search/knowledgeBase.js";
import type { Answer } from "./answer.js";
import { say, tidyMarkdown, type Draft } from "./compose/draft.js";
import { LocalConversationStore } from "../state/localConversationStore.js";
import type { ConversationMemory, Turn } from "./memory.js";
import { answerOffline } from "./offlineAnswerer.js";
import type { AskOptions, Assistant, AssistantStatus, Inventory, ReindexSummary, SectionText } from "./port.js";
import { detectLanguage } from "./understand/language.js";
import { QUESTION_WORDS } from "./understand/questionWords.js";
import { isFollowUp, resolveFollowUp, understand, type Understanding } from "./understand/understand.js";

/**
 * Answers with a language model when one is configured. Returns undefined to
 * fall back to the offline answer (the model failed, or its answer did not
 * hold up against the documents).
 */
export interface GeneratedAnswerer {
  answer(u: Understanding, kb: KnowledgeBase, offline: Draft, options: AskOptions, outcome?: GenerationOutcome): Promise<Draft | undefined>;
}

/** Filled in by the generated answerer: why it gave no answer, when the user should know. */
export type GenerationOutcome = { modelUnavailable?: boolean };

export type AssistantOptions = {
  logger: Logger;
  maxQuestionChars: number;
  memory?: ConversationMemory;
  llm?: GeneratedAnswerer;
  reindex: () => Promise<{ summary: ReindexSummary; kb: KnowledgeBase }>;
  logMessageBodies?: boolean;
};

/** The facade every door calls: input checks, conversation memory, offline or generated answer. */
export class FunctiewijzerAssistant implements Assistant {
  private readonly memory: ConversationMemory;

  constructor(
    private kb: KnowledgeBase,
    private readonly options: AssistantOptions,
  ) {
    this.memory = options.memory ?? new LocalConversationStore<Turn>();
  }

  status(): AssistantStatus {
    return {
      ready: true,
      documents: this.kb.documents.length,
      chunks: this.kb.chunks.length,
      mode: this.options.llm ? "llm" : "offline",
      builtAt: this.kb.manifest.builtAt,
    };
  }

  inventory(): Inventory {
    const kb = this.kb;
    return {
      documents: kb.documents.map((doc) => {
        const levels = [...new Set([...doc.jobLevels.map((l) => l.label), ...kb.levelsOf(doc.source).map((l) => l.label)])];
        const competencies = kb.competenciesOf(doc.source).length;
        const warnings = [
          ...(levels.length ? [] : ["no level found"]),
          ...(competencies ? [] : ["no competency found"]),
          ...(doc.titleInferred ? ["title taken from the file name"] : []),
        ];
        return { source: doc.source, title: doc.title, system: doc.system, levels, competencies, facts: 0, tables: 0, warnings };
      }),
      skipped: kb.manifest.skipped,
      builtAt: kb.manifest.builtAt,
    };
  }

  section(source: string, section: string): SectionText | undefined {
    const doc = this.kb.document(source);
    if (!doc) return undefined;
    const parts = this.kb.chunksOf(source).filter((chunk) => chunk.path.join(" › ") === section);
    if (!parts.length) return undefined;
    return { source, title: doc.title, system: doc.system, section, text: parts.map((chunk) => chunk.text).join("\n\n") };
  }

  async reindex(): Promise<ReindexSummary> {
    const { summary, kb } = await this.options.reindex();
    this.kb = kb; // questions in flight keep the index they started with
    return summary;
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const text = (question ?? "").trim();
    const draft = this.checkInput(text) ?? (await this.answer(text, options));
    const answer: Answer = {
      question: text,
      answer: tidyMarkdown(draft.answer),
      language: draft.language,
      intent: draft.intent,
      answered: draft.answered,
      mode: draft.mode,
      citations: draft.citations,
      followUps: draft.followUps,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    };
    this.options.logger.info(
      {
        channel: options.channel,
        intent: answer.intent,
        answered: answer.answered,
        mode: answer.mode,
        citations: answer.citations.length,
        latencyMs: answer.latencyMs,
        ...(this.options.logMessageBodies ? { question: text } : { questionChars: text.length }),
      },
      "answered",
    );
    return answer;
  }

  /** Empty, oversized or wordless input gets a polite answer without searching. */
  private checkInput(text: string): (Draft & Pick<Answer, "language" | "mode">) | undefined {
    const language = detectLanguage(text.slice(0, 500));
    const polite = (nl: string, en: string) => ({
      intent: "unknown" as const,
      answered: false,
      answer: say(language, nl, en),
      citations: [],
      followUps: [say(language, "Welke schalen staan in de documenten?", "Which scales are in the documents?"), say(language, "Welke competenties worden gevraagd?", "Which competencies are required?")],
      language,
      mode: "offline" as const,
    });
    if (!text) return polite("Stel gerust een vraag over functies, schalen, competenties of toetsvragen.", "Feel free to ask about jobs, scales, competencies or interview questions.");
    if (text.length > this.options.maxQuestionChars) {
      return polite(
        `Die vraag is te lang (${text.length} tekens; maximaal ${this.options.maxQuestionChars}). Wil je hem korter stellen?`,
        `That question is too long (${text.length} characters; at most ${this.options.maxQuestionChars}). Could you ask it more briefly?`,
      );
    }
    if (!/[\p{L}\p{N}]/u.test(text)) return polite("Ik begrijp die vraag niet. Stel je vraag in woorden, bijvoorbeeld over een schaal of een competentie.", "I don't understand that question. Please ask in words, for example about a scale or a competency.");
    return undefined;
  }

  private async answer(text: string, options: AskOptions): Promise<Draft & Pick<Answer, "language" | "mode">> {
    const kb = this.kb;
    let u = understand(text, kb);
    const previous = await this.memory.last(options.conversation);
    if (previous && isFollowUp(u)) {
      const { known } = kb.coverage(u.question, QUESTION_WORDS);
      u = resolveFollowUp(u, previous, known > 0 && !u.competency && !u.levels.length);
    }
    const offline = await answerOffline(u, kb);
    let draft: Draft & { mode: Answer["mode"] } = { ...offline, mode: "offline" };
    if (this.options.llm && offline.intent !== "unknown") {
      const outcome: GenerationOutcome = {};
      const generated = await this.options.llm.answer(u, kb, offline, options, outcome).catch((error: unknown) => {
        this.options.logger.warn({ err: (error as Error).message }, "generated answer failed; using the offline answer");
        outcome.modelUnavailable = true;
        return undefined;
      });
      if (generated) draft = { ...generated, mode: "llm" };
      // The model was down: say so briefly, so nobody wonders why the answer reads differently.
      else if (outcome.modelUnavailable) draft = { ...draft, answer: `${draft.answer}\n\n${say(u.language, "_(Het taalmodel is nu niet bereikbaar; dit is het antwoord zonder taalmodel.)_", "_(The language model is unavailable right now; this is the answer without it.)_")}` };
    }
    await this.memory.remember(options.conversation, { ...u, intent: draft.intent === "unknown" ? u.intent : draft.intent, sources: [...new Set(draft.citations.map((c) => c.source))] });
    return { ...draft, language: u.language };
  }
}
