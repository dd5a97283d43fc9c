import { parse } from "csv-parse/sync";
import { firstLine, UnreadableDocumentError } from "./errors.js";
import { rowsToMarkdown } from "./spreadsheetRows.js";
import { decodeText } from "./text.js";

/**
 * The delimiter of a CSV file, from its first lines: Dutch and Flemish
 * spreadsheet exports use ";" (the comma is their decimal separator), others
 * "," or a tab. The one that occurs most outside quotes wins.
 */
function delimiterOf(text: string): string {
  const head = text.slice(0, 4096).replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((d) => [d, head.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ",";
}

/** A CSV file (a salary table, a list) as Markdown: tables as pipe tables, single-cell rows as lines. */
export async function loadCsv(file: string, bytes: Buffer): Promise<{ text: string }> {
  const text = decodeText(file, bytes);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    throw new UnreadableDocumentError(file, `unreadable CSV (${firstLine(error)})`);
  }
  return { text: rowsToMarkdown(rows) };
}
