import type { CompetencyFact, DocumentMeta } from "../../domain/document.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { fold } from "../../text/normalize.js";
import { rolesNamedInPart } from "../salary/rolesInQuestion.js";
import { understand } from "../understand/understand.js";

/** What an interview kit holds: the role and, per competency, what the documents say, with the sources. */
export type KitContent = {
  role: string;
  source: string;
  system: string;
  levels: string[];
  competencies: {
    name: string;
    description: string;
    indicators: string[];
    questions: string[];
    sources: { source: string; section: string }[];
  }[];
};

export type KitProblem = { problem: "unknown-role" | "no-competencies"; role: string };

/** The role a request names: a title the documents have (folded), else the question reader's role, else a partial title match. */
export function findRole(kb: KnowledgeBase, role: string): DocumentMeta | undefined {
  const wanted = fold(role).trim();
  const exact = kb.documents.find((doc) => fold(doc.title) === wanted || doc.source === role);
  if (exact) return exact;
  const source = understand(role, kb).roles[0] ?? rolesNamedInPart(role, kb, 1)[0];
  return source ? kb.document(source) : undefined;
}

/**
 * The kit's content for a role: its competencies with their description,
 * behaviour indicators and toetsvragen as the document states them (quotes
 * stay in the document's language), narrowed to the named competencies when
 * a list is given.
 */
export function kitContent(kb: KnowledgeBase, role: string, competencies?: readonly string[]): KitContent | KitProblem {
  const doc = findRole(kb, role);
  if (!doc) return { problem: "unknown-role", role };
  const wanted = competencies?.length ? new Set(competencies.map((c) => fold(c).trim())) : undefined;
  const facts = kb
    .competenciesOf(doc.source)
    .filter((fact) => !wanted || wanted.has(fold(fact.name)) || kb.competencyNames.keysOf(fact.name).some((key) => wanted.has(key)));
  if (!facts.length) return { problem: "no-competencies", role: doc.title };
  return {
    role: doc.title,
    source: doc.source,
    system: kb.vocabulary.systems.system(doc.system).name,
    levels: doc.jobLevels.map((level) => level.label),
    competencies: facts.map((fact) => competencyOf(fact)),
  };
}

function competencyOf(fact: CompetencyFact): KitContent["competencies"][number] {
  const base = [...fact.path];
  const sources = [{ source: fact.source, section: base.join(" › ") || fact.name }];
  return { name: fact.name, description: fact.description, indicators: fact.indicators, questions: fact.questions, sources };
}
