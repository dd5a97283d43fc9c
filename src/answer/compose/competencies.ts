import type { CompetencyFact } from "../../domain/document.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import type { QueryPlan } from "../understand/plan.js";
import { perIndex } from "../../search/perIndex.js";

/** A named order of a competency's facts, e.g. "with the most interview questions first". */
export type FactRanking = { id: string; rank: (fact: CompetencyFact) => number };

const ranked = perIndex(() => new Map<string, CompetencyFact[]>());

/**
 * Facts about one competency (by any of its names), the named or previous
 * documents first, then by the ranking; narrowed to a named system. The
 * ranked list is built once per index, competency and ranking: a common
 * competency has a fact in most documents, and sorting them per question
 * would grow with the corpus.
 */
export function competencyFacts(kb: KnowledgeBase, name: string, u: QueryPlan, ranking: FactRanking): CompetencyFact[] {
  const cache = ranked(kb);
  const key = `${kb.competencyNames.keysOf(name).join("|")}\u0000${ranking.id}`;
  let facts = cache.get(key);
  if (!facts) {
    facts = kb.competencyNames
      .factsOf(name)
      .map((fact) => ({ fact, rank: ranking.rank(fact) }))
      .sort((a, b) => b.rank - a.rank)
      .map(({ fact }) => fact);
    cache.set(key, facts);
  }
  if (u.system) facts = facts.filter((fact) => kb.document(fact.source)?.system === u.system);
  const preferred = new Set([...u.roles, ...u.previousSources]);
  if (!preferred.size) return facts;
  // The named documents' facts first, each group keeping the ranking's order.
  return [...facts.filter((fact) => preferred.has(fact.source)), ...facts.filter((fact) => !preferred.has(fact.source))];
}

export function inferredNote(fact: CompetencyFact, language: "nl" | "en"): string {
  if (!fact.nameInferred) return "";
  const opening = fact.description.split(/[.,]/)[0];
  return language === "en"
    ? `\n\n_The document does not name this competency; the name is inferred from its text ("${opening}…")._`
    : `\n\n_Het document noemt deze competentie niet bij naam; de naam is afgeleid uit de tekst ("${opening}…")._`;
}

/** When the question's wording was matched to a competency, say so, and offer the close second. */
export function recognitionNote(u: QueryPlan, shown: string): string {
  const match = u.competencyMatch;
  if (!match || match.how === "name" || match.how === "spelling") return "";
  const other = match.alternative && match.alternative !== shown ? match.alternative : undefined;
  return u.language === "en"
    ? `\n\n_I read your question as being about **${shown}**${other ? `; did you mean **${other}**?` : "."}_`
    : `\n\n_Ik lees je vraag als een vraag over **${shown}**${other ? `; bedoel je **${other}**?` : "."}_`;
}
