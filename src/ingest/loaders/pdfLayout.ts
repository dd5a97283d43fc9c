/**
 * Rebuilds a PDF's structure from positioned text: PDF has no paragraphs,
 * headings or tables, only runs of text at coordinates. Lines are grouped by
 * baseline, cells by wide horizontal gaps, tables from consecutive lines whose
 * cells line up, headings from font size and weight (or, without those hints,
 * from short ALL CAPS or stand-alone title lines), hard-wrapped lines rejoined
 * into paragraphs, and the page headers, footers and page numbers that repeat
 * on every page left out. Pure functions, so each rule is tested on its own.
 */
import { gridToMarkdown } from "./markdownTable.js";

/** One run of text as pdf.js reports it, in PDF units with y measured from the bottom. */
export type PdfItem = { text: string; x: number; y: number; width: number; size: number; bold: boolean };
export type PdfPage = { width: number; height: number; items: PdfItem[] };

type Segment = { x: number; right: number; text: string };
export type PdfLine = { page: number; y: number; size: number; bold: boolean; segments: Segment[]; top: boolean; bottom: boolean };

/** Horizontal gap, in font sizes, that separates table cells rather than words. */
const CELL_GAP_EM = 1.5;
/** The top and bottom share of a page where running headers, footers and page numbers sit. */
const MARGIN_SHARE = 0.1;
const BULLET = /^[•▪◦‣·●○■□➢►\-–*]\s*/u;
const PAGE_NUMBER = /^(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–(]*\s*\d{1,4}\s*(?:(?:van|of|\/)\s*\d{1,4})?\s*[-–)]*$/i;

const lineText = (line: PdfLine) => line.segments.map((s) => s.text).join(" ");

/** Groups a page's runs into lines (same baseline) and each line into cells (wide gaps). */
export function pageLines(page: PdfPage, pageIndex: number): PdfLine[] {
  const items = page.items.filter((item) => item.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    const reference = row?.[0];
    if (row && reference && Math.abs(reference.y - item.y) <= 0.4 * Math.max(reference.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const item of row) {
      const last = segments[segments.length - 1];
      const gap = last ? item.x - last.right : Infinity;
      if (last && gap <= CELL_GAP_EM * item.size) {
        const space = gap > 0.1 * item.size && !/\s$/.test(last.text) && !/^\s/.test(item.text) ? " " : "";
        last.text += space + item.text;
        last.right = Math.max(last.right, item.x + item.width);
      } else {
        segments.push({ x: item.x, right: item.x + item.width, text: item.text });
      }
    }
    for (const segment of segments) segment.text = segment.text.replace(/\s+/g, " ").trim();
    // A bullet glyph set apart from its text is still one list item.
    if (segments.length > 1 && BULLET.test(segments[0]!.text) && segments[0]!.text.replace(BULLET, "") === "") {
      const [bullet, next] = segments.splice(0, 2) as [Segment, Segment];
      segments.unshift({ x: bullet.x, right: next.right, text: `• ${next.text}` });
    }
    const y = row[0]!.y;
    return {
      page: pageIndex,
      y,
      size: Math.max(...row.map((item) => item.size)),
      bold: row.every((item) => item.bold),
      segments,
      top: y > page.height * (1 - MARGIN_SHARE),
      bottom: y < page.height * MARGIN_SHARE,
    };
  });
}

/**
 * The lines in a page's margins that stand apart from the body: at most two
 * lines at the top or bottom edge, in the margin zone, followed (or preceded)
 * by a wider gap than the spacing of lines in a paragraph.
 */
function marginLines(lines: PdfLine[]): Set<number> {
  const found = new Set<number>();
  const apart = (upper: PdfLine, lower: PdfLine | undefined, size: number) => !lower || upper.y - lower.y > 1.6 * size;
  for (let k = 0; k <= 1 && k < lines.length && lines[k]!.top; k++) {
    if (apart(lines[k]!, lines[k + 1], lines[k]!.size)) {
      for (let j = 0; j <= k; j++) found.add(j);
      break;
    }
  }
  for (let k = 0; k <= 1 && lines.length - 1 - k >= 0 && lines[lines.length - 1 - k]!.bottom; k++) {
    const i = lines.length - 1 - k;
    const above = lines[i - 1];
    if (!above || apart(above, lines[i], lines[i]!.size)) {
      for (let j = i; j < lines.length; j++) found.add(j);
      break;
    }
  }
  return found;
}

/**
 * Drops running headers and footers and page numbers. A running header or
 * footer stands apart in a page's margin (see marginLines), is no larger than
 * the body text, and says the same (numbers aside) at the same height on at
 * least half of the pages; a heading that opens every page is larger, and body
 * text runs on without a gap, so both stay.
 */
export function withoutPageFurniture(pages: PdfLine[][]): PdfLine[][] {
  const body = bodySize(pages.flat());
  const margins = pages.map((lines) => {
    const found = marginLines(lines);
    for (const i of found) if (lines[i]!.size > body * 1.05 || lineText(lines[i]!).length > 120) found.delete(i);
    return found;
  });
  const key = (line: PdfLine) => `${Math.round(line.y / 4)}|${lineText(line).toLowerCase().replace(/\d+/g, "#")}`;
  const pagesWith = new Map<string, number>();
  pages.forEach((lines, p) => {
    for (const k of new Set([...margins[p]!].map((i) => key(lines[i]!)))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  });
  const repeated = (line: PdfLine) => pages.length >= 2 && (pagesWith.get(key(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const pageNumber = (line: PdfLine) => {
    const text = lineText(line);
    return text.length <= 40 && PAGE_NUMBER.test(text.replace(/\s*--\s*/g, ""));
  };
  return pages.map((lines, p) => lines.filter((line, i) => !(margins[p]!.has(i) && (repeated(line) || pageNumber(line)))));
}

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "table"; rows: string[][] }
  | { kind: "text"; text: string; list: boolean; gapAbove: boolean; right: number };

/**
 * Consecutive lines with two or more cells that line up: a table, one row per
 * line. A line set closer under the row above than rows are to each other is
 * that row's text wrapped within its cells (Word wraps a long cell onto a second
 * line, in one column or several), so it joins the row instead of starting one.
 */
function tableAt(lines: PdfLine[], start: number): { rows: string[][]; end: number } | undefined {
  const page = lines[start]!.page;
  let end = start;
  let widestGap = 0;
  while (end < lines.length && lines[end]!.page === page) {
    const line = lines[end]!;
    const next = lines[end + 1];
    const gap = end > start ? lines[end - 1]!.y - line.y : 0;
    if (line.segments.length >= 2) end++;
    // A single line between rows: wrapped cell text, or a row with one filled cell.
    else if (end > start && next?.page === page && next.segments.length >= 2) end++;
    // The last row's text wrapped: closer under it than the rows are to each other.
    else if (end > start && gap < Math.min(widestGap * 0.85, line.size * 1.35)) end++;
    else break;
    widestGap = Math.max(widestGap, gap);
  }
  const run = lines.slice(start, end);
  const multi = run.filter((l) => l.segments.length >= 2);
  if (multi.length < 2) return undefined;
  const tolerance = lines[start]!.size;
  const anchors: number[] = [];
  for (const x of multi.flatMap((l) => l.segments.map((s) => s.x)).sort((a, b) => a - b)) {
    if (!anchors.length || x - anchors[anchors.length - 1]! > tolerance) anchors.push(x);
  }
  if (anchors.length > 12) return undefined;
  const column = (x: number) => {
    let best = 0;
    anchors.forEach((anchor, i) => {
      if (anchor <= x + tolerance) best = i;
    });
    return best;
  };
  const gaps = run.slice(1).map((line, i) => run[i]!.y - line.y);
  // Rows are set further apart than the lines wrapped inside a row; with no wrapped lines, every line is a row.
  const rowGap = Math.max(...gaps);
  const wrapped = (i: number) => i > 0 && gaps[i - 1]! < Math.min(rowGap * 0.85, run[i]!.size * 1.35);
  const rows: string[][] = [];
  run.forEach((line, i) => {
    const firstColumn = column(line.segments[0]!.x);
    const continues = rows.length > 0 && (wrapped(i) || (line.segments.length === 1 && firstColumn > 0));
    const cells = continues ? rows[rows.length - 1]! : Array<string>(anchors.length).fill("");
    for (const segment of line.segments) {
      const c = column(segment.x);
      cells[c] = cells[c] ? `${cells[c]} ${segment.text}` : segment.text;
    }
    if (!continues) rows.push(cells);
  });
  return { rows, end };
}

/** The font size most of the text is set in. */
function bodySize(lines: PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + lineText(line).length);
  }
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

const ENDS_SENTENCE = /[.!?:;]["')\]]?$/;
const letters = (text: string) => text.replace(/[^\p{L}]/gu, "");

function isAllCapsHeading(text: string): boolean {
  const l = letters(text);
  return l.length >= 3 && text.length <= 60 && l === l.toUpperCase() && l !== l.toLowerCase() && !/[.,;]$/.test(text);
}

export function linesToMarkdown(pages: PdfLine[][]): string {
  const lines = pages.flat();
  if (!lines.length) return "";
  const body = bodySize(lines);
  const bodyBold = lines.filter((l) => l.bold).reduce((n, l) => n + lineText(l).length, 0) > lines.reduce((n, l) => n + lineText(l).length, 0) / 2;
  const headingSizes = [...new Set(lines.filter((l) => l.size >= body * 1.15 && l.segments.length === 1).map((l) => Math.round(l.size * 2) / 2))].sort(
    (a, b) => b - a,
  );
  const levelOfSize = (size: number) => Math.min(headingSizes.indexOf(Math.round(size * 2) / 2) + 1, 3);
  const subLevel = Math.min(headingSizes.length + 1, 4);
  // A wider gap than line spacing starts a new block; a page break does not (a paragraph may go on over the page).
  const gapAbove = (i: number) => {
    if (i === 0) return true;
    if (i >= lines.length || lines[i - 1]!.page !== lines[i]!.page) return false;
    return lines[i - 1]!.y - lines[i]!.y > lines[i]!.size * 1.75;
  };

  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const table = line.segments.length >= 2 ? tableAt(lines, i) : undefined;
    if (table) {
      blocks.push({ kind: "table", rows: table.rows });
      i = table.end;
      continue;
    }
    const text = line.segments.map((s) => s.text).join("\t");
    const next = lines[i + 1];
    const nextIsBody = next !== undefined && next.segments.length === 1 && Math.abs(next.size - body) < 0.5 && !(next.bold && !bodyBold);
    const shortLine = text.length <= 80 && !/[.,;]$/.test(text) && line.segments.length === 1;
    if (shortLine && line.size >= body * 1.15) {
      blocks.push({ kind: "heading", level: levelOfSize(line.size), text });
    } else if (shortLine && line.bold && !bodyBold && !BULLET.test(text)) {
      blocks.push({ kind: "heading", level: subLevel, text: text.replace(/:$/, "") });
    } else if (shortLine && isAllCapsHeading(text) && nextIsBody) {
      blocks.push({ kind: "heading", level: subLevel, text });
    } else if (
      shortLine &&
      text.length <= 50 &&
      text.split(" ").length <= 6 &&
      /^\p{Lu}/u.test(text) &&
      !/[:!?]$/.test(text) &&
      gapAbove(i) &&
      nextIsBody &&
      !gapAbove(i + 1) &&
      // A stand-alone title line over text or a list, not the first line of a paragraph that goes on in lower case.
      !/^\p{Ll}/u.test(lineText(next!))
    ) {
      blocks.push({ kind: "heading", level: subLevel, text });
    } else {
      const list = BULLET.test(text);
      blocks.push({
        kind: "text",
        text: list ? text.replace(BULLET, "") : text,
        list,
        gapAbove: gapAbove(i),
        right: line.segments[line.segments.length - 1]!.right,
      });
    }
    i++;
  }
  return render(joinWrappedLines(blocks, lines));
}

/**
 * Hard-wrapped lines of one paragraph (or list item) become one line again: the
 * earlier line does not end a sentence and the next one continues it (starts in
 * lower case, or the earlier line ran to the right margin).
 */
function joinWrappedLines(blocks: Block[], lines: PdfLine[]): Block[] {
  const fullWidth = Math.max(...lines.map((l) => l.segments[l.segments.length - 1]!.right));
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (block.kind === "text" && !block.list && !block.gapAbove && previous?.kind === "text" && !ENDS_SENTENCE.test(previous.text)) {
      const ranToMargin = previous.right >= fullWidth * 0.75;
      if (/^[\p{Ll}\d(]/u.test(block.text) || ranToMargin || /[,\-–]$/.test(previous.text)) {
        const glue = /\p{L}-$/u.test(previous.text) ? "" : " ";
        previous.text = `${previous.text}${glue}${block.text}`;
        previous.right = block.right;
        continue;
      }
    }
    out.push(block.kind === "text" ? { ...block } : block);
  }
  return out;
}

function render(blocks: Block[]): string {
  const parts: string[] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (block.kind === "heading") parts.push(`\n${"#".repeat(block.level)} ${block.text}\n`);
    else if (block.kind === "table") parts.push(`\n${gridToMarkdown(block.rows)}\n`);
    else {
      const breakBefore = block.gapAbove && previous?.kind === "text" && !(block.list && previous.list);
      parts.push(`${breakBefore ? "\n" : ""}${block.list ? "- " : ""}${block.text}`);
    }
  });
  return parts
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
