import type { DocumentBuilder } from "./builder.js";
import { outline, renderGroup } from "./outline.js";
import { parseGradeLine, parseKlasse, parseScaleLine } from "./levels.js";

/**
 * Any other document: label lines become sections, everything under them their
 * text; levels mentioned as whole lines ("Schaal 8", "Niveau: B1") are kept.
 */
export function parsePlain(lines: string[], builder: DocumentBuilder): void {
  for (const line of lines) {
    const level = parseScaleLine(line) ?? parseGradeLine(line);
    if (level) builder.jobLevel(level);
    const klasse = /^\s*functieklasse\s+\S+\s*$/i.test(line) ? parseKlasse(line) : undefined;
    if (klasse) builder.jobLevel(klasse);
  }
  const groups = outline(lines);
  let untitled = 0;
  for (const group of groups) {
    const text = renderGroup(group);
    if (!text) continue;
    const label = group.label || (untitled++ === 0 ? "Inleiding" : `Tekst ${untitled}`);
    builder.section([label], "text", text);
  }
}
