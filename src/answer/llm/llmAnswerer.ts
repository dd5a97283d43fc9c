import type { ChatOpenAI } from "@langchain/openai";
import type { Logger } from "../../platform/logger.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import type { GeneratedAnswerer, GenerationOutcome } from "../assistant.js";
import type { Draft } from "../compose/draft.js";
import { RETRIEVAL_K, type RetrievalOnce, retrieve } from "../offlineAnswerer.js";
import type { AskOptions } from "../../domain/assistant.js";
import type { Understanding } from "../understand/plan.js";
import { AnswerStream } from "./answerStream.js";
import { complete, createChatModel } from "./chatModel.js";
import { draftCitations } from "./citations.js";
import { CircuitBreaker, DEFAULT_CIRCUIT, type CircuitOptions } from "./circuitBreaker.js";
import { DEFAULT_CONTEXT_LIMITS, selectContext, type ContextBlock, type ContextLimits } from "./context.js";
import { deadlineSignal, type Deadline } from "./deadline.js";
import { buildMessages, type PromptMessages } from "./messages.js";
import { parseModelOutput } from "./output.js";
import { loadPrompts, type PromptSet } from "./prompts.js";
import { DEFAULT_RETRY, withRetry, type RetryOptions } from "./retry.js";
import { standaloneQuestion } from "./standalone.js";
import { unsupportedContacts } from "./contacts.js";
import { statesSomething } from "./substance.js";
import { checkCitations, unsupportedFacts } from "./verify.js";

export type LlmAnswererOptions = {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  /** Budget for the whole generated answer: retrieval, every attempt and backoff. */
  timeoutMs: number;
  logger: Logger;
  /** Loaded prompts, or the folder to load them from; prompts/ by default. */
  prompts?: PromptSet | string;
  retry?: Partial<RetryOptions>;
  circuit?: Partial<CircuitOptions>;
  context?: Partial<ContextLimits>;
  temperature?: number;
  maxTokens?: number;
  /** How many hits to retrieve before the context is trimmed. */
  searchK?: number;
};

/** Why a generated answer was not used; logged, never shown. */
type Rejection = { reason: string; [detail: string]: unknown };

/**
 * Generated answers as a retrieval chain: the offline answer's intent and
 * citations, plus a search with the standalone question, become numbered
 * context blocks; the model answers from them and cites block numbers; the
 * answer is used only if its citations and facts check out against the
 * blocks. Anything else returns undefined and the offline answer stands.
 */
export class LlmAnswerer implements GeneratedAnswerer {
  readonly breaker: CircuitBreaker;
  private readonly prompts: PromptSet;
  private readonly retry: RetryOptions;
  private readonly limits: ContextLimits;

  constructor(
    private readonly model: ChatOpenAI,
    private readonly options: LlmAnswererOptions,
  ) {
    this.prompts = typeof options.prompts === "object" ? options.prompts : loadPrompts(options.prompts);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.limits = { ...DEFAULT_CONTEXT_LIMITS, ...options.context };
    this.breaker = new CircuitBreaker({ ...DEFAULT_CIRCUIT, ...options.circuit });
  }

  private get logger(): Logger {
    return this.options.logger;
  }

  async answer(
    u: Understanding,
    kb: KnowledgeBase,
    offline: Draft,
    options: AskOptions,
    outcome: GenerationOutcome = {},
    retrieval?: RetrievalOnce,
  ): Promise<Draft | undefined> {
    // Open circuit: the offline answer at once, without retrieval or waiting.
    if (this.breaker.state === "open") {
      this.logger.debug("model circuit open; using the offline answer");
      outcome.modelUnavailable = true;
      return undefined;
    }
    const deadline = deadlineSignal(this.options.timeoutMs, options.signal);
    try {
      const question = standaloneQuestion(u, this.prompts);
      // The offline answer's retrieval, unless this answerer was set to keep another number of hits.
      const searchK = this.options.searchK ?? RETRIEVAL_K;
      const { hits } = await (retrieval && searchK === RETRIEVAL_K ? retrieval() : retrieve(u, kb, searchK));
      const blocks = selectContext(kb, offline, hits, this.limits);
      if (!blocks.length) return this.reject({ reason: "no context" });
      const prompt = buildMessages(this.prompts, { intent: offline.intent, language: u.language, question: question.prompt, blocks });
      const text = await this.call(prompt, deadline, options);
      if (text === undefined) {
        outcome.modelUnavailable = !options.signal?.aborted;
        return undefined;
      }
      return this.verify(text, blocks, offline, u, kb);
    } catch (error) {
      return this.reject({ reason: "failed", err: (error as Error).message });
    } finally {
      deadline.dispose();
    }
  }

  /** The model's reply, through the circuit breaker and retries; undefined when it failed. */
  private async call(prompt: PromptMessages, deadline: Deadline, options: AskOptions): Promise<string | undefined> {
    if (!this.breaker.tryAcquire()) {
      this.logger.debug("model circuit open; using the offline answer");
      return undefined;
    }
    let streamed = false;
    const stream = options.onToken ? new AnswerStream((delta) => ((streamed = true), options.onToken!(delta))) : undefined;
    try {
      const text = await withRetry(
        () => complete(this.model, prompt, deadline.signal, stream && ((delta) => stream.push(delta))),
        this.retry,
        deadline.signal,
        {
          // Text the user already saw must not be streamed a second time.
          canRetry: () => !streamed,
          onFailure: (error, info) =>
            this.logger.warn({ err: (error as Error).message, ...info }, info.willRetry ? "model call failed; retrying" : "model call failed"),
        },
      );
      stream?.end();
      this.breaker.onSuccess();
      return text;
    } catch (error) {
      // A user who left tells us nothing about the model's health.
      if (options.signal?.aborted && !deadline.timedOut()) this.breaker.release();
      else this.breaker.onFailure();
      this.reject({ reason: deadline.timedOut() ? "timeout" : "model unavailable", err: (error as Error).message, circuit: this.breaker.state });
      return undefined;
    }
  }

  /** Accepts the reply only if it parses, cites blocks we sent, and states no fact those blocks lack. */
  private verify(text: string, blocks: ContextBlock[], offline: Draft, u: Understanding, kb: KnowledgeBase): Draft | undefined {
    const parsed = parseModelOutput(text);
    if (!parsed.ok) return this.reject({ reason: "unparseable output", detail: parsed.reason });
    // Not answered: the offline answerer's own refusal (or its partial answer) is the better reply.
    if (!parsed.value.answered) return this.reject({ reason: "model did not answer" });
    const { kept, dropped } = checkCitations(parsed.value.citations, blocks);
    if (dropped.length) this.logger.warn({ dropped, context: blocks.length }, "model cited context blocks that do not exist; dropped");
    if (!kept.length) return this.reject({ reason: "no valid citation" });
    const missing = unsupportedFacts(parsed.value.answer, kept);
    if (missing.length) return this.reject({ reason: "facts not in the cited context", missing });
    // A fact about the role asked for comes from that role's own document, not from another one that talks about it.
    const own = ownDocumentBlocks(u, kept, kb);
    if (own && unsupportedFacts(parsed.value.answer, own).length)
      return this.reject({ reason: "facts about the role not in its own document", missing: unsupportedFacts(parsed.value.answer, own) });
    const contacts = unsupportedContacts(parsed.value.answer, kept);
    if (contacts.length) return this.reject({ reason: "links, addresses or phone numbers not in the cited context", count: contacts.length });
    if (!statesSomething(parsed.value.answer, u.question, kept, kb.vocabulary)) return this.reject({ reason: "states nothing the sources say" });
    const { answer, citations } = draftCitations(parsed.value.answer, kept);
    return { intent: offline.intent, answered: true, answer, citations, followUps: offline.followUps };
  }

  private reject(rejection: Rejection): undefined {
    this.logger.warn(rejection, "generated answer not used; using the offline answer");
    return undefined;
  }
}

/** Most roles a question names for "its own document" to apply; more is a catalogue-like question. */
const MAX_NAMED_ROLES = 3;

/** The cited blocks from the documents of the roles the question names; undefined when it names none (or many). */
function ownDocumentBlocks(u: Understanding, cited: ContextBlock[], kb: KnowledgeBase): ContextBlock[] | undefined {
  if (!u.roles.length || u.roles.length > MAX_NAMED_ROLES) return undefined;
  const named = new Set(u.roles);
  // A role's amounts stand in its own system's salary table, not in its profile: those rows count as its own.
  const systems = new Set(u.roles.map((source) => kb.document(source)?.system));
  const ownTable = (block: ContextBlock) => kb.document(block.chunk.source)?.kind === "salary-table" && systems.has(block.chunk.system);
  return cited.filter((block) => named.has(block.chunk.source) || ownTable(block));
}

/** For the server, the CLI and the eval: a generated answerer over an OpenAI-compatible endpoint. */
export function createLlmAnswerer(options: LlmAnswererOptions): LlmAnswerer {
  return new LlmAnswerer(createChatModel(options), options);
}
