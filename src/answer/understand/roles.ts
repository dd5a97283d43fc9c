import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import { perIndex } from "../../search/perIndex.js";

type TitleTable = {
  stemsBySource: Map<string, Set<string>>;
  sourcesByStem: Map<string, string[]>;
  titleStems: Map<string, Set<string>>;
  /** Documents per stem of any title word, short ones included. */
  sourcesByTitleStem: Map<string, string[]>;
};
/** Appends in place: copying the list per entry would be quadratic for a word in every title. */
function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Title stems per document and documents per title stem (glossary role aliases count as title words), once per index. */
const titleTable = perIndex((kb): TitleTable => {
  const roleNames = kb.vocabulary.roles.map((role) => ({ name: words(role.name).join(" "), aliases: role.aliases }));
  // Many documents share a title ("Beleidsmedewerker"): each distinct title is split and stemmed once.
  const byTitle = new Map<string, { all: Set<string>; distinctive: Set<string> }>();
  const stemsOf = (title: string) => {
    let known = byTitle.get(title);
    if (!known) {
      const titleWords = words(title);
      const joined = titleWords.join(" ");
      const aliases = roleNames.filter((role) => joined.includes(role.name)).flatMap((role) => role.aliases);
      known = {
        // Every word of the title, short ones ("HR") included: for telling a namesake from the role itself.
        all: new Set(titleWords.map(stem)),
        distinctive: new Set([...titleWords, ...words(aliases.join(" "))].filter((w) => w.length >= 3).map(stem)),
      };
      byTitle.set(title, known);
    }
    return known;
  };
  const stemsBySource = new Map<string, Set<string>>();
  const titleStems = new Map<string, Set<string>>();
  const sourcesByTitleStem = new Map<string, string[]>();
  const sourcesByStem = new Map<string, string[]>();
  for (const doc of kb.documents) {
    const { all, distinctive } = stemsOf(doc.title);
    titleStems.set(doc.source, all);
    for (const s of all) pushTo(sourcesByTitleStem, s, doc.source);
    stemsBySource.set(doc.source, distinctive);
    for (const s of distinctive) pushTo(sourcesByStem, s, doc.source);
  }
  return { stemsBySource, sourcesByStem, titleStems, sourcesByTitleStem };
});

/**
 * Documents whose title the question names ("de accountmanager", "a
 * verpleegkundige", "servicedeskmedewerker"), best first: the question's stems
 * after compound splitting and typo correction, against title stems. A title
 * counts when the question has its distinctive words: more than the generic
 * words every title shares.
 */
export function namedRoles(question: string, kb: KnowledgeBase): string[] {
  const { stemsBySource, sourcesByStem } = titleTable(kb);
  // A multi-word synonym phrase ("client relationship manager") names its group as a whole: its words do not
  // also count one by one ("manager" must not point at every manager), and its group counts fully.
  const phrases = kb.vocabulary.synonymsIn(question).filter(({ matched }) => matched.some((m) => m.includes(" ")));
  const inPhrase = new Set(phrases.flatMap(({ matched }) => matched.filter((m) => m.includes(" ")).flatMap((m) => kb.queryTerms(m))));
  const own = new Set(kb.queryTerms(question).filter((s) => s.length >= 3 && !kb.vocabulary.questionWords.has(s) && !inPhrase.has(s)));
  // Only the group's one-word names ("accountmanager"): a multi-word member's words ("manager") name no role alone.
  const phraseRelated = new Set(
    phrases
      // The whole word's stem, not its compound parts ("accountmanager", not "manager").
      .flatMap(({ group }) => group.filter((r) => !r.includes(" ")).flatMap((r) => words(r).map(stem)))
      .filter((s) => s.length >= 3 && !kb.vocabulary.questionWords.has(s)),
  );
  for (const s of phraseRelated) own.add(s);
  // Other relatives ("nurse" → verpleegkundige) count at half weight: the asker's own words name a role best.
  const related = new Set(
    kb.vocabulary
      .relatives(question)
      .flatMap((r) => kb.queryTerms(r))
      .filter((s) => s.length >= 3 && !own.has(s) && !inPhrase.has(s) && !kb.vocabulary.questionWords.has(s)),
  );
  const asked = new Set([...own, ...related]);
  if (!asked.size) return [];
  const documents = kb.documents.length;
  const score = new Map<string, number>();
  for (const s of asked) {
    const sources = sourcesByStem.get(s);
    // A word in most titles ("ICT" in an ICT corpus) names no particular document.
    if (!sources || (documents > 1 && sources.length > Math.max(1, documents / 2))) continue;
    // A word in every other title ("medewerker") says little; a rare one says much.
    const weight = Math.log(1 + documents / sources.length) * (own.has(s) ? 1 : 0.5);
    for (const source of sources) score.set(source, (score.get(source) ?? 0) + weight);
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  return ranked.filter(([source, s]) => s >= best * 0.75 && s > Math.log(2) * 0.99 && (stemsBySource.get(source)?.size ?? 0) > 0).map(([source]) => source);
}

/**
 * A role the question names by its own capitalised name ("de Expert HR") that
 * only partly matches the document it resembles, with the other words nowhere
 * in that document: the documents do not describe that role, and its nearest
 * neighbour must not silently stand in for it.
 */
export function partlyNamedRole(question: string, roles: string[], kb: KnowledgeBase): string | undefined {
  for (const run of question.matchAll(/(?:\p{Lu}[\p{L}'-]*)(?:\s+\p{Lu}[\p{L}'-]*)+/gu)) {
    const runWords = words(run[0]).filter((w) => !kb.vocabulary.questionWords.has(stem(w)) && kb.vocabulary.systems.askedFor(w).length === 0);
    if (runWords.length < 2) continue;
    // The document the name resembles: the named role, else the title sharing most of its words.
    const { titleStems, sourcesByTitleStem } = titleTable(kb);
    // Count shared words through the stem index: no question scans every title.
    const shared = new Map<string, number>();
    for (const w of new Set(runWords)) for (const s of sourcesByTitleStem.get(stem(w)) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    const source = roles[0] ?? [...shared].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!source) continue;
    const title = titleStems.get(source)!;
    const text = ` ${kb
      .chunksOf(source)
      .map((c) => words(`${c.title} ${c.text}`).join(" "))
      .join(" ")} `;
    const matched = runWords.filter((w) => title.has(stem(w)));
    const foreign = runWords.filter((w) => !title.has(stem(w)) && !text.includes(` ${w} `));
    if (matched.length && foreign.length) return run[0];
  }
  return undefined;
}
