import { squash } from "../../text/normalize.js";
import type { DocumentBuilder } from "./builder.js";
import { parseKlasse } from "./levels.js";
import { collectItems, isBlank } from "./lines.js";
import { addCompetency } from "./competencyBlock.js";

/** A table cell of a flattened Word table: it starts on a line beginning with a tab. */
type Cell = { lines: string[]; afterGap: boolean };

export function looksTabbed(lines: string[]): boolean {
  return lines.filter((line) => /^ ?\t/.test(line)).length >= 10;
}

function cells(lines: string[]): Cell[] {
  const out: Cell[] = [];
  let gap = true;
  for (const line of lines) {
    const cellStart = /^ ?\t/.exec(line);
    if (cellStart) out.push({ lines: [line.slice(cellStart[0].length)], afterGap: gap });
    else if (out.length) out[out.length - 1]!.lines.push(line);
    gap = isBlank(line.replace(/^ ?\t/, ""));
  }
  return out.map((cell) => ({ ...cell, lines: trimBlankEdges(cell.lines) })).filter((cell) => cell.lines.length);
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end);
}

const COLUMN_HEADER = /^(waarde \d|functieklasse \d{1,2}(\/\d{1,2})?|niveau \d|schaal \d{1,2})$/i;
const NUMBERED_AREA = /^\d+\.\s+[A-Z][A-Z .,/&-]{3,}$/;
const LEVEL_VALUE = /^\d\s*=\s*\S/;

function firstLine(cell: Cell): string {
  return squash(cell.lines[0] ?? "");
}

function cellText(cell: Cell): string {
  // Bullets in cells use "·"; the words "EN"/"OF" between paragraphs are the table's own logic.
  const items = collectItems(cell.lines.map((line) => line.replace(/^\s*·\s*/, "- ")));
  return items.filter((item) => item !== "...").join("\n");
}

type Row = { header: Cell; values: Cell[] };
type Table = { title: string; columns: string[]; rows: Row[]; intro: Cell[] };

/**
 * Word tables exported as text with tabs (the Vlaamse overheid job-family
 * format): merged cells are lost, so rows are found by their header cell (a
 * short title after a gap, or "1. BEHOEFTEANALYSE"), and values are mapped to
 * the column headers only when the counts agree.
 */
export function parseTabbed(lines: string[], builder: DocumentBuilder): void {
  const tables: Table[] = [];
  let table: Table | undefined;
  const all = cells(lines);
  for (let i = 0; i < all.length; i++) {
    const cell = all[i]!;
    const head = firstLine(cell);
    const next = all[i + 1] ? firstLine(all[i + 1]!) : "";
    const startsTable =
      cell.afterGap && cell.lines.length <= 2 && head.length <= 60 && (COLUMN_HEADER.test(next) || /^(doel|resultaatgebieden|context)/i.test(head));
    if (startsTable) {
      table = { title: head.replace(/:$/, ""), columns: [], rows: [], intro: [] };
      tables.push(table);
      if (cell.lines.length > 1) table.intro.push({ lines: cell.lines.slice(1), afterGap: false });
      while (all[i + 1] && COLUMN_HEADER.test(firstLine(all[i + 1]!))) table.columns.push(firstLine(all[++i]!));
      continue;
    }
    if (!table) {
      table = { title: "Inleiding", columns: [], rows: [], intro: [] };
      tables.push(table);
    }
    const isRowHeader =
      NUMBERED_AREA.test(head) ||
      (table.columns.length > 0 && cell.afterGap && head.length <= 50 && /^[A-Z]/.test(head) && !LEVEL_VALUE.test(head) && !/^(EN|OF)$/.test(head));
    if (isRowHeader) table.rows.push({ header: cell, values: [] });
    else if (table.rows.length) table.rows[table.rows.length - 1]!.values.push(cell);
    else table.intro.push(cell);
  }

  for (const t of tables) emitTable(t, builder);
}

function emitTable(table: Table, builder: DocumentBuilder): void {
  const intro = table.intro.map(cellText).filter(Boolean).join("\n");
  if (intro) {
    const kind = /doel/i.test(table.title) ? "purpose" : "text";
    if (kind === "purpose" && !builder.purpose) builder.purpose = squash(intro.replace(/^- /gm, ""));
    builder.section([table.title], kind, intro);
  }
  for (const column of table.columns) {
    const level = parseKlasse(column);
    if (level) builder.jobLevel(level);
  }
  const isCompetencyTable = /competenties/i.test(table.title) && !/vaktechnische/i.test(table.title);
  for (const row of table.rows) {
    const title = firstLine(row.header);
    const headerRest = squash(row.header.lines.slice(1).join(" "));
    const values = row.values.map(cellText).filter(Boolean);
    if (isCompetencyTable) {
      const levelDescriptions = [...row.header.lines.slice(1), ...row.values.flatMap((cell) => cell.lines)]
        .map(squash)
        .filter((line) => LEVEL_VALUE.test(line));
      // One "n = …" line per class column, in column order: the expected level per class. Fewer lines than
      // columns means merged cells were lost, and then no class is guessed.
      const levelsByJobLevel =
        table.columns.length > 1 && levelDescriptions.length === table.columns.length
          ? table.columns.map((column, i) => ({ level: column, value: /^(\d)/.exec(levelDescriptions[i]!)?.[1] ?? "" })).filter((l) => l.value)
          : undefined;
      addCompetency(builder, [table.title], {
        name: title,
        nameInferred: false,
        description: headerRest,
        indicators: [],
        questions: [],
        tips: [],
        levelDescriptions,
        levelsByJobLevel,
      });
      continue;
    }
    // Values map onto columns only when none were merged away.
    const mapped = table.columns.length && values.length === table.columns.length;
    const body = mapped ? values.map((value, i) => `${table.columns[i]}:\n${value}`).join("\n") : values.join("\n");
    const kind = /resultaatgebied/i.test(table.title) || NUMBERED_AREA.test(title) ? "result-area" : table.columns.length ? "criteria" : "text";
    const text = [title + (headerRest ? `: ${headerRest}` : ""), body].filter(Boolean).join("\n");
    builder.section([table.title, title.replace(/^\d+\.\s+/, "")], kind, text);
    if (mapped) {
      values.forEach((value, i) => {
        const level = parseKlasse(table.columns[i]!);
        if (level) builder.level({ ...level, aspects: { [title]: value.split("\n").map((line) => line.replace(/^- /, "")) }, path: [table.title, title] });
      });
    }
  }
}
