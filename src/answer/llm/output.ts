import { z } from "zod";

/** What we need from the model, whatever shape it answered in. */
export const ModelAnswerSchema = z.object({
  answer: z.string().trim().min(1),
  citations: z.array(z.coerce.number().int().positive()).default([]),
  answered: z.boolean(),
});
export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;

/** The trailer the prompt asks for: `CITATIONS: [1, 3]` on the last line. */
export const TRAILER = /(?:^|\s)[ \t>*_`]*(?:CITATIONS|BRONNEN|SOURCES)[ \t*_`]*:[ \t*_`]*\[?([\d,\s]*)\]?[ \t*_`]*\s*$/i;

function stripFences(text: string): string {
  const fenced = /^\s*```[a-z]*\s*\n?([\s\S]*?)\n?```\s*$/i.exec(text);
  return fenced ? fenced[1]! : text;
}

function numbers(list: string): number[] {
  return [...list.matchAll(/\d+/g)].map((m) => Number(m[0]));
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
  const trailer = TRAILER.exec(body);
  if (!trailer) return { answer: body.trim(), citations: [], answered: false };
  const citations = numbers(trailer[1] ?? "");
  return { answer: body.slice(0, trailer.index).trim(), citations, answered: citations.length > 0 };
}

export type ParseResult = { ok: true; value: ModelAnswer } | { ok: false; reason: string };

/** Parses and validates the model's message; never throws. */
export function parseModelOutput(text: string): ParseResult {
  const candidate = parseJson(text) ?? parseText(text);
  const parsed = ModelAnswerSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues[0]?.message ?? "invalid output" };
}
