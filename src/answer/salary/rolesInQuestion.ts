import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { words } from "../../text/tokenize.js";

/** At least this share of a title's words (and two of them) must be in the question. */
const TITLE_SHARE = 0.6;

/**
 * Roles whose titles the question names in part, when the plan resolved none
 * because several fit equally ("adviseur informatiebeheer" names the Rijk's and
 * the municipality's): a salary answer can price each in its own system.
 */
export function rolesNamedInPart(question: string, kb: KnowledgeBase, max: number): string[] {
  const asked = new Set(words(question));
  const scored = kb.documents
    .map((doc) => {
      const title = [...new Set(words(doc.title).filter((w) => w.length > 2))];
      const found = title.filter((w) => asked.has(w)).length;
      return { source: doc.source, found, share: title.length ? found / title.length : 0 };
    })
    .filter((c) => c.found >= 2 && c.share >= TITLE_SHARE)
    .sort((a, b) => b.share - a.share || b.found - a.found);
  return scored.slice(0, max).map((c) => c.source);
}
