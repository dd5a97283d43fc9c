import { COMPETENCY_LEXICON } from "../../domain/competencyLexicon.js";
import type { CompetencyFact, DocumentMeta } from "../../ingest/model.js";
import { fold } from "../../text/normalize.js";
import { allowedTypos, editDistance } from "../../text/fuzzy.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";

/** A level the question names: "schaal 6", "scale7", "niveau C1", "functieklasse 15/16". */
export type LevelMention = { kind: "scale" | "niveau" | "klasse"; value: string };

export function findLevels(question: string): LevelMention[] {
  const text = fold(question).replace(/([a-z])(\d)/g, "$1 $2");
  const found: LevelMention[] = [];
  const add = (mention: LevelMention) => {
    if (!found.some((m) => m.kind === mention.kind && m.value === mention.value)) found.push(mention);
  };
  for (const m of text.matchAll(/\b(?:functieklasse|klasse|fk)\s*(\d{1,2}(?:\/\d{1,2})?)/g)) add({ kind: "klasse", value: m[1]! });
  for (const m of text.matchAll(/\b(?:niveau|level|graad)\s*([a-e]\s?[1-5]|[a-e])\b/g)) add({ kind: "niveau", value: m[1]!.replace(/\s/, "").toUpperCase() });
  for (const m of text.matchAll(/\b(?:salarisschaal|loonschaal|schaal|scale|barema|schalen|scales)\s*(\d{1,2})(?:\s*(?:naar|to|tot|en|and|-|→|>)\s*(\d{1,2}))?/g)) {
    add({ kind: "scale", value: String(Number(m[1])) });
    if (m[2]) add({ kind: "scale", value: String(Number(m[2])) });
  }
  // "van 6 naar 7" / "from 6 to 7" without the word schaal, once a scale was named or implied.
  const range = /\b(?:van|from)\s+(\d{1,2})\s+(?:naar|to|tot)\s+(\d{1,2})\b/.exec(text);
  if (range) {
    add({ kind: "scale", value: String(Number(range[1])) });
    add({ kind: "scale", value: String(Number(range[2])) });
  }
  const andFor = /^(?:en|and)\s+(?:voor\s+|for\s+|to\s+|naar\s+)?(\d{1,2})\b/.exec(text.trim());
  if (andFor && !found.length) add({ kind: "scale", value: String(Number(andFor[1])) });
  return found;
}

/** Names a competency the question is about: a competency in the index, or a known alias of one. */
type CompetencyNames = { names: string[]; candidates: { name: string; forms: string[] }[] };
const competencyNames = new WeakMap<CompetencyFact[], CompetencyNames>();

/** The names to look for, computed once per index (there may be tens of thousands of facts). */
function namesOf(known: CompetencyFact[]): CompetencyNames {
  let cached = competencyNames.get(known);
  if (!cached) {
    const names = [...new Set(known.map((c) => c.name))];
    // Longest names first, so "schriftelijke uitdrukkingsvaardigheid" beats a shorter overlap.
    const candidates = [
      ...names.map((name) => ({ name, forms: [fold(name)] })),
      ...COMPETENCY_LEXICON.map((entry) => ({ name: entry.name, forms: [fold(entry.name), ...entry.aliases] })),
    ].sort((a, b) => b.name.length - a.name.length);
    competencyNames.set(known, (cached = { names, candidates }));
  }
  return cached;
}

export function findCompetency(question: string, known: CompetencyFact[]): string | undefined {
  const folded = ` ${words(question).join(" ")} `;
  const questionWords = words(question);
  const { names, candidates } = namesOf(known);
  for (const { name, forms } of candidates) {
    for (const form of forms) {
      if (folded.includes(` ${form} `)) return canonical(name, names);
    }
  }
  // Typos and inflections: compare stems, then allow a typo or two in long words.
  for (const { name, forms } of candidates) {
    for (const form of forms) {
      const formWords = form.split(" ");
      const last = formWords[formWords.length - 1]!;
      if (formWords.length > 1 && !formWords.slice(0, -1).every((w) => questionWords.includes(w))) continue;
      for (const word of questionWords) {
        if (word.length < 5) continue;
        if (stem(word) === stem(last) || editDistance(word, last, allowedTypos(last)) <= allowedTypos(last)) return canonical(name, names);
      }
    }
  }
  return undefined;
}

/** Maps a lexicon name onto the name the documents use ("Klantgerichtheid" → "Sterke klantgerichtheid" if that is all there is). */
function canonical(name: string, names: string[]): string {
  const key = fold(name);
  return names.find((n) => fold(n) === key) ?? names.find((n) => fold(n).includes(key)) ?? name;
}

/** "in het Rijk", "UFO", "Vlaamse overheid", "provincie": narrows to a classification system. */
const systemsOf = new WeakMap<DocumentMeta[], string[]>();

export function findSystem(question: string, documents: DocumentMeta[]): string | undefined {
  const folded = fold(question);
  let systems = systemsOf.get(documents);
  if (!systems) systemsOf.set(documents, (systems = [...new Set(documents.map((d) => d.system))]));
  const hints: [RegExp, RegExp][] = [
    [/\brijk\b|rijksoverheid|central government/, /rijk/i],
    [/\bufo\b|universit/, /ufo/i],
    [/vlaamse overheid|flemish government|functieklasse/, /vlaamse overheid/i],
    [/provinci|lokale bestu|gemeente|province|local government/, /lokale|provinc/i],
  ];
  for (const [question, system] of hints) {
    if (question.test(folded)) return systems.find((s) => system.test(s));
  }
  return undefined;
}
