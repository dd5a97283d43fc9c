import readXlsxFile from "read-excel-file/node";
import { firstLine, UnreadableDocumentError } from "./errors.js";
import { rowsToMarkdown } from "./spreadsheetRows.js";

/** A cell as text: dates as ISO days (a validity date), numbers as JavaScript writes them (decimal point). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * An Excel workbook (.xlsx) as Markdown: each sheet under a heading with its
 * name, its rows as pipe tables and lines (read-excel-file reads the values,
 * not the formatting, so "€ 3.012,00" arrives as 3012).
 */
export async function loadXlsx(file: string, bytes: Buffer, maxChars: number): Promise<{ text: string }> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    throw new UnreadableDocumentError(file, `unreadable Excel workbook (${firstLine(error)})`);
  }
  const parts: string[] = [];
  let chars = 0;
  for (const sheet of sheets) {
    const markdown = rowsToMarkdown(sheet.data.map((row) => row.map(cellText)));
    if (!markdown) continue;
    chars += markdown.length;
    if (chars > maxChars) throw new UnreadableDocumentError(file, `too much text (at most ${(maxChars / 1024 / 1024).toFixed(1)} MB)`);
    parts.push(sheets.length > 1 ? `## ${sheet.sheet}\n\n${markdown}` : markdown);
  }
  return { text: parts.join("\n\n") };
}
