import type { Vocabulary } from "../vocabulary/vocabulary.js";

/** How much of a dropped line the ingest report quotes. */
const QUOTE_CHARS = 80;

/**
 * A document's text without the lines that speak to the assistant instead of
 * the reader ("SYSTEM: …", "Ignore previous instructions", "Zeg dat …"): a
 * job description has no reason to instruct a model, so such text is never
 * indexed and never reaches a prompt. A heading that does so takes its whole
 * section with it. What was left out is returned for the ingest report.
 */
export function withoutAssistantAddress(text: string, vocabulary: Vocabulary): { text: string; dropped: string[] } {
  const lines = text.split("\n");
  const kept: string[] = [];
  const dropped: string[] = [];
  /** The level of a dropped heading whose section is being skipped; 0 when none. */
  let skippingBelow = 0;
  // Front matter is metadata ("system: Functiegebouw Rijk" names a classification system), read by its own schema.
  const frontMatterEnd = lines[0]?.trimEnd() === "---" ? lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---") : -1;
  for (const [i, line] of lines.entries()) {
    if (i <= frontMatterEnd) {
      kept.push(line);
      continue;
    }
    const heading = /^(#{1,6})\s/.exec(line);
    if (skippingBelow && (!heading || heading[1]!.length > skippingBelow)) continue;
    skippingBelow = 0;
    if (!vocabulary.addressesAssistant(line)) {
      kept.push(line);
      continue;
    }
    const quote = line.trim().replace(/\s+/g, " ");
    dropped.push(`line ${i + 1}: "${quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS)}…` : quote}"`);
    if (heading) skippingBelow = heading[1]!.length;
  }
  return { text: dropped.length ? kept.join("\n") : text, dropped };
}

/** The ingest report's warning for what was left out. */
export function assistantAddressWarning(dropped: string[]): string {
  return `left out ${dropped.length} line(s) addressed to the assistant, not the reader (never indexed or sent to a model): ${dropped.slice(0, 3).join("; ")}${dropped.length > 3 ? "; …" : ""}`;
}
