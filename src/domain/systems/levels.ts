import type { LevelRef } from "../document.js";
import { fold } from "../../text/normalize.js";

export type LevelStatement = { word: string; code: string };

/** A value that is only a code ("8", "C1", "45"), as in a "Salarisschaal | 8" table row. */
export function bareCode(value: string): string | undefined {
  const text = value
    .trim()
    .replace(/\s*\(.*\)\s*$/, "")
    .replace(/\.$/, "");
  return /^[A-Za-z]?\d{1,4}[a-c]?(?:\s?[-/]\s?[A-Za-z]?\d{1,4}[a-c]?)?$|^[A-N]$/.test(text) ? text.replace(/\s+/g, "").toUpperCase() : undefined;
}

/** A level a question names: the word it used (if any) and the code. */
export type LevelMention = { word?: string; code: string };

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
