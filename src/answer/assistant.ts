import type { Logger } from "../platform/logger.js";
import { summarise } from "../ingest/report.js";
import type { KnowledgeBase } from "../search/knowledgeBase.js";
import type { Answer, Citation, Language } from "../domain/answer.js";
import { say, tidyMarkdown, type Draft } from "./compose/draft.js";
import { exampleQuestions } from "./intents/help/compose.js";
import { withCitationMarkers } from "./compose/markers.js";
import { LocalConversationStore } from "../state/localConversationStore.js";
import type { ConversationMemory, Turn } from "./memory.js";
import { answerOffline, type RetrievalOnce, retrievalOnce } from "./offlineAnswerer.js";
import { makeInterviewKit } from "./interviewKit/makeInterviewKit.js";
import type {
  AskOptions,
  Assistant,
  AssistantStatus,
  InterviewKitRequest,
  InterviewKitResult,
  Inventory,
  ReindexSummary,
  SectionText,
} from "../domain/assistant.js";
import { isFollowUp, pickedSuggestion, resolveFollowUp } from "./understand/conversation.js";
import type { QueryPlan, Understanding } from "./understand/plan.js";
import { understand } from "./understand/understand.js";

/**
 * Answers with a language model when one is configured. Returns undefined to
 * fall back to the offline answer (the model failed, or its answer did not
 * hold up against the documents).
 */
export interface GeneratedAnswerer {
  answer(
    u: Understanding,
    kb: KnowledgeBase,
    offline: Draft,
    options: AskOptions,
    outcome?: GenerationOutcome,
    /** The question's retrieval, shared with the offline answer so the question is searched (and embedded) once. */
    retrieval?: RetrievalOnce,
  ): Promise<Draft | undefined>;
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
      chunks: this.kb.chunkCount,
      mode: this.options.llm ? "llm" : "offline",
      builtAt: this.kb.manifest.builtAt,
    };
  }

  inventory(): Inventory {
    const kb = this.kb;
    return {
      documents: kb.allDocuments.map((meta) => summarise({ meta, competencies: kb.competenciesOf(meta.source), levels: kb.levelsOf(meta.source) })),
      skipped: kb.manifest.skipped,
      builtAt: kb.manifest.builtAt,
    };
  }

  examples(language: Language): string[] {
    return exampleQuestions(this.kb, language);
  }

  section(source: string, section: string): SectionText | undefined {
    const doc = this.kb.document(source);
    if (!doc) return undefined;
    const parts = this.kb.chunksOf(source).filter((chunk) => chunk.path.join(" › ") === section);
    if (!parts.length) return undefined;
    return { source, title: doc.title, system: doc.system, section, text: parts.map((chunk) => chunk.text).join("\n\n") };
  }

  async interviewKit(request: InterviewKitRequest): Promise<InterviewKitResult> {
    return makeInterviewKit(this.kb, request);
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
    const citations = this.withTitles(draft.citations);
    const answer: Answer = {
      question: text,
      answer: tidyMarkdown(withCitationMarkers(draft.answer, citations)),
      language: draft.language,
      intent: draft.intent,
      answered: draft.answered,
      mode: draft.mode,
      citations,
      followUps: draft.followUps,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      ...(draft.expansions?.length ? { expansions: draft.expansions } : {}),
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

  /** Citations carry the document's title and system, for chips and pop-ups. */
  private withTitles(citations: Citation[]): Citation[] {
    return citations.map((c) => {
      const doc = this.kb.document(c.source);
      return doc ? { ...c, title: doc.title, system: this.kb.vocabulary.systems.system(doc.system).name } : c;
    });
  }

  /** Empty, oversized or wordless input gets a polite answer without searching. */
  private checkInput(text: string): (Draft & Pick<Answer, "language" | "mode">) | undefined {
    const language = this.kb.vocabulary.language(text.slice(0, 500));
    const polite = (nl: string, en: string) => ({
      intent: "unknown" as const,
      answered: false,
      answer: say(language, nl, en),
      citations: [],
      followUps: [
        say(language, "Welke schalen staan in de documenten?", "Which scales are in the documents?"),
        say(language, "Welke competenties worden gevraagd?", "Which competencies are required?"),
      ],
      language,
      mode: "offline" as const,
    });
    if (!text)
      return polite(
        "Stel gerust een vraag over functies, schalen, competenties of toetsvragen.",
        "Feel free to ask about jobs, scales, competencies or interview questions.",
      );
    if (text.length > this.options.maxQuestionChars) {
      return polite(
        `Die vraag is te lang (${text.length} tekens; maximaal ${this.options.maxQuestionChars}). Wil je hem korter stellen?`,
        `That question is too long (${text.length} characters; at most ${this.options.maxQuestionChars}). Could you ask it more briefly?`,
      );
    }
    if (!/[\p{L}\p{N}]/u.test(text))
      return polite(
        "Ik begrijp die vraag niet. Stel je vraag in woorden, bijvoorbeeld over een schaal of een competentie.",
        "I don't understand that question. Please ask in words, for example about a scale or a competency.",
      );
    return undefined;
  }

  private async answer(asked: string, options: AskOptions): Promise<Draft & Pick<Answer, "language" | "mode">> {
    const kb = this.kb;
    const previous = await this.memory.last(options.conversation);
    // "2" picks the second suggestion of the previous answer, in every door that numbers them.
    const picked = pickedSuggestion(asked);
    const text = picked && previous?.followUps[picked - 1] ? previous.followUps[picked - 1]! : asked;
    let plan = understand(text, kb);
    if (plan.conversational === "reset") {
      // A fresh turn with nothing to follow up on: what came before no longer counts.
      await this.memory.remember(options.conversation, { plan, intent: "help", answered: true, sources: [], citations: [], followUps: [], expansions: [] });
      return {
        ...this.conversationDraft(
          plan,
          say(
            plan.language,
            "Prima, we beginnen een nieuw gesprek. Waar kan ik je mee helpen?",
            "Fine, let's start a new conversation. What can I help you with?",
          ),
          [],
        ),
        intent: "help",
      };
    }
    if (previous && plan.conversational === "more") return await this.more(plan, previous, options);
    if (previous && plan.conversational === "why") return await this.why(plan, previous, options);
    if (previous && !plan.conversational && isFollowUp(plan, kb)) plan = resolveFollowUp(plan, previous, kb);

    const retrieval = retrievalOnce(plan, kb);
    const offline = await answerOffline(plan, kb, retrieval);
    let draft: Draft & { mode: Answer["mode"] } = { ...offline, mode: "offline" };
    if (this.options.llm && offline.intent !== "unknown" && offline.intent !== "help") {
      const outcome: GenerationOutcome = {};
      const generated = await this.options.llm.answer(plan, kb, offline, options, outcome, retrieval).catch((error: unknown) => {
        this.options.logger.warn({ err: (error as Error).message }, "generated answer failed; using the offline answer");
        outcome.modelUnavailable = true;
        return undefined;
      });
      if (generated) draft = { ...generated, mode: "llm" };
      // The model was down: say so briefly, so nobody wonders why the answer reads differently.
      else if (outcome.modelUnavailable)
        draft = {
          ...draft,
          answer: `${draft.answer}\n\n${say(plan.language, "_(Het taalmodel is nu niet bereikbaar; dit is het antwoord zonder taalmodel.)_", "_(The language model is unavailable right now; this is the answer without it.)_")}`,
        };
    }
    await this.remember(options, plan, draft);
    return { ...draft, language: plan.language };
  }

  private async remember(options: AskOptions, plan: QueryPlan, draft: Draft, expansions = draft.expansions ?? []): Promise<void> {
    await this.memory.remember(options.conversation, {
      plan,
      intent: draft.intent === "unknown" ? plan.intent : draft.intent,
      answered: draft.answered,
      sources: [...new Set(draft.citations.map((c) => c.source))],
      citations: draft.citations,
      followUps: draft.followUps,
      expansions,
    });
  }

  private conversationDraft(
    plan: QueryPlan,
    answer: string,
    citations: Citation[],
    intent: Answer["intent"] = "general",
  ): Draft & Pick<Answer, "language" | "mode"> {
    return { intent, answered: true, answer, citations, followUps: [], language: plan.language, mode: "offline" };
  }

  /** "Meer": the rest of the list the previous answer cut short. */
  private async more(plan: QueryPlan, previous: Turn, options: AskOptions): Promise<Draft & Pick<Answer, "language" | "mode">> {
    const language = previous.plan.language;
    const [next, ...rest] = previous.expansions;
    const draft: Draft = next
      ? {
          intent: previous.intent,
          answered: true,
          answer: `${say(language, "Verder:", "Continued:")}\n\n${next.markdown}`,
          citations: previous.citations.slice(0, 2),
          followUps: previous.followUps,
        }
      : {
          intent: previous.intent,
          answered: true,
          answer: say(language, "Dat was alles wat de documenten hierover zeggen.", "That is everything the documents say about this."),
          citations: previous.citations.slice(0, 1),
          followUps: previous.followUps,
        };
    await this.memory.remember(options.conversation, { ...previous, expansions: rest });
    return { ...draft, language: language ?? plan.language, mode: "offline" };
  }

  /** "Waarom?": the evidence behind the previous answer, quoted. */
  private async why(_plan: QueryPlan, previous: Turn, options: AskOptions): Promise<Draft & Pick<Answer, "language" | "mode">> {
    const language = previous.plan.language;
    if (!previous.citations.length) {
      const answer = say(
        language,
        "Het vorige antwoord kon ik niet op de documenten baseren: ze beschrijven dat onderwerp niet. Daarom gaf ik geen antwoord in plaats van te gokken.",
        "I could not base the previous answer on the documents: they do not describe that topic. So I gave no answer rather than guess.",
      );
      return { intent: previous.intent, answered: true, answer, citations: [], followUps: previous.followUps, language, mode: "offline" };
    }
    const lines = previous.citations.map((c, i) => {
      const title = this.kb.document(c.source)?.title ?? c.source;
      return `${i + 1}. _${title}_ › ${c.section}${c.quote ? `: "${c.quote}"` : ""}`;
    });
    const answer = `${say(language, "Het vorige antwoord is gebaseerd op deze passages:", "The previous answer is based on these passages:")}\n\n${lines.join("\n")}`;
    await this.memory.remember(options.conversation, { ...previous });
    return { intent: previous.intent, answered: true, answer, citations: previous.citations, followUps: previous.followUps, language, mode: "offline" };
  }
}
