import { createHash } from "node:crypto";
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
import { ANONYMOUS, audienceKey, setOfSource, type Audience } from "../domain/audience.js";
import { describeAudience, scopeFor, SetScope } from "../domain/accessPolicy.js";
import type { AccessState } from "../ingest/accessFile.js";

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
  /** The access policy as it is now (knowledge/access.yaml, re-read when it changes); every set is public without it. */
  access?: () => AccessState;
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

  /**
   * The sets an audience may use under the policy as it is now. An invalid
   * access.yaml fails closed: the root set only, except for admins and the
   * command line's `--audience all`.
   */
  private scopeOf(audience: Audience = ANONYMOUS): SetScope {
    const state = this.options.access?.() ?? {};
    if (state.error) return audience.door === "admin" || (audience.door === "cli" && audience.sets === "all") ? SetScope.ALL : SetScope.ROOT_ONLY;
    return scopeFor(state.policy, audience);
  }

  /** The index as one audience sees it. */
  private kbFor(audience: Audience | undefined): KnowledgeBase {
    return this.kb.within(this.scopeOf(audience));
  }

  inventory(audience?: Audience): Inventory {
    const kb = this.kbFor(audience);
    const policy = this.options.access?.();
    return {
      documents: kb.allDocuments.map((meta) => ({
        ...summarise({ meta, competencies: kb.competenciesOf(meta.source), levels: kb.levelsOf(meta.source) }),
        audience: policy?.error ? `admins only (${policy.error})` : describeAudience(policy?.policy, setOfSource(meta.source)),
      })),
      // Skipped files name paths of every set: only an admin sees them all.
      skipped: kb.scope.all ? kb.manifest.skipped : kb.manifest.skipped.filter((s) => kb.shows(s.file)),
      builtAt: kb.manifest.builtAt,
    };
  }

  examples(language: Language, audience?: Audience): string[] {
    return exampleQuestions(this.kbFor(audience), language);
  }

  section(source: string, section: string, audience?: Audience): SectionText | undefined {
    const kb = this.kbFor(audience);
    const doc = kb.document(source);
    if (!doc) return undefined;
    const parts = kb.chunksOf(source).filter((chunk) => chunk.path.join(" › ") === section);
    if (!parts.length) return undefined;
    return { source, title: doc.title, system: doc.system, section, text: parts.map((chunk) => chunk.text).join("\n\n") };
  }

  async interviewKit(request: InterviewKitRequest, audience?: Audience): Promise<InterviewKitResult> {
    // Only the roles and competencies of the sets the asker may use.
    return makeInterviewKit(this.kbFor(audience), request);
  }

  async reindex(): Promise<ReindexSummary> {
    const { summary, kb } = await this.options.reindex();
    this.kb = kb; // questions in flight keep the index they started with
    return summary;
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const text = (question ?? "").trim();
    const kb = this.kbFor(options.audience);
    // A conversation belongs to its audience and to the sets it could see: another audience presenting the same
    // id (or the same asker after the policy changed) starts afresh and never gets "meer"/"waarom" of what went before.
    // Hashed: the key stays short and names no user or group in a shared store.
    const owner = createHash("sha256")
      .update(`${audienceKey(options.audience ?? ANONYMOUS)}\u0001${kb.scope.key}`)
      .digest("hex")
      .slice(0, 24);
    const scoped: AskOptions = { ...options, conversation: options.conversation === undefined ? undefined : `${owner}:${options.conversation}` };
    const draft = this.checkInput(kb, text) ?? (await this.answer(kb, text, scoped));
    const citations = this.withTitles(kb, draft.citations);
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
  private withTitles(kb: KnowledgeBase, citations: Citation[]): Citation[] {
    return citations.map((c) => {
      const doc = kb.document(c.source);
      return doc ? { ...c, title: doc.title, system: kb.vocabulary.systems.system(doc.system).name } : c;
    });
  }

  /** Empty, oversized or wordless input gets a polite answer without searching. */
  private checkInput(kb: KnowledgeBase, text: string): (Draft & Pick<Answer, "language" | "mode">) | undefined {
    const language = kb.vocabulary.language(text.slice(0, 500));
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

  private async answer(kb: KnowledgeBase, asked: string, options: AskOptions): Promise<Draft & Pick<Answer, "language" | "mode">> {
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
    if (previous && plan.conversational === "why") return await this.why(kb, previous, options);
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
  private async why(kb: KnowledgeBase, previous: Turn, options: AskOptions): Promise<Draft & Pick<Answer, "language" | "mode">> {
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
      const title = kb.document(c.source)?.title ?? c.source;
      return `${i + 1}. _${title}_ › ${c.section}${c.quote ? `: "${c.quote}"` : ""}`;
    });
    const answer = `${say(language, "Het vorige antwoord is gebaseerd op deze passages:", "The previous answer is based on these passages:")}\n\n${lines.join("\n")}`;
    await this.memory.remember(options.conversation, { ...previous });
    return { intent: previous.intent, answered: true, answer, citations: previous.citations, followUps: previous.followUps, language, mode: "offline" };
  }
}
