import { fold } from "../../text/normalize.js";
import type { DocumentBuilder } from "./builder.js";
import { labelKey, splitByLabels } from "./labelledBlocks.js";
import { parseScaleLine } from "./levels.js";
import { dedupe } from "./lines.js";
import { addCompetencyNames } from "./generic.js";
import { outline, renderGroup, renderOutline, type OutlineGroup } from "./outline.js";

const TOP = new Set(["resultaten", "gedragsindicatoren", "competenties"]);
const ASPECTS: Record<string, string> = {
  "algemene omschrijving": "Algemene omschrijving",
  resultaten: "Resultaten",
  "speelruimte/kaders": "Speelruimte/kaders",
  "kennis en vaardigheden": "Kennis en vaardigheden",
  contacten: "Contacten",
};
const TYPERING_CODE = /^[\d\s()]+$/;

export function looksLikeTypings(lines: string[]): boolean {
  return lines.some((line) => labelKey(line) === "functietypering") && lines.some((line) => parseScaleLine(line));
}

/** Splits lines at every repetition of `label` (by labelKey); text before the first stays out. */
function splitAt(lines: string[], label: string): string[][] {
  const parts: string[][] = [];
  for (const line of lines) {
    if (labelKey(line) === label) parts.push([]);
    else parts[parts.length - 1]?.push(line);
  }
  return parts;
}

/** Near-duplicate blocks (the export repeats profiles, sometimes with a typo fixed). */
function sameBlock(a: string, b: string): boolean {
  const wa = new Set(fold(a).split(/\W+/));
  const wb = new Set(fold(b).split(/\W+/));
  let shared = 0;
  for (const word of wa) if (wb.has(word)) shared++;
  return shared / Math.max(wa.size, wb.size) >= 0.97;
}

/**
 * Dutch central government function groups (Functiegebouw Rijk): results and
 * behaviour indicators per result area, quality profiles, and one
 * "Functietypering" per salary scale.
 */
export function parseRijk(lines: string[], builder: DocumentBuilder): void {
  const body = lines.filter((line) => !/ vergelijken\s*$/i.test(line));
  // Profiles and typings repeat the top-level labels inside them, so cut them off first.
  const firstAt = (label: string) => {
    const at = body.findIndex((line) => labelKey(line) === label);
    return at < 0 ? body.length : at;
  };
  const typingsAt = firstAt("functietyperingen");
  const profilesAt = Math.min(firstAt("kwaliteitenprofielen"), typingsAt);

  for (const block of splitByLabels(body.slice(0, profilesAt), TOP)) {
    const title = block.label ? block.label[0]!.toUpperCase() + block.label.slice(1) : "Inleiding";
    if (block.label === "competenties") {
      const groups = outline(block.lines);
      builder.section([title], "competency", `Competenties:\n${renderOutline(groups)}`);
      addCompetencyNames(
        builder,
        groups.flatMap((group) => group.items),
        [title],
      );
      continue;
    }
    for (const group of outline(block.lines)) {
      const path = group.label ? [title, group.label] : [title];
      builder.section(path, block.label === "resultaten" ? "result-area" : "text", renderGroup(group));
    }
  }

  const profileLines = body.slice(profilesAt + 1, typingsAt);
  const first = profileLines.find((line) => line.trim());
  const profiles = first ? splitAt(profileLines, labelKey(first)).map((part) => renderOutline(outline([first, ...part]))) : [];
  const distinct: string[] = [];
  for (const text of profiles) if (!distinct.some((seen) => sameBlock(seen, text))) distinct.push(text);
  distinct.forEach((text, i) => builder.section(["Kwaliteitenprofielen", `Kwaliteitenprofiel ${i + 1}`], "knowledge", text));

  parseTypings(body.slice(typingsAt + 1), builder, profiles);
}

function parseTypings(lines: string[], builder: DocumentBuilder, profiles: string[]): void {
  const typings = splitAt(lines, "functietypering");
  typings.forEach((typing, index) => {
    const code = typing.find((line) => line.trim() && TYPERING_CODE.test(line))?.trim();
    const scaleLine = typing.find((line) => parseScaleLine(line));
    const level = scaleLine ? parseScaleLine(scaleLine) : undefined;
    if (!level) return;
    builder.jobLevel(level);
    const aspects: Record<string, string[]> = {};
    const rendered: string[] = [`Functietypering ${level.label}${code ? ` (typering ${code})` : ""}`];
    const aspectBlocks = splitByLabels(
      typing.filter((line) => line !== scaleLine && line.trim() !== code),
      new Set(Object.keys(ASPECTS)),
    );
    for (const block of aspectBlocks) {
      const name = ASPECTS[block.label];
      if (!name) continue;
      const groups: OutlineGroup[] = outline(block.lines);
      aspects[name] = dedupe(groups.flatMap((group) => group.items));
      for (const group of groups) {
        if (group.label && group.items.length) aspects[`${name}: ${group.label}`] = group.items;
      }
      rendered.push(`${name}:\n${renderOutline(groups)}`);
    }
    // Quality profiles are printed in the same order as the typings when there is one per scale.
    const profile = profiles.length === typings.length ? profiles[index] : undefined;
    if (profile)
      aspects.Kwaliteitenprofiel = profile
        .split("\n")
        .filter((line) => line.startsWith("- "))
        .map((line) => line.slice(2));
    builder.level({ ...level, code, aspects, path: ["Functietyperingen", level.label] });
    builder.section(["Functietyperingen", level.label], "level", rendered.join("\n"), { level });
  });
}
