import type { CompetencyFact } from "../../ingest/model.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { fold } from "../../text/normalize.js";
import type { Understanding } from "../understand/understand.js";

/** Competency facts with this name (or a name containing it: "Sterke klantgerichtheid"), richest first, preferred sources first. */
export function competencyFacts(kb: KnowledgeBase, name: string, u: Understanding, rank: (fact: CompetencyFact) => number): CompetencyFact[] {
  const key = fold(name);
  const preferred = new Set(u.previousSources);
  return kb.competencies
    .filter((fact) => fold(fact.name) === key || fold(fact.name).includes(key) || key.includes(fold(fact.name)))
    .filter((fact) => !u.system || fold(kb.document(fact.source)?.system ?? "") === fold(u.system))
    .sort((a, b) => Number(preferred.has(b.source)) - Number(preferred.has(a.source)) || rank(b) - rank(a));
}

export function inferredNote(fact: CompetencyFact, language: "nl" | "en"): string {
  if (!fact.nameInferred) return "";
  const opening = fact.description.split(/[.,]/)[0];
  return language === "en"
    ? `\n\n_The document does not name this competency; the name is inferred from its description ("${opening}…")._`
    : `\n\n_Het document noemt deze competentie niet bij naam; de naam is afgeleid uit de omschrijving ("${opening}…")._`;
}
