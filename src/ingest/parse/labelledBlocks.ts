import { fold, squash } from "../../text/normalize.js";

export type LabelledBlock = { label: string; lines: string[] };

/** Folded label text: case, diacritics, a trailing colon and spaces around "/" ignored. */
export function labelKey(line: string): string {
  return fold(squash(line))
    .replace(/[:*#]+$/g, "")
    .replace(/\s*\/\s*/g, "/")
    .trim();
}

/**
 * Splits lines into blocks, each starting at a line that is one of `labels`
 * (compared by labelKey). Lines before the first label form a block with label "".
 */
export function splitByLabels(lines: string[], labels: ReadonlySet<string>): LabelledBlock[] {
  const blocks: LabelledBlock[] = [{ label: "", lines: [] }];
  for (const line of lines) {
    const key = labelKey(line);
    if (labels.has(key)) blocks.push({ label: key, lines: [] });
    else blocks[blocks.length - 1]!.lines.push(line);
  }
  return blocks.filter((block) => block.label || block.lines.some((line) => line.trim()));
}

export function paragraph(lines: string[]): string {
  return squash(lines.join(" "));
}
