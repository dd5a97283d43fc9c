import { expandQuery } from "../domain/thesaurus.js";
import type { KnowledgeBase } from "../search/knowledgeBase.js";
import { fold } from "../text/normalize.js";
import { QUESTION_WORDS } from "./understand/questionWords.js";
import { composeCareer } from "./compose/career.js";
import { composeCompetency } from "./compose/competency.js";
import { say, type ComposeContext, type Draft } from "./compose/draft.js";
import { composeGeneral } from "./compose/general.js";
import { composeInterview } from "./compose/interview.js";
import { refuse } from "./compose/refusal.js";
import { composeScale } from "./compose/scale.js";
import type { Understanding } from "./understand/understand.js";

/** How many of the best hits may show that the question's words occur together. */
const TOGETHER_HITS = 5;

export type Retrieval = { hits: ComposeContext["hits"]; query: string };

/** The retrieval behind an answer; the LLM mode uses the same context. */
export async function retrieve(u: Understanding, kb: KnowledgeBase, k = 10): Promise<Retrieval> {
  const query = [u.searchText, u.competency ?? "", ...expandQuery(fold(`${u.searchText} ${kb.spelled(u.searchText)}`))].join(" ");
  const filter = u.system ? { system: u.system } : undefined;
  return { query, hits: await kb.search(query, { k, filter, expand: false }) };
}

/**
 * Exact, cited answers without a language model: facts extracted at ingest
 * (levels, competencies, their lists) and retrieved sections, composed per
 * intent. When the documents do not support an answer, it says so.
 */
export async function answerOffline(u: Understanding, kb: KnowledgeBase, retrieval?: Retrieval): Promise<Draft> {
  const lang = u.language;
  if (u.asksSalaryAmount && !kb.mentionsEuroAmounts) {
    return refuse(u, kb, say(lang, "De documenten noemen geen salarisbedragen, vergoedingen of andere arbeidsvoorwaarden in euro's; alleen schalen en niveaus.", "The documents contain no salary amounts, allowances or other terms of employment in euros; only scales and levels."));
  }
  if (u.asksConversion) {
    const systems = [...new Set(kb.documents.map((d) => d.system))].join("; ");
    return refuse(u, kb, say(lang, `De documenten rekenen functiewaarderingssystemen niet in elkaar om (${systems}). Ik kan per systeem de niveaus geven, maar geen omrekening.`, `The documents do not convert one job classification system into another (${systems}). I can give the levels per system, but no conversion.`));
  }
  const { topic, known } = kb.coverage(u.question, QUESTION_WORDS);
  const anchored = Boolean(u.competency) || u.levels.length > 0 || u.followUp;
  if ((topic > 0 && known / topic < 0.5 && !anchored) || (topic === 0 && !anchored && u.intent === "general")) {
    return refuse(u, kb, say(lang, "Daarover vind ik niets in de documenten.", "I can't find anything about that in the documents."));
  }
  const { hits } = retrieval ?? (await retrieve(u, kb));
  // The question's words must meet in one section, not be scattered over the corpus.
  const candidates = [...hits.slice(0, TOGETHER_HITS).map((hit) => hit.chunk.id), ...kb.lexicalSearch(u.question, TOGETHER_HITS).map((s) => s.id)];
  const together = Math.max(0, ...candidates.map((id) => kb.chunkCoverage(id, u.question, QUESTION_WORDS)));
  if (!hits.length || (!anchored && together < 0.5)) return refuse(u, kb, say(lang, "Daarover vind ik niets in de documenten.", "I can't find anything about that in the documents."));
  const context: ComposeContext = { u, kb, hits };
  switch (u.intent) {
    case "scale":
      return composeScale(context);
    case "career":
      return composeCareer(context);
    case "interview":
      return composeInterview(context);
    case "competency":
    case "development":
      return composeCompetency(context, u.intent);
    default:
      return composeGeneral(context);
  }
}
