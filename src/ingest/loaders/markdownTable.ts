/**
 * An HTML table (from Word via mammoth, or from a web page) as a GitHub-flavoured
 * Markdown pipe table, so label/value rows and multi-column facts reach the parser
 * as a table instead of a run-on line.
 *
 * Written here rather than taken from a turndown GFM plugin: turndown-plugin-gfm
 * keeps a table without a header row as raw HTML (Word tables almost never mark
 * one, and raw HTML must never reach the index), the Joplin fork puts an empty
 * header above it instead of its first row; merged cells, multi-paragraph cells
 * and nested tables need rules of their own here anyway.
 */

/** The few DOM members used, so both turndown's and linkedom's nodes fit. */
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };
type DomElement = DomNode & { getAttribute(name: string): string | null };

/** Hostile HTML can ask for colspan="100000": the grid stays small whatever it says. */
const MAX_COLUMNS = 30;
const MAX_ROWSPAN = 500;

const BLOCK = new Set([
  "P",
  "DIV",
  "LI",
  "UL",
  "OL",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "TR",
  "TABLE",
  "BLOCKQUOTE",
  "PRE",
  "SECTION",
  "ARTICLE",
  "DL",
  "DT",
  "DD",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IMG", "SVG"]);
/** Between the paragraphs, lines and nested cells of one table cell. */
const PART_SEPARATOR = "; ";

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === 1;
}

/** The rows of this table, not of tables nested in its cells. */
function rowsOf(table: DomNode): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of Array.from(table.childNodes)) {
    if (!isElement(child)) continue;
    if (child.nodeName === "TR") rows.push(child);
    else if (child.nodeName === "THEAD" || child.nodeName === "TBODY" || child.nodeName === "TFOOT")
      rows.push(...Array.from(child.childNodes).filter((n): n is DomElement => isElement(n) && n.nodeName === "TR"));
  }
  return rows;
}

function cellsOf(row: DomNode): DomElement[] {
  return Array.from(row.childNodes).filter((n): n is DomElement => isElement(n) && (n.nodeName === "TD" || n.nodeName === "TH"));
}

/** A cell's text on one line: its paragraphs, line breaks, list items and nested cells joined by "; ". */
export function cellText(cell: DomNode): string {
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) parts.push(text);
    current = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (!isElement(node) || SKIP.has(node.nodeName)) return;
    if (node.nodeName === "BR") return flush();
    const block = BLOCK.has(node.nodeName) || node.nodeName === "TD" || node.nodeName === "TH";
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  for (const child of Array.from(cell.childNodes)) walk(child);
  flush();
  return parts.join(PART_SEPARATOR);
}

function span(cell: DomElement, attribute: string, max: number): number {
  const value = Number.parseInt(cell.getAttribute(attribute) ?? "1", 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, max) : 1;
}

/**
 * The table as a grid of texts. A cell merged across columns keeps its text in
 * its first column (a spanning caption row is not repeated); a cell merged down
 * rows repeats in each row, so every row still reads on its own.
 */
export function tableGrid(table: DomNode): string[][] {
  const rows = rowsOf(table);
  const grid: string[][] = [];
  const pending: (string | undefined)[][] = []; // texts carried down by rowspan, per row
  rows.forEach((row, r) => {
    const line: string[] = [];
    const carried = pending[r] ?? [];
    let column = 0;
    const skipCarried = () => {
      while (carried[column] !== undefined && column < MAX_COLUMNS) line[column] = carried[column++]!;
    };
    for (const cell of cellsOf(row)) {
      skipCarried();
      if (column >= MAX_COLUMNS) break;
      const text = cellText(cell);
      const across = Math.min(span(cell, "colspan", MAX_COLUMNS), MAX_COLUMNS - column);
      const down = Math.min(span(cell, "rowspan", MAX_ROWSPAN), rows.length - r);
      for (let c = 0; c < across; c++) {
        const value = c === 0 ? text : "";
        line[column + c] = value;
        for (let d = 1; d < down; d++) (pending[r + d] ??= [])[column + c] = value;
      }
      column += across;
    }
    skipCarried();
    grid.push(Array.from(line, (v) => v ?? ""));
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const padded = grid.map((row) => [...row, ...Array<string>(width - row.length).fill("")]);
  // Word tables often carry empty spacer rows and columns: they say nothing.
  const keepColumn = Array.from({ length: width }, (_, c) => padded.some((row) => row[c]!.trim() !== ""));
  return padded.map((row) => row.filter((_, c) => keepColumn[c])).filter((row) => row.some((cell) => cell.trim() !== ""));
}

/** A pipe inside a cell is escaped as GFM says; nothing else is touched, the text stays the document's. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** A grid as GFM pipe-table lines; the first row is the header (Word rarely marks one, so none is invented). */
export function gridToMarkdown(grid: string[][]): string {
  if (!grid.length) return "";
  const line = (row: string[]) => `| ${row.map(escapeCell).join(" | ")} |`;
  const [header, ...body] = grid;
  return [line(header!), `| ${header!.map(() => "---").join(" | ")} |`, ...body.map(line)].join("\n");
}

const LAYOUT_CELL_CHARS = 1500;

function hasHeading(node: DomNode): boolean {
  return Array.from(node.childNodes).some((child) => isElement(child) && (/^H[1-6]$/.test(child.nodeName) || hasHeading(child)));
}

/**
 * One table's Markdown, or undefined when the table is layout rather than data:
 * a framed paragraph (one cell), or a page laid out in a table (a cell holding
 * headings or a long text). Its content then reads as ordinary paragraphs.
 */
export function tableToMarkdown(table: DomNode): string | undefined {
  const rows = rowsOf(table);
  const cells = rows.flatMap(cellsOf);
  if (cells.length <= 1) return undefined;
  if (cells.some((cell) => hasHeading(cell) || (cell.textContent ?? "").length > LAYOUT_CELL_CHARS)) return undefined;
  const grid = tableGrid(table);
  if (grid.length === 0 || (grid.length === 1 && grid[0]!.length === 1)) return undefined;
  return gridToMarkdown(grid);
}
