import type { CompetencyFact } from "../../ingest/model.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import type { QueryPlan } from "../understand/understand.js";

/**
 * Facts about one competency (by any of its names), the named or previous
 * documents first, then the richest; narrowed to a named system.
 */
export function competencyFacts(kb: KnowledgeBase, name: string, u: QueryPlan, rank: (fact: CompetencyFact) => number): CompetencyFact[] {
  const preferred = new Set([...u.roles, ...u.previousSources]);
  // Ranked once per fact, not once per comparison: a common competency has a fact in most documents.
  return kb.competencyNames
    .factsOf(name)
    .filter((fact) => !u.system || kb.document(fact.source)?.system === u.system)
    .map((fact) => ({ fact, preferred: preferred.has(fact.source) ? 1 : 0, rank: rank(fact) }))
    .sort((a, b) => b.preferred - a.preferred || b.rank - a.rank)
    .map(({ fact }) => fact);
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
