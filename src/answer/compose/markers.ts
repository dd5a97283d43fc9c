import type { Citation } from "../../domain/answer.js";
import { words } from "../../text/tokenize.js";

const MARKER = /\[\d{1,2}\]/;

/**
 * Puts `[n]` after the line each citation supports: the line sharing the most
 * words with the citation's quote, else the line naming its document, else
 * the first line. Answers that already carry markers (LLM answers) are left alone.
 */
export function withCitationMarkers(answer: string, citations: Citation[]): string {
  if (!citations.length || MARKER.test(answer)) return answer;
  const lines = answer.split("\n");
  const lineWords = lines.map((line) => new Set(words(line).filter((w) => w.length >= 3)));
  const marks = new Map<number, number[]>();
  citations.forEach((citation, i) => {
    const quote = words(citation.quote ?? "").filter((w) => w.length >= 3);
    let best = -1;
    let bestScore = 0;
    lines.forEach((line, at) => {
      if (!line.trim() || /^_…|^_\.\.\./.test(line.trim())) return;
      let shared = 0;
      for (const w of new Set(quote)) if (lineWords[at]!.has(w)) shared++;
      if (shared > bestScore) [best, bestScore] = [at, shared];
    });
    if (bestScore < Math.min(2, Math.max(1, quote.length))) {
      const title = citation.title ? words(citation.title).join(" ") : "";
      best = title ? lines.findIndex((line) => words(line).join(" ").includes(title)) : -1;
    }
    if (best < 0) best = lines.findIndex((line) => line.trim());
    if (best >= 0) marks.set(best, [...(marks.get(best) ?? []), i + 1]);
  });
  return lines
    .map((line, at) =>
      marks.has(at)
        ? `${line} ${marks
            .get(at)!
            .map((n) => `[${n}]`)
            .join("")}`
        : line,
    )
    .join("\n");
}
