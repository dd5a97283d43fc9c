import { fold, squash } from "../../text/normalize.js";
import type { DocumentBuilder } from "./builder.js";
import { addCompetency } from "./competencyBlock.js";
import { labelKey } from "./labelledBlocks.js";
import { parseGradeLine } from "./levels.js";
import { asList, collectItems, isBlank, isBullet, splitRunTogether } from "./lines.js";

type Heading = { depth: number; text: string; numbered: boolean; body: string[]; parent?: Heading };

const HEADING = /^(#{1,6})\s+(.*)$/;

export function looksLikeMarkdown(lines: string[]): boolean {
  return lines.filter((line) => HEADING.test(line)).length >= 3;
}

function cleanHeading(text: string): { text: string; numbered: boolean } {
  const plain = squash(text.replace(/\*\*|__|`/g, ""));
  const numbered = /^\d+[.)]\s+/.test(plain);
  return { text: plain.replace(/^\d+[.)]\s+/, ""), numbered };
}

/**
 * Builds the heading tree. Exports often get the depth of numbered headings
 * wrong ("### 1. Probleemanalyse" then "## 2. Oordeelsvorming"), so a numbered
 * heading always belongs to the nearest unnumbered heading above it.
 */
function headings(lines: string[]): Heading[] {
  const all: Heading[] = [{ depth: 0, text: "", numbered: false, body: [] }];
  let group: Heading = all[0]!;
  for (const line of lines) {
    const match = HEADING.exec(line);
    if (!match) {
      all[all.length - 1]!.body.push(line);
      continue;
    }
    const { text, numbered } = cleanHeading(match[2]!);
    const depth = match[1]!.length;
    if (numbered) {
      all.push({ depth: group.depth + 1, text, numbered, body: [], parent: group.depth ? group : undefined });
    } else {
      let parent: Heading | undefined = group;
      while (parent && parent.depth >= depth) parent = parent.parent;
      const heading: Heading = { depth, text, numbered, body: [], parent: parent && parent.depth ? parent : undefined };
      all.push(heading);
      group = heading;
    }
  }
  return all;
}

function pathOf(heading: Heading): string[] {
  const path: string[] = [];
  for (let at: Heading | undefined = heading; at && at.depth; at = at.parent) path.unshift(at.text);
  return path;
}

const PROFICIENCY = /^\s*[*_]+\s*niveau\s*:\s*(\d)\s*[*_]+\s*$/i;
const KEY_VALUE = /^\s*([^:]{2,40}):\s+(.+?)\s*$/;

function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (isBlank(line) || isBullet(line)) {
      if (current.length) out.push(squash(current.join(" ")));
      current = [];
    } else current.push(line);
  }
  if (current.length) out.push(squash(current.join(" ")));
  return out;
}

/** Lists labelled inside a competency's body ("Toetsvragen", "**Ontwikkeltips**"). */
function labelledLists(body: string[]): { indicators: string[]; questions: string[]; tips: string[]; rest: string[] } {
  const lists = { indicators: [] as string[], questions: [] as string[], tips: [] as string[], rest: [] as string[] };
  let target: string[] = lists.rest;
  for (const line of body) {
    const key = labelKey(line);
    if (key === "gedragsindicatoren") target = lists.indicators;
    else if (key === "toetsvragen" || key === "interviewvragen") target = lists.questions;
    else if (key === "ontwikkeltips" || key === "ontwikkelingstips") target = lists.tips;
    else target.push(line);
  }
  return lists;
}

/** Markdown function descriptions (Flemish local government exports and the like). */
export function parseMarkdown(lines: string[], builder: DocumentBuilder): void {
  for (const heading of headings(lines)) {
    const path = pathOf(heading);
    const body = heading.body;
    if (!heading.depth) {
      const text = paragraphs(body).join("\n");
      if (text) builder.section(["Inleiding"], "text", text);
      continue;
    }
    if (heading.depth === 1 && !heading.parent && !builder.title) builder.title = heading.text;
    const groupKey = fold(heading.parent?.text ?? "");
    const ownKey = fold(heading.text);
    const isCompetency = heading.numbered && /competenties/.test(groupKey) && !/kennis/.test(groupKey);

    if (isCompetency) {
      const lists = labelledLists(body);
      const texts = paragraphs(lists.rest.filter((line) => !PROFICIENCY.test(line)));
      const proficiency = lists.rest.map((line) => PROFICIENCY.exec(line)?.[1]).find(Boolean);
      const bullets = collectItems(lists.rest.filter(isBullet)).flatMap(splitRunTogether);
      addCompetency(builder, path.slice(0, -1), {
        name: heading.text,
        nameInferred: false,
        description: texts[0] ?? "",
        proficiency,
        proficiencyText: texts[1],
        indicators: [...bullets, ...collectItems(lists.indicators)],
        questions: collectItems(lists.questions),
        tips: collectItems(lists.tips),
      });
      continue;
    }

    // Key-value facts ("Niveau: C1") outside competency blocks are about the job itself.
    const facts: string[] = [];
    for (const line of body) {
      if (PROFICIENCY.test(line)) continue;
      const grade = parseGradeLine(line);
      if (grade) builder.jobLevel(grade);
      const kv = KEY_VALUE.exec(line);
      if (kv && !isBullet(line)) facts.push(`${squash(kv[1]!)}: ${squash(kv[2]!)}`);
    }

    const bullets = collectItems(body.filter(isBullet));
    const prose = paragraphs(body.filter((line) => !KEY_VALUE.test(line) || isBullet(line)));
    const text = [...facts, ...prose, bullets.length ? asList(bullets) : ""].filter(Boolean).join("\n");
    if (!text) continue;
    const kind = /omschrijving|doel/.test(ownKey)
      ? "purpose"
      : /plaats van de functie/.test(ownKey)
        ? "placement"
        : /resultaat/.test(groupKey) || /resultaat/.test(ownKey)
          ? "result-area"
          : /kennis|opleiding|ervaring|diploma/.test(ownKey)
            ? "knowledge"
            : "text";
    if (kind === "purpose" && !builder.purpose) builder.purpose = prose.join(" ");
    builder.section(path, kind, text, builder.jobLevels.length && kind === "placement" ? { level: builder.jobLevels[0] } : {});
  }
}
