import { fold } from "../text/normalize.js";
import type { NumberWordsPack } from "./schema.js";

/** One part of a number word: "een", "en", "twintig", "duizend", "derde". */
type Part = { kind: "word" | "multiplier" | "joiner" | "ordinal"; value: number };

/** Where a number being read stands: which part may come next ("vijf" may take "en", "vijfen" needs a tens word). */
type Segment = "start" | "unit" | "unitJoined" | "tens" | "done" | "multiplied" | "multipliedJoined";

/** A number read so far; `feed` returns the next state, or undefined when the part cannot follow. */
export type NumberState = { total: number; current: number; segment: Segment; ordinal: boolean; parts: number };

const START: NumberState = { total: 0, current: 0, segment: "start", ordinal: false, parts: 0 };
const isTens = (v: number) => v >= 20 && v <= 90 && v % 10 === 0;
const isUnit = (v: number) => v >= 1 && v <= 9;
/** Longer than any number word anyone writes: not worth reading. */
const MAX_WORD = 64;

function feed(state: NumberState, part: Part): NumberState | undefined {
  if (state.ordinal) return undefined;
  const next = { ...state, parts: state.parts + 1 };
  switch (part.kind) {
    case "joiner":
      if (state.segment === "unit") return { ...next, segment: "unitJoined" };
      if (state.segment === "multiplied") return { ...next, segment: "multipliedJoined" };
      return undefined;
    case "multiplier": {
      if (state.segment === "unitJoined" || state.segment === "multipliedJoined") return undefined;
      if (part.value === 100) {
        // "vijfhonderd", "honderd"; not a second hundred in one thousand ("driehonderd tweehonderd").
        if (state.current >= 100) return undefined;
        return { ...next, current: (state.current || 1) * 100, segment: "multiplied" };
      }
      return { ...next, total: state.total + (state.current || 1) * part.value, current: 0, segment: "multiplied" };
    }
    case "word":
    case "ordinal": {
      const v = part.value;
      let segment: Segment;
      if (state.segment === "start" || state.segment === "multiplied" || state.segment === "multipliedJoined")
        segment = isUnit(v) ? "unit" : isTens(v) ? "tens" : "done";
      else if (state.segment === "unitJoined" && isTens(v))
        segment = "done"; // "eenentwintig"
      else if (state.segment === "tens" && isUnit(v))
        segment = "done"; // "twenty-one"
      else return undefined;
      return { ...next, current: state.current + v, segment, ordinal: part.kind === "ordinal" };
    }
  }
}

/**
 * Number words as the language pack gives them, read in one pass: cardinals
 * and compounds ("eenentwintig", "drieduizendvijfhonderd", "twenty-one",
 * "three thousand"), ordinals ("veertiende", "twintigste", "fourteenth",
 * "derde") and digit ordinals ("14e", "21st"). A word is split into parts by
 * longest match (a part is at most a few letters long), so reading is linear
 * in the length of the text.
 */
export class NumberWords {
  private readonly parts = new Map<string, Part>();
  private readonly longest: number;
  private readonly articles: Set<string>;
  private readonly endings: [string, string][];
  private readonly digitEndings: Set<string>;

  constructor(pack: NumberWordsPack) {
    for (const [word, value] of Object.entries(pack.words)) this.parts.set(fold(word), { kind: "word", value });
    for (const [word, value] of Object.entries(pack.multipliers)) this.parts.set(fold(word), { kind: "multiplier", value });
    for (const word of pack.joiners) this.parts.set(fold(word), { kind: "joiner", value: 0 });
    for (const [word, value] of Object.entries(pack.ordinals)) this.parts.set(fold(word), { kind: "ordinal", value });
    this.longest = Math.max(0, ...[...this.parts.keys()].map((k) => k.length));
    this.articles = new Set(pack.articles.map(fold));
    // Longest ending first: "twentieth" is "twent" + "ieth" → "twenty", not "twentie" + "th".
    this.endings = Object.entries(pack.ordinalEndings)
      .map(([ending, replacement]): [string, string] => [fold(ending), fold(replacement)])
      .sort((a, b) => b[0].length - a[0].length);
    this.digitEndings = new Set(pack.digitOrdinalEndings.map(fold));
  }

  /** Cardinal number words, articles left out: for questions ("van zes naar zeven"). */
  cardinal(word: string): number | undefined {
    const folded = fold(word);
    if (this.articles.has(folded)) return undefined;
    const state = this.continueWith(START, folded);
    return state && !state.ordinal && complete(state) ? value(state) : undefined;
  }

  /** True when `word` right after digits makes them an ordinal: "14e", "14th". */
  isDigitOrdinalEnding(word: string): boolean {
    return this.digitEndings.has(fold(word));
  }

  /** True for a joiner between words of a number ("hundred and five"). */
  isJoiner(word: string): boolean {
    return this.parts.get(fold(word))?.kind === "joiner";
  }

  /** The state after reading `word` on from `state` (START for a new number), or undefined when `word` does not continue it. */
  continueWith(state: NumberState | undefined, word: string): NumberState | undefined {
    if (!state || !word || word.length > MAX_WORD) return undefined;
    const whole = this.readParts(state, word);
    if (whole) return whole;
    for (const [ending, replacement] of this.endings) {
      if (word.length <= ending.length || !word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length) + replacement;
      const read = this.readParts(state, stem);
      if (read && complete(read) && read.segment !== "unitJoined") return { ...read, ordinal: true };
    }
    return undefined;
  }

  /** Greedy longest-match split of one word into parts, fed into `state`. */
  private readParts(state: NumberState, word: string): NumberState | undefined {
    let at = 0;
    let current: NumberState | undefined = state;
    while (at < word.length && current) {
      let part: Part | undefined;
      let length = Math.min(this.longest, word.length - at);
      for (; length > 0; length--) {
        part = this.parts.get(word.slice(at, at + length));
        if (part) break;
      }
      if (!part) return undefined;
      current = feed(current, part);
      at += length;
    }
    return current;
  }

  static start(): NumberState {
    return START;
  }
}

/** A state a number may end in (not "vijfen…", not "hundred and"). */
export function complete(state: NumberState): boolean {
  return state.parts > 0 && state.segment !== "unitJoined" && state.segment !== "multipliedJoined" && state.segment !== "start";
}

export function value(state: NumberState): number {
  return state.total + state.current;
}
