/**
 * The checkable facts of a text: numbers tied to their unit or level word
 * ("schaal 14", "functieklasse 14", "14 uur", "€ 3.000"), level codes ("C1")
 * and letter levels ("niveau D"). Full-width digits are folded (NFKC), number
 * words ("veertien", "twelve") and Roman numerals after a level word
 * ("schaal XIV") are read as numbers. One pass over the text and one over its
 * tokens, with bounded look-around: linear time on any input.
 */
import { complete, NumberWords, value } from "../../vocabulary/numberWords.js";
import { defaultVocabulary } from "../../vocabulary/load.js";
import { numberText } from "./numberText.js";

/** Units a number can be tied to; synonyms and English words map onto one. */
export type Unit =
  | "schaal"
  | "klasse"
  | "niveau"
  | "fwg"
  | "graad"
  | "rang"
  | "groep"
  | "categorie"
  | "trede"
  | "euro"
  | "uur"
  | "jaar"
  | "maand"
  | "week"
  | "dag"
  | "procent"
  | "punt";

export type NumberFact = { value: string; unit?: Unit };
export type Facts = { numbers: NumberFact[]; codes: Set<string>; letters: Set<string> };

/** Words before a number that name a level system; Roman numerals count after these. */
const LEVEL_WORDS: Record<string, Unit> = {
  schaal: "schaal",
  schalen: "schaal",
  salarisschaal: "schaal",
  loonschaal: "schaal",
  scale: "schaal",
  scales: "schaal",
  klasse: "klasse",
  klassen: "klasse",
  functieklasse: "klasse",
  functieklassen: "klasse",
  class: "klasse",
  niveau: "niveau",
  niveaus: "niveau",
  functieniveau: "niveau",
  level: "niveau",
  levels: "niveau",
  fwg: "fwg",
  graad: "graad",
  grade: "graad",
  rang: "rang",
  functiegroep: "groep",
  loongroep: "groep",
  groep: "groep",
  categorie: "categorie",
  category: "categorie",
  trede: "trede",
  treden: "trede",
  step: "trede",
};

/** Words after a number that give it a unit ("14 uur", "3.000 euro"). */
const UNIT_WORDS_AFTER: Record<string, Unit> = {
  uur: "uur",
  uren: "uur",
  u: "uur",
  hour: "uur",
  hours: "uur",
  jaar: "jaar",
  jaren: "jaar",
  year: "jaar",
  years: "jaar",
  maand: "maand",
  maanden: "maand",
  month: "maand",
  months: "maand",
  week: "week",
  weken: "week",
  weeks: "week",
  dag: "dag",
  dagen: "dag",
  day: "dag",
  days: "dag",
  euro: "euro",
  euros: "euro",
  eur: "euro",
  procent: "procent",
  percent: "procent",
  punt: "punt",
  punten: "punt",
  points: "punt",
};

/** Between a level word and its number: "Schaal: 6", "| Niveau | 2 |", "*Niveau:* 2". */
const GLUE = new Set([":", "|", "*", "_", "`", "(", "#", "=", '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e"]);
/** Between the numbers of a range or list: "schaal 10-11", "schaal 10 of 11", "6 t/m 8". */
const CONNECTOR_SYMBOLS = new Set(["-", "/", ",", "&", "+"]);
const CONNECTOR_WORDS = new Set(["en", "of", "tot", "met", "t", "m", "tm", "a", "and", "or", "to", "through"]);

type Token = {
  kind: "num" | "word" | "sym";
  text: string;
  /** A line break comes before this token: units never bind across lines. */
  newline: boolean;
  /** White space comes before this token. */
  space: boolean;
  /** A number written in words ("eenentwintig", "three thousand") or an ordinal ("veertiende", "14e"). */
  number?: { value: number; ordinal: boolean };
};

/**
 * Numbers ("3.000", "36,5"), words, white space, or any other single
 * character. The alternatives start with disjoint character classes and each
 * repetition is unambiguous, so the scan never backtracks.
 */
const TOKEN = /(\d+(?:[.,]\d+)*)|(\p{L}+)|(\s+)|([\s\S])/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let newline = false;
  let space = false;
  for (const [, num, word, white, other] of text.matchAll(TOKEN)) {
    if (white !== undefined) {
      space = true;
      if (white.includes("\n")) newline = true;
      continue;
    }
    tokens.push({ kind: num !== undefined ? "num" : word !== undefined ? "word" : "sym", text: (num ?? word ?? other)!, newline, space });
    newline = false;
    space = false;
  }
  return tokens;
}

let numberWords: NumberWords | undefined;
/** The language pack's number words, read once (loading the packs reads and hashes their files). */
function packNumberWords(): NumberWords {
  numberWords ??= defaultVocabulary().numbers;
  return numberWords;
}

/**
 * Number words joined into one token with their value ("drie duizend" →
 * 3000, "twenty - one" → 21, "veertiende" → 14th), and digit ordinals ("14e",
 * "21st") marked. Each token is looked at a bounded number of times.
 */
function withNumberWords(tokens: Token[], words: NumberWords): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.kind === "num") {
      // "14e", "14th": an ending written against the digits.
      if (next && next.kind === "word" && !next.space && words.isDigitOrdinalEnding(next.text)) {
        out.push({ ...token, number: { value: Number(canonicalNumber(token.text)), ordinal: true } });
        i++;
      } else out.push(token);
      continue;
    }
    let state = token.kind === "word" ? words.continueWith(NumberWords.start(), token.text) : undefined;
    if (!state) {
      out.push(token);
      continue;
    }
    // The longest run of words that still reads as one number: "three thousand five hundred", "twenty-one".
    let end = i;
    let best = complete(state) ? { end: i, state } : undefined;
    for (let j = i + 1; j < tokens.length && j - end <= 2; j++) {
      const candidate = tokens[j]!;
      if (candidate.newline) break;
      if (candidate.kind === "sym" && candidate.text === "-" && !candidate.space) continue;
      if (candidate.kind !== "word") break;
      const fed = words.continueWith(state, candidate.text);
      if (!fed) break;
      state = fed;
      end = j;
      if (complete(fed)) best = { end: j, state: fed };
    }
    if (!best) {
      out.push(token);
      continue;
    }
    out.push({
      ...token,
      text: tokens
        .slice(i, best.end + 1)
        .map((t) => t.text)
        .join(" "),
      number: { value: value(best.state), ordinal: best.state.ordinal },
    });
    i = best.end;
  }
  return out;
}

/** "3.000" and "3,000" → "3000"; "36,5" → "36.5"; "09" → "9". */
export function canonicalNumber(raw: string): string {
  const groups = raw.split(/[.,]/);
  const last = groups[groups.length - 1]!;
  const thousands = groups.length > 1 && groups.slice(1).every((g) => g.length === 3);
  const integer = (thousands ? groups.join("") : groups.slice(0, -1).join("") || last).replace(/^0+(?=\d)/, "");
  if (thousands || groups.length === 1) return integer;
  const fraction = last.replace(/0+$/, "");
  return fraction ? `${integer}.${fraction}` : integer;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

/** A Roman numeral up to L (levels never go higher); undefined for anything else. */
export function romanValue(word: string): number | undefined {
  if (!word || word.length > 8 || ![...word].every((ch) => ch in ROMAN)) return undefined;
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const value = ROMAN[word[i]!]!;
    const next = ROMAN[word[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return toRoman(total) === word ? total : undefined;
}

function toRoman(n: number): string {
  const parts: [number, string][] = [
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (const [value, letters] of parts) while (n >= value) (out += letters), (n -= value);
  return out;
}

/** The unit a word (or symbol) before a number gives it: "schaal", "salarisschaal", "€", "EUR". */
function unitBefore(token: Token): Unit | undefined {
  if (token.kind === "sym") return token.text === "€" ? "euro" : undefined;
  if (token.kind !== "word") return undefined;
  const word = token.text;
  if (word === "eur" || word === "euro") return "euro";
  if (LEVEL_WORDS[word]) return LEVEL_WORDS[word];
  // Compounds: "salarisschaal", "loonklasse", "functieniveaus".
  if (word.endsWith("schaal") || word.endsWith("schalen")) return "schaal";
  if (word.endsWith("klasse") || word.endsWith("klassen")) return "klasse";
  if (word.endsWith("niveau") || word.endsWith("niveaus")) return "niveau";
  return undefined;
}

function unitAfter(token: Token | undefined): Unit | undefined {
  if (!token || token.newline) return undefined;
  if (token.kind === "sym") return token.text === "%" ? "procent" : token.text === "€" ? "euro" : undefined;
  return token.kind === "word" ? UNIT_WORDS_AFTER[token.text] : undefined;
}

const isLevelUnit = (unit: Unit | undefined) => unit !== undefined && unit !== "euro";
const isConnector = (token: Token | undefined) =>
  token !== undefined &&
  !token.newline &&
  (token.kind === "sym" ? CONNECTOR_SYMBOLS.has(token.text) : token.kind === "word" && CONNECTOR_WORDS.has(token.text));

/** The unit word before token `i`, skipping glue such as ":" or "*" on the same line. */
function prefixUnit(tokens: Token[], i: number): Unit | undefined {
  if (tokens[i]!.newline) return undefined;
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= 3; j--, skipped++) {
    const token = tokens[j]!;
    if (token.kind === "sym" && GLUE.has(token.text)) {
      if (token.newline) return undefined;
      continue;
    }
    return unitBefore(token);
  }
  return undefined;
}

/** Letter+digit level codes ("C1", "niveau B 2"): the code, or undefined. */
function levelCode(tokens: Token[], i: number): string | undefined {
  const letter = tokens[i]!;
  const digit = tokens[i + 1];
  if (letter.kind !== "word" || !/^[a-e]$/.test(letter.text) || digit?.kind !== "num" || !/^[1-5]$/.test(digit.text) || digit.newline) return undefined;
  // "C1" written together always; "B 2" only right after a level word.
  if (digit.space && !isLevelUnit(prefixUnit(tokens, i))) return undefined;
  const after = tokens[i + 2];
  if (after && !after.space && (after.kind === "word" || after.kind === "num")) return undefined;
  return `${letter.text.toUpperCase()}${digit.text}`;
}

/** Reads the checkable facts of a text. */
export function extractFacts(raw: string): Facts {
  const tokens = withNumberWords(tokenize(numberText(raw)), packNumberWords());
  const codes = new Set<string>();
  const letters = new Set<string>();
  /** Per token: its numeric value when it is (or may be) a number, and its unit once bound. */
  const value: (string | undefined)[] = new Array(tokens.length);
  const unit: (Unit | undefined)[] = new Array(tokens.length);
  const isFact: boolean[] = new Array(tokens.length).fill(false);
  const consumed: boolean[] = new Array(tokens.length).fill(false);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (consumed[i]) continue;
    const code = levelCode(tokens, i);
    if (code) {
      codes.add(code);
      consumed[i + 1] = true;
      continue;
    }
    if (token.kind === "num") {
      value[i] = canonicalNumber(token.text);
      isFact[i] = true;
    } else if (token.number) {
      value[i] = String(token.number.value);
    }
    // Letter levels: "niveau C", "graad B" (not followed by a digit: that is a code).
    if (token.kind === "word" && /^[a-e]$/.test(token.text) && isLevelUnit(prefixUnit(tokens, i))) {
      const next = tokens[i + 1];
      if (!(next?.kind === "num" && !next.newline)) letters.add(token.text.toUpperCase());
    }
  }

  // Units before: "schaal 14", "€ 3.000", "schaal XIV", "schaal 10 of 11".
  for (let i = 0; i < tokens.length; i++) {
    if (consumed[i] || unit[i]) continue;
    const before = prefixUnit(tokens, i);
    if (!before) continue;
    const bind = (j: number): boolean => {
      const token = tokens[j]!;
      if (consumed[j]) return false;
      let v = value[j];
      if (v === undefined && token.kind === "word" && isLevelUnit(before)) {
        const roman = romanValue(token.text);
        if (roman !== undefined) v = String(roman);
      }
      if (v === undefined) return false;
      value[j] = v;
      unit[j] = before;
      isFact[j] = true;
      return true;
    };
    if (!bind(i)) continue;
    // A list or range after a level word shares it: "schalen 10, 11 en 12".
    let j = i;
    while (isLevelUnit(before) && isConnector(tokens[j + 1])) {
      let k = j + 1;
      while (isConnector(tokens[k]) && k - j <= 3) k++;
      // A number with its own unit after it is not part of the list: "FWG 45, 36 uur".
      if (k >= tokens.length || tokens[k]!.newline || unitAfter(tokens[k + 1]) || !bind(k)) break;
      j = k;
    }
    i = j;
  }

  // An ordinal before a level word: "de veertiende salarisschaal", "the 14th scale".
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (consumed[i] || unit[i] || !tokens[i]!.number?.ordinal) continue;
    const next = tokens[i + 1]!;
    const level = next.newline ? undefined : unitBefore(next);
    if (!isLevelUnit(level)) continue;
    unit[i] = level;
    isFact[i] = true;
  }

  // Units after: "14 uur", "3.000 euro", "drie tot vijf jaar" (the range shares the unit).
  for (let i = 0; i < tokens.length; i++) {
    if (consumed[i] || unit[i] || value[i] === undefined) continue;
    const after = unitAfter(tokens[i + 1]);
    if (!after) continue;
    unit[i] = after;
    isFact[i] = true;
    // Walk back over "drie tot", "36 -": each step binds a new number, so the walk is linear overall.
    for (let j = i; !tokens[j]!.newline; ) {
      let k = j - 1;
      let connectors = 0;
      while (k >= 0 && connectors < 3 && isConnector(tokens[k])) (k -= 1), (connectors += 1);
      if (connectors === 0 || k < 0 || tokens[k + 1]!.newline || consumed[k] || unit[k] || value[k] === undefined) break;
      unit[k] = after;
      isFact[k] = true;
      j = k;
    }
  }

  const numbers: NumberFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isFact[i] && !consumed[i]) numbers.push(unit[i] ? { value: value[i]!, unit: unit[i] } : { value: value[i]! });
  }
  return { numbers, codes, letters };
}
