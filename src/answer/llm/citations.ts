import type { Citation } from "../../domain/answer.js";
import { citeChunk, uniqueCitations } from "../compose/draft.js";
import type { ContextBlock } from "./context.js";
import { INLINE_MARKERS } from "./verify.js";

const key = (c: Citation) => `${c.source}#${c.section}`;

/**
 * The Draft's citations for the blocks the model cited, and the answer with
 * inline markers renumbered to match them ([3] in the prompt may be the
 * first citation shown); markers to blocks it did not cite are removed.
 * (The look-behind starts a space run's match only at its first space, so a
 * long run of spaces is scanned once, not once per space.)
 */
export function draftCitations(answer: string, cited: ContextBlock[]): { answer: string; citations: Citation[] } {
  const citations = uniqueCitations(cited.map((b) => citeChunk(b.chunk)));
  const position = new Map(citations.map((c, i) => [key(c), i + 1]));
  const shown = new Map(cited.map((b) => [b.id, position.get(key(citeChunk(b.chunk)))]));
  const renumbered = answer.replace(INLINE_MARKERS, (_whole, list: string) => {
    const ids = [
      ...new Set(
        list
          .split(/[,;]/)
          .map((s) => shown.get(Number(s.trim())))
          .filter((n): n is number => n !== undefined),
      ),
    ];
    return ids.length ? `[${ids.join(", ")}]` : "";
  });
  return {
    answer: renumbered
      .replace(/(?<![ \t])[ \t]+([.,;:!?])/g, "$1")
      .replace(/[ \t]{2,}/g, " ")
      .trim(),
    citations,
  };
}
