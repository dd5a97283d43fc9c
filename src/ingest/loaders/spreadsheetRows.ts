import { gridToMarkdown } from "./markdownTable.js";

/** A sheet wider than this is not a table a person reads; the rest of each row is left out. */
const MAX_COLUMNS = 40;

/**
 * Spreadsheet rows (CSV, a sheet of a workbook) as the Markdown the parser
 * reads: a row with one filled cell is a line of text (a title, "geldig vanaf
 * 1 januari 2025"), consecutive rows with two or more filled cells are one
 * pipe table, empty rows separate. Trailing empty columns are dropped.
 */
export function rowsToMarkdown(rows: readonly (readonly string[])[]): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (table.length) {
      const width = Math.max(...table.map((row) => lastFilled(row) + 1));
      out.push(gridToMarkdown(table.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""))), "");
    }
    table = [];
  };
  for (const raw of rows) {
    const row = raw.slice(0, MAX_COLUMNS).map((cell) => cell.replace(/\s+/g, " ").trim());
    const filled = row.filter(Boolean);
    if (filled.length >= 2) {
      table.push(row.slice(0, lastFilled(row) + 1));
      continue;
    }
    flush();
    if (filled.length === 1) out.push(filled[0]!, "");
  }
  flush();
  return out.join("\n").trim();
}

function lastFilled(row: readonly string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i]) return i;
  return -1;
}
