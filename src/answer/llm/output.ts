import { z } from "zod";

/** What we need from the model, whatever shape it answered in. */
export const ModelAnswerSchema = z.object({
  answer: z.string().trim().min(1),
  citations: z.array(z.coerce.number().int().positive()).default([]),
  answered: z.boolean(),
});
export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;

/**
 * Longest model reply we parse. An answer is a few paragraphs; anything far
 * longer is a runaway or hostile endpoint, and every later step (parsing,
 * verification, rendering) should only ever see bounded text.
 */
export const MAX_MODEL_OUTPUT_CHARS = 20_000;

/** Trailer keywords the prompt allows: `CITATIONS: [1, 3]` on the last line. */
export const TRAILER_KEYWORDS = ["CITATIONS", "BRONNEN", "SOURCES"] as const;

/** White space as `\s` defines it, by character code (a regex per character is slow on long runs). */
const isSpace = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(ch));
};
const isDigitChar = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
/** Markdown emphasis and spaces models wrap around the trailer ("**Citations:**"). */
const isMarkup = (ch: string | undefined): boolean => ch === " " || ch === "\t" || ch === "*" || ch === "_" || ch === "`";

/**
 * A fenced reply (```json … ```) without its fence. Scanned by hand, not with
 * a regex: a reply of a fence and thousands of blank lines made the old
 * pattern backtrack quadratically.
 */
function stripFences(text: string): string {
  const body = text.trim();
  if (!body.startsWith("```") || body.length < 6 || !body.endsWith("```")) return text;
  const firstBreak = body.indexOf("\n");
  // One line: ```json {…}```.
  if (firstBreak === -1) return body.slice(3, -3).replace(/^[a-z]*\s*/i, "");
  // The info string is a language tag ("json"); anything else means this is not a fence line.
  if (!/^[a-z]*\s*$/i.test(body.slice(3, firstBreak))) return text;
  return body.slice(firstBreak + 1, -3).replace(/\n$/, "");
}

/** The citation numbers of a trailer list such as "[1, 3]" or "2, 3". */
function numbers(list: string): number[] {
  return [...list.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

export type Trailer = { index: number; list: string };

/**
 * Finds the `CITATIONS: [1, 3]` trailer at the end of the text by walking
 * backwards once: linear in the length of the text, whatever it contains
 * (the regex this replaces took minutes on "CITATIONS:" and 1,000 spaces).
 * `index` is where the answer ends.
 */
export function findTrailer(text: string): Trailer | undefined {
  let at = text.length;
  // Trailing white space and emphasis.
  while (at > 0 && (isSpace(text[at - 1]) || isMarkup(text[at - 1]))) at--;
  if (text[at - 1] === "]") at--;
  const listEnd = at;
  while (at > 0 && (isDigitChar(text[at - 1]) || text[at - 1] === "," || isSpace(text[at - 1]))) at--;
  const list = text.slice(at, listEnd);
  if (text[at - 1] === "[") at--;
  while (at > 0 && isMarkup(text[at - 1])) at--;
  if (text[at - 1] !== ":") return undefined;
  at--;
  while (at > 0 && isMarkup(text[at - 1])) at--;
  const keyword = TRAILER_KEYWORDS.find((k) => at >= k.length && text.slice(at - k.length, at).toUpperCase() === k);
  if (!keyword) return undefined;
  const keywordStart = at - keyword.length;
  at = keywordStart;
  while (at > 0 && (isMarkup(text[at - 1]) || text[at - 1] === ">")) at--;
  // The keyword starts the text or follows white space ("…. CITATIONS: [2]"), never the inside of a word.
  if (at === 0) return { index: 0, list };
  if (isSpace(text[at - 1])) return { index: at - 1, list };
  for (let i = at; i < keywordStart; i++) if (isSpace(text[i])) return { index: i, list };
  return undefined;
}

/** A JSON object answer (some models answer JSON whatever the prompt says), fenced or not. */
function parseJson(text: string): unknown {
  const body = stripFences(text).trim();
  if (!body.startsWith("{")) return undefined;
  try {
    const raw = JSON.parse(body) as Record<string, unknown>;
    const citations = Array.isArray(raw.citations) ? raw.citations : [];
    return { ...raw, answered: typeof raw.answered === "boolean" ? raw.answered : citations.length > 0 };
  } catch {
    return undefined;
  }
}

/** The plain-text format: Markdown answer, then the CITATIONS line; no citations means "not answered". */
function parseText(text: string): unknown {
  const body = stripFences(text);
  const trailer = findTrailer(body);
  if (!trailer) return { answer: body.trim(), citations: [], answered: false };
  const citations = numbers(trailer.list);
  return { answer: body.slice(0, trailer.index).trim(), citations, answered: citations.length > 0 };
}

export type ParseResult = { ok: true; value: ModelAnswer } | { ok: false; reason: string };

/** Parses and validates the model's message; never throws, and runs in linear time. */
export function parseModelOutput(text: string): ParseResult {
  if (text.length > MAX_MODEL_OUTPUT_CHARS) return { ok: false, reason: `output longer than ${MAX_MODEL_OUTPUT_CHARS} characters` };
  const candidate = parseJson(text) ?? parseText(text);
  const parsed = ModelAnswerSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues[0]?.message ?? "invalid output" };
}
