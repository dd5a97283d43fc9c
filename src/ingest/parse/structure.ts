import { squash } from "../../text/normalize.js";
import type { Vocabulary } from "../../vocabulary/vocabulary.js";

/**
 * A document as blocks, whatever its layout: headings (Markdown, numbered,
 * bold, ALL CAPS, short title lines), labels ("Toetsvragen:"), label/value
 * fields, list items, tables and paragraphs (hard-wrapped lines rejoined).
 * Every rule looks at one line and its neighbours, so this is linear.
 */
export type Block =
  | { type: "heading"; style: string; text: string; numbered: boolean }
  | { type: "label"; text: string }
  | { type: "field"; label: string; value: string }
  | { type: "item"; text: string }
  | { type: "table"; header: string[]; rows: string[][] }
  | { type: "text"; text: string };

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const BULLET = /^\s*(?:[-*+•·▪◦●○■□➢►✓–]|\d{1,2}[.)]|[a-z][.)])\s+(.*)$/;
const MULTI_NUMBER = /^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.{0,80})$/;
const SINGLE_NUMBER = /^\s*(\d{1,2})[.)]\s+(\S.{0,58})$/;
const FIELD = /^\s*(?:\*\*|__)?([^:|*_]{2,48}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\S.*?)\s*(?:\*\*|__)?$/;
const BOLD_LINE = /^\s*(?:\*\*|__)([^*_]{2,90})(?:\*\*|__)\s*:?\s*$/;
/** "**Klantgerichtheid** – Je luistert …": a bold lead-in is a label with its text. */
const BOLD_LEAD = /^\s*(?:\*\*|__)([^*_]{2,60})(?:\*\*|__)\s*(?:[-–—:])\s+(\S.*)$/;
const ENDS_SENTENCE = /[.,;!?]$/;

function stripInline(text: string): string {
  return squash(text.replace(/\*\*|__|`/g, "").replace(/(^|\s)[*_](\S[^*_]*\S|\S)[*_](?=\s|$|[.,:;])/g, "$1$2"));
}

function isTableLine(line: string): boolean {
  const t = line.trim();
  return t.startsWith("|") && t.endsWith("|") && t.length > 2;
}

function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => stripInline(cell.replace(/<br\s*\/?>/gi, "; ").replace(/\\\|/g, "|")));
}

const SEPARATOR_CELL = /^:?-{2,}:?$/;

function letters(text: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (const ch of text) {
    if (ch >= "A" && ch <= "Z") upper++;
    else if (ch >= "a" && ch <= "z") lower++;
  }
  return { upper, lower };
}

/** A line in capitals ("TAKEN EN VERANTWOORDELIJKHEDEN") is a heading in many exports. */
function isCapsHeading(text: string): boolean {
  if (text.length > 70 || ENDS_SENTENCE.test(text)) return false;
  const { upper, lower } = letters(text);
  return upper >= 4 && lower <= upper * 0.1;
}

/** A field needs a short label that reads as a label, not a sentence cut at a colon. */
function fieldOf(line: string, vocabulary: Vocabulary): { label: string; value: string } | undefined {
  const match = FIELD.exec(line);
  if (!match) return undefined;
  const label = stripInline(match[1]!);
  const value = stripInline(match[2]!);
  if (!value || /https?$|^\d+$/.test(label) || label.split(" ").length > 6) return undefined;
  // "Nauwkeurigheid (Niveau: 2)" is a name with a level, not the label "Nauwkeurigheid (Niveau".
  if ((label.match(/\(/g) ?? []).length !== (label.match(/\)/g) ?? []).length) return undefined;
  // "Let op: ..." and other sentence openers are fields too, harmlessly; but a list kind label with text after it is a list.
  if (vocabulary.listKind(label) && vocabulary.listKind(label) !== "description") return undefined;
  return { label, value };
}

export function toBlocks(text: string, vocabulary: Vocabulary): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  /** The number of the last "1. Heading"-style heading, so "2. …" over a list of another style is read as the next one. */
  let lastNumberedHeading = 0;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "text", text: squash(paragraph.join(" ")) });
    paragraph = [];
  };
  const blankBefore = (i: number) => i === 0 || !lines[i - 1]!.trim();
  const nextNonBlank = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim()) return lines[j]!;
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.replace(/\t+$/, "");
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    if (isTableLine(trimmed)) {
      flush();
      const rows: string[][] = [];
      let j = i;
      for (; j < lines.length && isTableLine(lines[j]!.trim()); j++) rows.push(cellsOf(lines[j]!));
      i = j - 1;
      const separatorAt = rows.findIndex((row) => row.every((cell) => SEPARATOR_CELL.test(cell) || cell === ""));
      const body = rows.filter((_, k) => k !== separatorAt);
      const header = separatorAt === 1 ? body.shift()! : [];
      blocks.push({ type: "table", header, rows: body.filter((row) => row.some(Boolean)) });
      continue;
    }
    // Tab-separated cells: two are a field, more a table row.
    if (/\S\t+\S/.test(trimmed)) {
      const cells = trimmed.split(/\t+/).map(stripInline).filter(Boolean);
      if (cells.length === 2 && cells[0]!.length <= 48) {
        flush();
        blocks.push({ type: "field", label: cells[0]!.replace(/:$/, ""), value: cells[1]! });
        continue;
      }
      if (cells.length > 2) {
        flush();
        const last = blocks[blocks.length - 1];
        if (last?.type === "table" && last.header.length === 0) last.rows.push(cells);
        else blocks.push({ type: "table", header: [], rows: [cells] });
        continue;
      }
    }
    const md = MD_HEADING.exec(trimmed);
    if (md) {
      flush();
      const text = stripInline(md[2]!);
      const numbered = /^\d+(?:\.\d+)*[.)]?\s/.test(text);
      if (vocabulary.listKind(text.replace(/^\d+(?:\.\d+)*[.)]?\s+/, ""))) blocks.push({ type: "label", text: text.replace(/:$/, "") });
      else blocks.push({ type: "heading", style: `md${md[1]!.length}`, text: text.replace(/:$/, ""), numbered });
      continue;
    }
    const multi = MULTI_NUMBER.exec(trimmed);
    if (multi && !ENDS_SENTENCE.test(trimmed) && multi[2]!.length <= 70) {
      flush();
      blocks.push({ type: "heading", style: `num${multi[1]!.split(".").length}`, text: stripInline(trimmed), numbered: true });
      continue;
    }
    const single = SINGLE_NUMBER.exec(trimmed);
    if (single && !ENDS_SENTENCE.test(trimmed) && blankBefore(i)) {
      const next = nextNonBlank(i);
      const nextIsItem = next !== undefined && (SINGLE_NUMBER.test(next.trim()) || BULLET.test(next)) && lines[i + 1]?.trim() !== "";
      // "2. Werkzaamheden" after a heading "1. …", over a list in another style ("a. …", "- …"): the next heading.
      const continuesHeadings = nextIsItem && !SINGLE_NUMBER.test(next!.trim()) && Number(single[1]) === lastNumberedHeading + 1;
      if ((!nextIsItem || continuesHeadings) && next !== undefined && /^[A-Z\p{Lu}]/u.test(single[2]!)) {
        flush();
        blocks.push({ type: "heading", style: "num1", text: stripInline(trimmed), numbered: true });
        lastNumberedHeading = Number(single[1]);
        continue;
      }
    }
    const bold = BOLD_LINE.exec(trimmed);
    if (bold) {
      flush();
      const text = stripInline(bold[1]!).replace(/:$/, "");
      if (trimmed.endsWith(":") || vocabulary.listKind(text)) blocks.push({ type: "label", text });
      else blocks.push({ type: "heading", style: "bold", text, numbered: false });
      continue;
    }
    const lead = BOLD_LEAD.exec(trimmed);
    if (lead) {
      flush();
      blocks.push({ type: "field", label: stripInline(lead[1]!), value: stripInline(lead[2]!) });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet && bullet[1]!.trim()) {
      flush();
      blocks.push({ type: "item", text: stripInline(bullet[1]!) });
      continue;
    }
    const field = fieldOf(trimmed, vocabulary) ?? fieldOf(stripInline(trimmed), vocabulary);
    if (field) {
      flush();
      blocks.push({ type: "field", ...field });
      continue;
    }
    const plain = stripInline(trimmed);
    if (plain.endsWith(":") && plain.length <= 70) {
      flush();
      blocks.push({ type: "label", text: plain.slice(0, -1).trim() });
      continue;
    }
    if (vocabulary.listKind(plain) && plain.length <= 40) {
      flush();
      blocks.push({ type: "label", text: plain });
      continue;
    }
    if (isCapsHeading(plain) && blankBefore(i)) {
      flush();
      blocks.push({ type: "heading", style: "caps", text: plain, numbered: false });
      continue;
    }
    // A competency's name on its own line ("Discretie (Niveau: 2)") with its text right under it.
    const named = /^(.{3,50}?)\s*(?:\((?:niveau|level|beheersingsniveau)\s*:?\s*\w+\)|:)?$/i.exec(plain);
    if (
      named &&
      blankBefore(i) &&
      lines[i + 1]?.trim() &&
      !ENDS_SENTENCE.test(plain) &&
      vocabulary.competenciesNamed(named[1]!).some((c) => c.name.length >= named[1]!.length - 12)
    ) {
      flush();
      blocks.push({ type: "heading", style: "competency", text: plain.replace(/:$/, ""), numbered: false });
      continue;
    }
    // A short line on its own, with text after it: a title line ("Taken", "Wat breng je mee").
    const next = nextNonBlank(i);
    const words = plain.split(" ").length;
    if (
      blankBefore(i) &&
      (lines[i + 1] === undefined || !lines[i + 1]!.trim() || BULLET.test(lines[i + 1]!)) &&
      plain.length <= 60 &&
      // A heading is a few words, or a heading our section model knows; a longer line is a one-line paragraph.
      (words <= 5 || vocabulary.headingKind(plain) !== undefined) &&
      !ENDS_SENTENCE.test(plain) &&
      /^[\p{Lu}\d]/u.test(plain) &&
      next !== undefined
    ) {
      flush();
      blocks.push({ type: "heading", style: "short", text: plain, numbered: false });
      continue;
    }
    // A continuation of the previous list item (indented, or a lower-case start right after it).
    const last = blocks[blocks.length - 1];
    if (!paragraph.length && last?.type === "item" && !blankBefore(i) && (/^\s{2,}/.test(raw) || /^[a-z(]/.test(trimmed))) {
      last.text = `${last.text} ${plain}`;
      continue;
    }
    paragraph.push(plain);
  }
  flush();
  return blocks;
}

export type Node = { title: string; numbered: boolean; depth: number; blocks: Block[]; children: Node[]; parent?: Node };

/**
 * Nests blocks under headings. Heading styles have no fixed depth outside
 * Markdown: a style first seen inside a section of another style sits below
 * it, as in most hand-made documents.
 */
export function toTree(blocks: Block[]): Node {
  const root: Node = { title: "", numbered: false, depth: 0, blocks: [], children: [] };
  const depthOf = new Map<string, number>();
  let current = root;
  for (const block of blocks) {
    if (block.type !== "heading") {
      current.blocks.push(block);
      continue;
    }
    let depth = depthOf.get(block.style);
    if (depth === undefined) {
      const md = /^md(\d)$/.exec(block.style);
      const num = /^num(\d)$/.exec(block.style);
      const numberedParent = num && depthOf.get(`num${Number(num[1]) - 1}`);
      depth = md ? Number(md[1]) * 10 : numberedParent ? numberedParent + 1 : current.depth + 1;
      // Numbered headings nest under the nearest unnumbered heading (exports get their depth wrong).
      depthOf.set(block.style, depth);
    }
    if (block.numbered && /^md/.test(block.style)) {
      // "### 1. Probleemanalyse" under "## Competenties": numbered headings belong to the section above.
      let anchor: Node | undefined = current;
      while (anchor && anchor !== root && anchor.numbered) anchor = anchor.parent;
      if (anchor && anchor !== root) depth = Math.max(depth, anchor.depth + 1);
    }
    while (current !== root && current.depth >= depth) current = current.parent!;
    const node: Node = { title: block.text, numbered: block.numbered, depth, blocks: [], children: [], parent: current };
    current.children.push(node);
    current = node;
  }
  return root;
}

/** Markdown for a table, for section text. */
export function renderTable(table: { header: string[]; rows: string[][] }): string {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  const pad = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? "").join(" | ")} |`;
  const header = table.header.length ? table.header : (table.rows[0] ?? []);
  const rows = table.header.length ? table.rows : table.rows.slice(1);
  return [pad(header), `|${" --- |".repeat(width)}`, ...rows.map(pad)].join("\n");
}
