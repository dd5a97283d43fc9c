import type { KnowledgeBase, SearchHit } from "../search/knowledgeBase.js";
import type { PreparedQuery } from "../search/queryExpansion.js";
import { fold } from "../text/normalize.js";
import { say, type ComposeContext, type Draft } from "./compose/draft.js";
import { refuse } from "./compose/refusal.js";
import { intentById } from "./intents/registry.js";
import type { QueryPlan } from "./understand/plan.js";
import { perIndex } from "../search/perIndex.js";

/** How many of the best hits may show that the question's words occur together. */
const TOGETHER_HITS = 5;

/** What one search found: the fused hits, and the BM25 ranking among them (chunk ids, best first). */
export type Retrieval = { hits: SearchHit[]; lexical: number[]; query: PreparedQuery };

/**
 * The one retrieval behind every answer: the offline composers, the LLM
 * mode's context and both evals search with the plan's prepared query (own
 * words, the asked competency at full weight, weighted synonyms, kind hints).
 */
export async function retrieve(u: QueryPlan, kb: KnowledgeBase, k = RETRIEVAL_K): Promise<Retrieval> {
  const prepared = u.prepared;
  const competency = u.competency && !fold(prepared.query).includes(fold(u.competency)) ? ` ${u.competency}` : "";
  const query: PreparedQuery = {
    ...prepared,
    query: `${prepared.query}${competency}`,
    competencies: u.competency ? [...new Set([...prepared.competencies, ...kb.competencyNames.keysOf(u.competency)])] : prepared.competencies,
  };
  const filter = u.system ? { system: u.system } : undefined;
  return { query, ...(await kb.searchRanked(query, { k, filter })) };
}

/** How many hits one question's retrieval keeps: the offline composers and the LLM context both draw on them. */
export const RETRIEVAL_K = 10;

/** A question's one retrieval, run at most once however many answerers ask for it (the search embeds the question). */
export type RetrievalOnce = () => Promise<Retrieval>;

export function retrievalOnce(u: QueryPlan, kb: KnowledgeBase): RetrievalOnce {
  let pending: Promise<Retrieval> | undefined;
  return () => {
    pending ??= retrieve(u, kb);
    return pending;
  };
}

const evidenced = perIndex(() => new Map<string, boolean>());

/** Whether any document speaks to an out-of-scope topic after all (then it is answered from there). */
function documentsCover(kb: KnowledgeBase, topic: NonNullable<QueryPlan["outOfScope"]>): boolean {
  const cache = evidenced(kb);
  let covered = cache.get(topic.id);
  if (covered === undefined) {
    const entry = kb.vocabulary.outOfScope.find((t) => t.id === topic.id);
    const words = (entry?.evidence ?? []).map(fold);
    covered = words.length > 0 && kb.someChunkText((text) => words.some((w) => fold(text).includes(w)));
    cache.set(topic.id, covered);
  }
  return covered;
}

/**
 * Exact, cited answers without a language model: facts extracted at ingest
 * and retrieved sections, composed by the plan's intent. When the documents
 * do not support an answer, it says so, with the right reason.
 */
export async function answerOffline(u: QueryPlan, kb: KnowledgeBase, retrieval: RetrievalOnce = retrievalOnce(u, kb)): Promise<Draft> {
  const lang = u.language;
  // A conversion is only asked about levels or systems ("komt schaal 10 overeen met C1?").
  const applies = u.outOfScope && (u.outOfScope.id !== "conversion" || u.levels.length > 0 || u.systems.length > 0);
  if (u.outOfScope && applies && !documentsCover(kb, u.outOfScope)) return refuse(u, kb, say(lang, u.outOfScope.nl, u.outOfScope.en));
  const { hits, lexical } = await retrieval();
  if (u.unknownRole && !u.followUp) {
    const nearest = kb.document(u.roles[0]!)?.title ?? "";
    return refuse(
      u,
      kb,
      say(
        lang,
        `Ik vind geen functie "${u.unknownRole}" in de documenten; de dichtstbijzijnde is _${nearest}_.`,
        `I can't find a job "${u.unknownRole}" in the documents; the nearest is _${nearest}_.`,
      ),
      [],
      hits,
    );
  }
  const context: ComposeContext = { u, kb, hits };
  const intent = intentById(u.intent);
  if (u.intent === "help" || u.intent === "catalogue") return intent.compose(context);

  const { topic, known } = kb.coverage(u.question, kb.vocabulary.questionWords);
  // An explicit question about one of our topics ("which pay band…", "interview questions to test…") with some
  // words the documents know (directly or through the vocabulary) is looked up rather than refused outright.
  const explicitTopic = u.intentExplicit && u.intent !== "general" && known > 0 && known / Math.max(1, topic) >= 0.25;
  const anchored = Boolean(u.competency) || u.levels.length > 0 || u.followUp || u.roles.length > 0 || (u.workDescription && known > 0) || explicitTopic;
  const nothing = say(lang, "Daarover vind ik niets in de documenten.", "I can't find anything about that in the documents.");
  if ((topic > 0 && known / topic < 0.5 && !anchored) || (topic === 0 && !anchored && u.intent === "general")) return refuse(u, kb, nothing, [], hits);
  // The question's words must meet in one section, not be scattered over the corpus: among the best hits and
  // BM25's own best (from the same search pass; the sections where most of the words occur rank first there).
  const candidates = [...new Set([...hits.slice(0, TOGETHER_HITS).map((hit) => hit.chunk.id), ...lexical.slice(0, TOGETHER_HITS)])];
  const together = Math.max(0, ...candidates.map((id) => kb.chunkCoverage(id, u.question, kb.vocabulary.questionWords)));
  if (!hits.length || (!anchored && together < 0.5)) return refuse(u, kb, nothing, [], hits);
  return intent.compose(context);
}
