import { terms } from "../../text/tokenize.js";
import type { Vocabulary } from "../../vocabulary/vocabulary.js";
import type { ContextBlock } from "./context.js";
import { extractFacts } from "./facts.js";

/** Content words an answer must take from its sources (beyond the question's own) when it states no number. */
export const MIN_GROUNDED_WORDS = 2;

/**
 * Does the answer say anything its sources say? Counted: the content words
 * of the answer that occur in the cited text, leaving out the question's
 * own words (echoing the question says nothing) and words that only point
 * at a source ("het antwoord staat in de eerste bron [1]; kijk daar"), plus
 * the numbers and level codes it states (checked against the sources separately).
 * An answer of pointers and echoes is not an answer, however well it cites.
 */
export function statesSomething(answer: string, question: string, cited: ContextBlock[], vocabulary: Vocabulary): boolean {
  const facts = extractFacts(answer);
  if (facts.numbers.some((fact) => fact.unit) || facts.codes.size || facts.letters.size) return true;
  const asked = new Set(terms(question));
  const source = new Set(cited.flatMap(({ chunk }) => terms(`${chunk.title}\n${chunk.text}`)));
  let grounded = 0;
  for (const term of new Set(terms(answer))) {
    if (asked.has(term) || vocabulary.sourcePointers.has(term) || vocabulary.questionWords.has(term) || /^\d+$/.test(term)) continue;
    if (source.has(term) && ++grounded >= MIN_GROUNDED_WORDS) return true;
  }
  return false;
}
