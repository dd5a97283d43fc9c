import { squash } from "../../text/normalize.js";
import { asList, collectItems, isBlank, isBullet, isLabelLine } from "./lines.js";

export type OutlineGroup = { label: string; paragraphs: string[]; items: string[] };

/**
 * Reads plain text as label lines followed by bullets or prose: the shape of
 * most flattened HR exports once their known headings are taken out. A line
 * indented under a bullet continues that bullet; a short line without a final
 * full stop is a label.
 */
export function outline(lines: string[], maxLabelLength = 70): OutlineGroup[] {
  const groups: { label: string; lines: string[]; paragraphs: string[] }[] = [{ label: "", lines: [], paragraphs: [] }];
  let previousWasBullet = false;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const current = groups[groups.length - 1]!;
    if (isBullet(line) || (previousWasBullet && /^\s{2,}\S/.test(line))) {
      current.lines.push(line);
      previousWasBullet = true;
    } else if (isLabelLine(line, maxLabelLength)) {
      groups.push({ label: squash(line).replace(/:$/, ""), lines: [], paragraphs: [] });
      previousWasBullet = false;
    } else {
      current.paragraphs.push(squash(line));
      previousWasBullet = false;
    }
  }
  return groups
    .map((group) => ({ label: group.label, paragraphs: group.paragraphs, items: collectItems(group.lines) }))
    .filter((group) => group.label || group.items.length || group.paragraphs.length);
}

export function renderGroup(group: OutlineGroup): string {
  return [group.label && !group.items.length && !group.paragraphs.length ? group.label : "", ...group.paragraphs, asList(group.items)]
    .filter(Boolean)
    .join("\n");
}

/** Renders groups as "Label:\n- item" text, for one section holding several groups. */
export function renderOutline(groups: OutlineGroup[]): string {
  return groups.map((group) => [group.label ? `${group.label}:` : "", ...group.paragraphs, asList(group.items)].filter(Boolean).join("\n")).join("\n");
}
