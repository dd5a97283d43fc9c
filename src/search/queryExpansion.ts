import { COMPETENCY_LEXICON } from "../domain/competencyLexicon.js";
import { expandQuery } from "../domain/thesaurus.js";
import { fold } from "../text/normalize.js";

const escape = (term: string) => term.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&");

/**
 * Widens a query with the Dutch words documents use for what people ask in
 * English or in other words ("interview questions" → toetsvragen, "negotiating"
 * → onderhandelen). The original words stay first; matching is unchanged
 * otherwise, so only text that is in the documents can be found.
 */
export type ExpandedQuery = {
  /** The query plus the Dutch names of competencies it asks for in other words: counts fully. */
  query: string;
  /** Looser synonyms from the thesaurus: count for less. */
  synonyms: string[];
  /** Competency names the query asks for, by name or alias (folded). */
  competencies: string[];
};

export function expandSearchQuery(text: string, spelled = ""): ExpandedQuery {
  // The corrected spelling finds synonyms for a mistyped word too; the query itself stays as asked.
  const folded = fold(`${text} ${spelled}`);
  const competencies = COMPETENCY_LEXICON.filter((entry) => [fold(entry.name), ...entry.aliases].some((name) => new RegExp(`\\b${escape(name)}\\b`).test(folded))).map((entry) => fold(entry.name));
  const translated = competencies.filter((name) => !folded.includes(name));
  const own = new Set([...folded.split(/\s+/), ...translated]);
  const synonyms = [...new Set(expandQuery(folded))].filter((word) => !own.has(word));
  return { query: translated.length ? `${text} ${translated.join(" ")}` : text, synonyms, competencies };
}
