import type { ClientCitation, ClientCitationIconName, SensitivityUsageInfo } from "@microsoft/agents-activity";
import { formatOfFile } from "../../ingest/formats.js";
import type { Answer, Citation } from "../../domain/answer.js";
import type { SectionText } from "../../domain/assistant.js";
import { sayIn } from "../shared/language.js";
import { citationCard } from "./cards.js";

/**
 * A sensitivity label as Teams wants it (Microsoft Learn, "Enhance AI-generated
 * bot messages"): `@type` CreativeWork, a name, and an `@id` that the message
 * and each citation share (a citation's `@id` that matches no message-level
 * one, or is missing, gets the message refused with 400). No `type` field.
 */
export type UsageInfo = { "@type": "CreativeWork"; "@id": string; name: string; description?: string };

/** Teams' limits on a citation (longer values make Teams drop the message's citations). */
export const CITATION_LIMITS = { citations: 20, name: 80, abstract: 160, keywords: 3, keyword: 28 } as const;
/** The pop-up texts share the activity's ~28 KB with the answer; beyond this budget later citations go without one. */
const POPUP_BUDGET_CHARS = 6_000;
const POPUP_TEXT_CHARS = 1_000;

const clip = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/** Cut at a word boundary (a keyword is shown whole or ends in "…" after a whole word). */
const clipWords = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
};

/** Like clip, but keeps line breaks (spaces inside a line collapse): a section's lists stay lists in the pop-up. */
const clipLines = (text: string, max: number): string => {
  const kept = text
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
  return kept.length > max ? `${kept.slice(0, max - 1).trimEnd()}…` : kept;
};

/** The icon the format registry names for the document's format. */
function iconFor(source: string): ClientCitationIconName {
  return formatOfFile(source)?.citationIcon ?? "Text";
}

const fileName = (source: string) => source.slice(source.lastIndexOf("/") + 1);

export type SectionLookup = (source: string, section: string) => SectionText | undefined;

/** One Answer citation as Teams' citation entity: a pop-up with the document, section and its text. */
function clientCitation(citation: Citation, position: number, lookup: SectionLookup | undefined, withPopup: boolean, usageInfo?: UsageInfo): ClientCitation {
  const title = citation.title || fileName(citation.source);
  const abstract = citation.quote ? `${citation.section}: “${citation.quote}”` : citation.section;
  // As written in the documents (Teams shows keywords as given), whole words within Teams' 28 characters.
  const keywords = [citation.system, citation.section.split("›").at(-1)?.trim()]
    .filter((k): k is string => Boolean(k))
    .map((k) => clipWords(k, CITATION_LIMITS.keyword))
    .slice(0, CITATION_LIMITS.keywords);
  const sectionText = withPopup ? (lookup?.(citation.source, citation.section)?.text ?? citation.quote) : undefined;
  return {
    "@type": "Claim",
    position,
    appearance: {
      "@type": "DigitalDocument",
      name: clip(title, CITATION_LIMITS.name),
      abstract: clip(abstract, CITATION_LIMITS.abstract),
      image: { "@type": "ImageObject", name: iconFor(citation.source) },
      ...(keywords.length ? { keywords } : {}),
      ...(withPopup
        ? {
            text: JSON.stringify(
              citationCard({
                title,
                section: citation.section,
                source: citation.source,
                text: sectionText ? clipLines(sectionText, POPUP_TEXT_CHARS) : undefined,
              }),
            ),
            encodingFormat: "application/vnd.microsoft.card.adaptive" as const,
          }
        : {}),
      // The SDK's type wants a `type` field Teams does not document; the wire format is Microsoft Learn's.
      ...(usageInfo ? { usageInfo: usageInfo as unknown as SensitivityUsageInfo } : {}),
    },
  };
}

/** Every `[n]` marker in the text (n as written), found in one linear pass. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
}

export type TeamsCitations = { text: string; citations: ClientCitation[] };

/**
 * The answer text with `[n]` markers that all resolve, and Teams citations
 * for them. Markers pointing past the citations are removed; citations the
 * text never marks are listed on a last "Bronnen:" line, so every source
 * stays one click away (answers without markers get only that line).
 */
export function teamsCitations(answer: Pick<Answer, "answer" | "citations" | "language">, lookup?: SectionLookup, usageInfo?: UsageInfo): TeamsCitations {
  const all = answer.citations.slice(0, CITATION_LIMITS.citations);
  const valid = (n: number) => n >= 1 && n <= all.length;
  // Numbered in reading order: the first marker in the text becomes [1] (an answer may open with its fourth source).
  const order = [...new Set(markersIn(answer.answer).filter(valid))];
  for (let n = 1; n <= all.length; n++) if (!order.includes(n)) order.push(n);
  const renumber = new Map(order.map((old, i) => [old, i + 1]));
  const cited = order.map((old) => all[old - 1]!);
  let text = answer.answer.replace(/\[(\d{1,3})\]/g, (_marker, n: string) => (valid(Number(n)) ? `[${renumber.get(Number(n))}]` : ""));
  const used = new Set(markersIn(text));
  const unmarked = cited.map((_, i) => i + 1).filter((n) => !used.has(n));
  if (unmarked.length) text = `${text.trimEnd()}\n\n${sayIn(answer.language, "Bronnen", "Sources")}: ${unmarked.map((n) => `[${n}]`).join(" ")}`;
  let budget = POPUP_BUDGET_CHARS;
  const citations = cited.map((citation, i) => {
    const withPopup = budget > 0;
    const entity = clientCitation(citation, i + 1, lookup, withPopup, usageInfo);
    budget -= entity.appearance.text?.length ?? 0;
    return entity;
  });
  return { text, citations };
}
