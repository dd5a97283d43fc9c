import type { SectionKind } from "../domain/document.js";
import { fold } from "../text/normalize.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";

/**
 * A query ready for the hybrid search. The asker's own words count fully; the
 * Dutch names of competencies they asked for in other words ("negotiating" →
 * onderhandelen) count fully too; vocabulary relatives count for less, so a
 * broad synonym group cannot outvote the asker's own words.
 */
export type PreparedQuery = {
  /** The question plus translated competency names: full weight. */
  query: string;
  /** Looser synonyms from the vocabulary: low weight. */
  synonyms: string[];
  /** Section kinds the query asks for ("toetsvragen" → interview-questions). */
  kinds: SectionKind[];
  /** Folded competency names the query asks for, by name or alias. */
  competencies: string[];
};

export function prepareQuery(text: string, vocabulary: Vocabulary, spelled = ""): PreparedQuery {
  // The corrected spelling finds synonyms for a mistyped word too; the query itself stays as asked.
  const both = `${text} ${spelled}`;
  const folded = fold(both);
  const competencies = vocabulary.competenciesNamed(both).map((entry) => fold(entry.name));
  const translated = competencies.filter((name) => !folded.includes(name));
  const own = new Set([...folded.split(/\s+/), ...translated]);
  const synonyms = vocabulary.relatives(both).filter((word) => !own.has(word));
  return { query: translated.length ? `${text} ${translated.join(" ")}` : text, synonyms, kinds: [...vocabulary.askedKinds(text)], competencies };
}
