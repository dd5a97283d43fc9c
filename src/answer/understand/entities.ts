import { fold } from "../../text/normalize.js";
import { allowedTypos, editDistance } from "../../text/fuzzy.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { PhraseMatcher } from "../../text/phraseMatcher.js";
import { perIndex } from "../../search/perIndex.js";

export { findLevelMentions, type LevelMention } from "../../domain/systems/levels.js";

/** A recognised competency: the name to show, how it was found, and a close second when there is one. */
export type CompetencyMatch = { name: string; how: "name" | "spelling" | "everyday words" | "documents"; alternative?: string };

type NameTable = { matcher: PhraseMatcher<string>; lastWords: { key: string; words: string[] }[] };
/** Every name and alias of every competency the documents describe, built once per index. */
const nameTable = perIndex((kb): NameTable => {
  const index = kb.competencyNames;
  const entries: [string, string][] = [];
  for (const key of index.keys()) {
    entries.push([key, key]);
    for (const name of index.spellings(key)) entries.push([name, key]);
    const entry = kb.vocabulary.competencies.find((c) => fold(c.name) === key);
    for (const alias of entry?.aliases ?? []) entries.push([alias, key]);
  }
  return {
    matcher: new PhraseMatcher(entries),
    lastWords: [...new Map(entries.map(([phrase, key]) => [`${fold(phrase)}|${key}`, { key, words: words(phrase) }])).values()].filter(
      (e) => e.words.length > 0,
    ),
  };
});

/**
 * The competency a question is about, found against the corpus: its names
 * and aliases (longest first), then typos and inflections, then everyday
 * words that signal it (the vocabulary's cues, among competencies the
 * documents describe), then the documents' own competency texts.
 */
export function findCompetency(question: string, kb: KnowledgeBase, searchCompetencyTexts: boolean): CompetencyMatch | undefined {
  const index = kb.competencyNames;
  const table = nameTable(kb);
  const display = (key: string) => index.names.get(key) ?? key;
  const byName = table.matcher.matches(`${question} ${kb.spelled(question)}`).sort((a, b) => b.length - a.length || a.at - b.at);
  if (byName.length) {
    const keys = [...new Set(byName.map((m) => m.value))];
    return { name: display(keys[0]!), how: "name", alternative: keys[1] && display(keys[1]) };
  }
  // A competency the vocabulary knows by this name, but no document describes: named, so not guessed at.
  const unknown = kb.vocabulary.competenciesNamed(question)[0];
  if (unknown) return { name: unknown.name, how: "name" };
  // Typos and inflections: compare stems, then allow a typo or two in long words.
  const questionWords = words(question);
  for (const { key, words: nameWords } of table.lastWords) {
    const last = nameWords[nameWords.length - 1]!;
    if (last.length < 5) continue;
    if (nameWords.length > 1 && !nameWords.slice(0, -1).every((w) => questionWords.includes(w))) continue;
    for (const word of questionWords) {
      if (word.length < 5) continue;
      if (stem(word) === stem(last) || editDistance(word, last, allowedTypos(last)) <= allowedTypos(last)) return { name: display(key), how: "spelling" };
    }
  }
  if (!searchCompetencyTexts) return undefined;
  // Everyday words: "goed met klanten omgaan" signals klantgerichtheid (only in a question about competencies).
  const cues = [...kb.vocabulary.competencyCueScores(question)].filter(([entry]) => index.has(entry.name)).sort((a, b) => b[1] - a[1]);
  if (cues.length) {
    const [first, second] = cues;
    return {
      name: display(index.keysOf(first![0].name)[0]!),
      how: "everyday words",
      alternative: second && second[1] >= first![1] ? display(index.keysOf(second[0].name)[0]!) : undefined,
    };
  }
  // The documents' own descriptions, indicators and tips: the best competency section for the question's words.
  const hits = kb.lexicalSearch(question, 5, { kinds: ["competency", "interview-questions", "development-tips"] });
  const named = hits.map((h) => kb.chunk(h.id).competency).filter((c): c is string => Boolean(c));
  // Only a question with words of its own ("iemand die rustig blijft als het druk is"), not "welke competenties?".
  const content = kb.queryTerms(question).filter((t) => t.length >= 3 && !kb.vocabulary.questionWords.has(t));
  const { topic, known } = kb.coverage(question, kb.vocabulary.questionWords);
  if (!named.length || content.length < 2 || topic === 0 || known / topic < 0.5) return undefined;
  const keys = [...new Set(named.map((n) => index.keysOf(n)[0]!))];
  return { name: display(keys[0]!), how: "documents", alternative: keys[1] && display(keys[1]) };
}

/** The classification systems a question names ("bij het Rijk", "in de zorg"), among those in the index. */
export function findSystems(question: string, kb: KnowledgeBase): string[] {
  return kb.vocabulary.systems
    .askedFor(question)
    .map((s) => s.id)
    .filter((id) => kb.sourcesInSystem(id).length > 0);
}
