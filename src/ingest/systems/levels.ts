import type { LevelRef } from "../model.js";
import { fold } from "../../text/normalize.js";
import { GENERIC_SYSTEM, SYSTEMS, systemById } from "./registry.js";
import type { ClassificationSystem } from "./system.js";

/** Every level word of every system, longest first, for one alternation. */
const LEVEL_WORDS = [...new Set(SYSTEMS.flatMap((s) => s.levelWords))].sort((a, b) => b.length - a.length);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * "<level word> [:-] <code>": literal words, then bounded character classes, so
 * the scan is linear in the text. The code may be a range ("B1-B3", "8-10") or
 * a pair ("15/16").
 */
const STATEMENT = new RegExp(
  `(?<![\\p{L}\\p{N}])(${LEVEL_WORDS.map(escapeRegex).join("|")})(?:\\s*[:=-]\\s*|\\s+)([A-Za-z]?\\d{1,4}[a-c]?(?:\\s?[-/]\\s?[A-Za-z]?\\d{1,4}[a-c]?)?|[A-N](?![\\p{L}\\p{N}]))`,
  "giu",
);

/** Words that only name a level when their code has a letter or the label says so. */
const LOOSE_WORDS = new Set(["niveau", "level", "klasse", "punten"]);

export type LevelStatement = { word: string; code: string };

/** The level statements in a text: "schaal 8", "Salarisschaal: 8", "functieklasse 15/16", "FWG 45", "niveau B1-B3". */
export function levelStatements(text: string): LevelStatement[] {
  const out: LevelStatement[] = [];
  for (const match of text.slice(0, 20_000).matchAll(STATEMENT)) {
    const word = fold(match[1]!);
    const code = match[2]!.replace(/\s+/g, "").toUpperCase();
    // "niveau 2" under a competency is a proficiency, not a job level: digits alone need a clearer word.
    if (LOOSE_WORDS.has(word) && /^\d+$/.test(code)) continue;
    out.push({ word, code });
  }
  return out;
}

/** A value that is only a code ("8", "C1", "45"), as in a "Salarisschaal | 8" table row. */
export function bareCode(value: string): string | undefined {
  const text = value
    .trim()
    .replace(/\s*\(.*\)\s*$/, "")
    .replace(/\.$/, "");
  return /^[A-Za-z]?\d{1,4}[a-c]?(?:\s?[-/]\s?[A-Za-z]?\d{1,4}[a-c]?)?$|^[A-N]$/.test(text) ? text.replace(/\s+/g, "").toUpperCase() : undefined;
}

/** The system a statement belongs to: the document's own when it fits, else one whose words and codes fit. */
export function systemFor(statement: LevelStatement, documentSystem: ClassificationSystem): ClassificationSystem | undefined {
  const fits = (s: ClassificationSystem) => s.levelWords.includes(statement.word) && s.code.test(statement.code);
  if (fits(documentSystem)) return documentSystem;
  const specific = SYSTEMS.find((s) => s !== GENERIC_SYSTEM && fits(s) && s.levelWords[0] === statement.word);
  return specific ?? (fits(GENERIC_SYSTEM) ? GENERIC_SYSTEM : SYSTEMS.find(fits));
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A system-neutral level reference, with the legacy fields the Rijk/UFO/Flemish layouts fill in. */
export function makeLevel(system: ClassificationSystem, word: string, code: string): LevelRef {
  // "Salarisschaal 7" and "loonschaal 7" are "Schaal 7"; other words stay as the document wrote them.
  const labelWord = system.id === "generic" || system.id === "federaal" ? (/schaal$/.test(word) ? "schaal" : word) : system.levelWords[0]!;
  const label =
    system.id === "fwg" ? `FWG ${code}` : system.id === "hay" ? `HAY ${code} punten` : `${capital(labelWord === "fk" ? "functieklasse" : labelWord)} ${code}`;
  const level: LevelRef = { label, system: system.id, code, rank: system.rank(code) };
  if (/^\d{1,2}$/.test(code) && /schaal/.test(labelWord)) level.scale = Number(code);
  if (system.id === "vlaamse-overheid") level.klasse = code;
  if (system.id === "vlaams-lokaal" || system.id === "federaal") level.niveau = code;
  return level;
}

/** Fills in system, code and rank of a level a layout adapter recorded the old way. */
export function completeLevel(level: LevelRef, documentSystem: string): LevelRef {
  const system = systemById(level.system ?? documentSystem);
  const code = level.code ?? level.klasse ?? (level.scale !== undefined ? String(level.scale) : undefined) ?? level.niveau ?? level.label.replace(/^\D+/, "");
  return { ...level, system: system.id, code, rank: level.rank ?? level.scale ?? system.rank(code) };
}

/** A level a question names: the word it used (if any) and the code. */
export type LevelMention = { word?: string; code: string };

/**
 * Whether a level is the one a question names. Codes compare exactly; the
 * word must fit the level's system ("schaal 14" is not "functieklasse 14").
 */
export function sameLevel(level: LevelRef, mention: LevelMention): boolean {
  const code = level.code ?? "";
  const wanted = mention.code.toUpperCase();
  const codeMatches = code === wanted || (level.scale !== undefined && String(level.scale) === wanted) || code.split(/[-/]/).includes(wanted);
  if (!codeMatches) return false;
  if (!mention.word) return true;
  const system = systemById(level.system);
  const word = fold(mention.word);
  return (
    system.levelWords.includes(word) ||
    (GENERIC_SYSTEM.levelWords.includes(word) && system.id === "generic") ||
    QUESTION_LEVEL_WORDS[word]?.includes(system.id) === true
  );
}

/** How people name levels of each system in a question, beyond the systems' own words. */
const QUESTION_LEVEL_WORDS: Record<string, string[]> = {
  scale: ["ufo", "rijk", "hr21", "cao-woondiensten", "generic"],
  schaal: ["ufo", "rijk", "hr21", "cao-woondiensten", "generic", "vlaams-lokaal"],
  salarisschaal: ["ufo", "rijk", "hr21", "cao-woondiensten", "generic"],
  loonschaal: ["ufo", "rijk", "hr21", "cao-woondiensten", "generic", "vlaams-lokaal"],
  level: ["vlaams-lokaal", "federaal", "generic", "fwg", "vlaamse-overheid"],
  niveau: ["vlaams-lokaal", "federaal", "generic"],
  grade: ["vlaams-lokaal", "federaal", "generic", "rijk", "ufo", "hr21"],
  class: ["vlaamse-overheid", "federaal"],
  klasse: ["vlaamse-overheid", "federaal"],
  fk: ["vlaamse-overheid"],
  groep: ["fwg"],
  functiegroep: ["fwg"],
};

/** Levels of one document's system in order, lowest first. */
export function ordered<T extends LevelRef>(levels: T[]): T[] {
  return [...levels].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

/** The next heavier level of the same system, if the document has one. */
export function nextLevel<T extends LevelRef>(levels: T[], from: LevelRef): T | undefined {
  return ordered(levels.filter((l) => l.system === from.system && (l.rank ?? 0) > (from.rank ?? 0)))[0];
}

/** Level mentions in a question: "schaal 6", "scale7", "niveau C1", "FK 15/16", "van 6 naar 7". */
export function findLevelMentions(question: string): LevelMention[] {
  const text = fold(question).replace(/([a-z])(\d)/g, "$1 $2");
  const found: LevelMention[] = [];
  const add = (m: LevelMention) => {
    if (!found.some((f) => f.code === m.code && f.word === m.word)) found.push(m);
  };
  for (const m of text.matchAll(
    /(?<![a-z])(functieklasse|klasse|class|fk|fwg|functiegroep|groep)\s*(\d{1,2}(?:\/\d{1,2})?)(?:\s*(?:en|and|naar|to|tot|-|vs|versus)\s*(?:functieklasse\s*|klasse\s*|class\s*|fk\s*)?(\d{1,2}(?:\/\d{1,2})?))?/g,
  )) {
    add({ word: m[1]!, code: m[2]! });
    if (m[3]) add({ word: m[1]!, code: m[3] });
  }
  for (const m of text.matchAll(/(?<![a-z])(niveau|level|graad|grade|rang|klasse|class)\s*([a-e]\s?[1-5]?(?:\s?-\s?[a-e]?[1-5])?)(?![a-z0-9])/g))
    add({ word: m[1]!, code: m[2]!.replace(/\s/g, "").toUpperCase() });
  for (const m of text.matchAll(
    /(?<![a-z])(salarisschaal|loonschaal|schaal|scale|barema|schalen|scales|grade|grades|loongroep|salarisgroep|loontrede|salaristrede|trede|pay band|pay grade|salary band|salary grade|band)\s*(\d{1,2}|[a-n](?![a-z0-9]))(?:\s*(?:naar|to|tot|en|and|of|or|-|→|>|vs|versus)\s*(?:schaal\s*|scale\s*|grade\s*|loongroep\s*|salarisgroep\s*|trede\s*)?(\d{1,2}))?/g,
  )) {
    // Everyday words for a salary scale ("loongroep", "pay grade") ask for the scale.
    const word = /^(?:schalen|loongroep|salarisgroep|loontrede|salaristrede|trede)$/.test(m[1]!)
      ? "schaal"
      : /^(?:scales|grades?|pay band|pay grade|salary band|salary grade|band)$/.test(m[1]!)
        ? "scale"
        : m[1]!;
    add({ word, code: /\d/.test(m[2]!) ? String(Number(m[2])) : m[2]!.toUpperCase() });
    if (m[3]) add({ word, code: String(Number(m[3])) });
  }
  for (const m of text.matchAll(/(?<![a-z])(hay)\s*(?:-?\s*punten)?\s*(\d{2,4})/g)) add({ word: "hay-punten", code: m[2]! });
  // "van 6 naar 7" / "from 6 to 7" without the level word.
  const range = /(?<![a-z])(?:van|from|tussen|between)\s+(\d{1,2})\s+(?:naar|to|tot|en|and)\s+(\d{1,2})(?![0-9])/.exec(text);
  if (range) {
    add({ code: String(Number(range[1])) });
    add({ code: String(Number(range[2])) });
  }
  // "en naar 8?", "and for 9?": a bare level after a follow-up opener.
  const bare = /^(?:en|and|of|or)\s+(?:voor\s+|for\s+|to\s+|naar\s+|tot\s+)?([a-e]?\d{1,2}(?:\/\d{1,2})?)\s*\??$/.exec(text.trim());
  if (bare && !found.length) add({ code: bare[1]!.toUpperCase() });
  return found;
}
