import { fold, squash } from "../../text/normalize.js";
import type { SalaryWords } from "../../vocabulary/salarySchema.js";
import type { SystemRegistry } from "../../domain/systems/registry.js";
import type { ClassificationSystem } from "../../domain/systems/system.js";
import { parseAmount } from "./amounts.js";
import type { SalaryRow, SalaryTable } from "../../domain/salaryTable.js";
import { currencyIn, escapeRegExp, hasPhrase, periodIn, validFromIn } from "./tableContext.js";

/** A table with fewer amounts than this is a mention of a salary, not a salary table. */
const MIN_AMOUNTS = 4;
/** Share of the filled value cells that must be amounts. */
const MIN_AMOUNT_SHARE = 0.7;
/** Lines of text before a table that describe it (its title, "geldig vanaf …", "bedragen per maand"). */
const CONTEXT_LINES = 12;

type Block = { headings: string[]; before: string[]; grid: string[][] };

/** Pipe-table blocks of a Markdown text, with the headings above each and the lines of text just before it. */
function tableBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const headings: string[] = [];
  let before: string[] = [];
  let grid: string[][] | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("|")) {
      grid ??= [];
      if (/^\|[\s|:-]+\|?$/.test(line)) continue; // the header separator
      grid.push(
        line
          .replace(/^\|/, "")
          .replace(/(?<!\\)\|$/, "")
          .split(/(?<!\\)\|/)
          .map((cell) => squash(cell.replace(/\\\|/g, "|").replace(/\*\*/g, ""))),
      );
      continue;
    }
    if (grid) {
      blocks.push({ headings: [...headings], before, grid });
      grid = undefined;
      before = [];
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      headings.length = Math.min(headings.length, heading[1]!.length - 1);
      headings.push(squash(heading[2]!.replace(/\*\*/g, "")));
      before = [];
    } else if (line) before = [...before, line].slice(-CONTEXT_LINES);
  }
  if (grid) blocks.push({ headings: [...headings], before, grid });
  return blocks;
}

/** Whether the cell names a word of the list, and where (for a corner cell "Schaal / trede": the first named wins). */
function wordAt(cell: string, words: readonly string[]): number {
  const folded = fold(cell);
  let at = -1;
  for (const word of words) {
    if (!hasPhrase(folded, word)) continue;
    const i = folded.indexOf(fold(word));
    if (at < 0 || i < at) at = i;
  }
  return at;
}

/** "Schaal 8" → "8", "8" → "8", "C1" → "C1", "schaal 15/16" → "15/16"; undefined when it is no level code. */
function levelCode(cell: string, words: SalaryWords): string | undefined {
  let rest = fold(cell);
  for (const word of words.levelWords) rest = rest.replace(new RegExp(`(?:^|\\s)${escapeRegExp(fold(word))}(?=\\s|$)`, "g"), " ");
  rest = rest.replace(/[:.]/g, " ").trim();
  return /^(?:\d{1,2}[a-z]?|[a-h]\d{0,2}|\d{1,2}\s?\/\s?\d{1,2})$/.test(rest) ? rest.toUpperCase().replace(/\s/g, "") : undefined;
}

/** "Trede 3" → "3", "periodiek 0" → "0", "min" → "min"; the column number when the cell is empty. */
function stepCode(cell: string, words: SalaryWords, position: number): string {
  let rest = fold(cell);
  for (const word of words.stepWords) rest = rest.replace(new RegExp(`(?:^|\\s)${escapeRegExp(fold(word))}(?=\\s|$)`, "g"), " ");
  rest = squash(rest.replace(/[:]/g, " "));
  return rest || String(position);
}

/** The rows of one grid read as levels × steps, or undefined when the grid is no salary table. */
function readGrid(grid: string[][], words: SalaryWords): SalaryRow[] | undefined {
  if (grid.length < 2 || grid[0]!.length < 2) return undefined;
  const [header, ...body] = grid as [string[], ...string[][]];
  const corner = header[0] ?? "";
  const [levelAt, stepAt] = [wordAt(corner, words.levelWords), wordAt(corner, words.stepWords)];
  const headerSays = (list: readonly string[]) => header.slice(1).some((cell) => wordAt(cell, list) >= 0);
  let levelsInRows: boolean;
  if (levelAt >= 0 && (stepAt < 0 || levelAt < stepAt)) levelsInRows = true;
  else if (stepAt >= 0) levelsInRows = false;
  else if (headerSays(words.stepWords)) levelsInRows = true;
  else if (headerSays(words.levelWords)) levelsInRows = false;
  else return undefined;

  // A bare code ("8" under a corner "Schaal") is labelled with the table's own level word: "Schaal 8".
  const levelWord = [corner, ...header].map((cell) => words.levelWords.find((w) => hasPhrase(fold(cell), w))).find(Boolean) ?? words.levelWords[0] ?? "";
  const labelOf = (cell: string, level: string) =>
    wordAt(cell, words.levelWords) >= 0 ? cell : `${levelWord.charAt(0).toUpperCase()}${levelWord.slice(1)} ${level}`.trim();
  const rows: SalaryRow[] = [];
  let amounts = 0;
  let filled = 0;
  const count = (cells: string[]) => {
    for (const cell of cells) if (cell && cell !== "-") filled++;
  };
  if (levelsInRows) {
    for (const row of body) {
      const level = levelCode(row[0] ?? "", words);
      if (!level) continue;
      count(row.slice(1));
      const steps = header
        .slice(1)
        .map((cell, i) => ({ step: stepCode(cell, words, i), amount: parseAmount(row[i + 1] ?? "", words) }))
        .filter((s): s is { step: string; amount: number } => s.amount !== undefined);
      amounts += steps.length;
      if (steps.length) rows.push({ level, label: labelOf(row[0]!, level), steps });
    }
  } else {
    for (const [j, cell] of header.entries()) {
      if (j === 0) continue;
      const level = levelCode(cell, words);
      if (!level) continue;
      count(body.map((row) => row[j] ?? ""));
      const steps = body
        .map((row, i) => ({ step: stepCode(row[0] ?? "", words, i), amount: parseAmount(row[j] ?? "", words) }))
        .filter((s): s is { step: string; amount: number } => s.amount !== undefined);
      amounts += steps.length;
      if (steps.length) rows.push({ level, label: labelOf(cell, level), steps });
    }
  }
  return amounts >= MIN_AMOUNTS && amounts >= filled * MIN_AMOUNT_SHARE && rows.length ? rows : undefined;
}

/** The system a table belongs to: the document's front matter, else what the table's own context names, else the document's. */
function tableSystem(context: string, systems: SystemRegistry, documentSystem: ClassificationSystem, fixed: boolean): string {
  if (fixed) return documentSystem.id;
  const detected = systems.detect(context);
  if (detected.id !== systems.generic.id) return detected.id;
  return systems.askedFor(context)[0]?.id ?? documentSystem.id;
}

/**
 * The salary tables of a document's text (every loader delivers tables as
 * Markdown pipe tables): a grid whose corner or header names the levels
 * ("Schaal") or the steps ("Trede") and whose cells are amounts. The
 * currency, period and validity date come from the table's header, the
 * lines just before it and its headings, then from the document's opening.
 */
export function readSalaryTables(
  text: string,
  options: { words: SalaryWords; systems: SystemRegistry; system: ClassificationSystem; systemFixed: boolean; title: string },
): SalaryTable[] {
  const { words } = options;
  const opening = text.slice(0, 2000);
  const tables: SalaryTable[] = [];
  const usedPaths = new Set<string>();
  for (const block of tableBlocks(text)) {
    const rows = readGrid(block.grid, words);
    if (!rows) continue;
    const local = [...block.headings, ...block.before, block.grid[0]!.join(" ")].join("\n");
    const context = `${local}\n${opening}`;
    let path = block.headings.length ? [...block.headings] : [options.title];
    if (usedPaths.has(path.join("›"))) path = [...path.slice(0, -1), `${path.at(-1)} (${tables.length + 1})`];
    usedPaths.add(path.join("›"));
    const validFrom = validFromIn(local, words) ?? validFromIn(opening, words);
    tables.push({
      path,
      system: tableSystem(context, options.systems, options.system, options.systemFixed),
      currency: currencyIn(local, words) ?? currencyIn(opening, words) ?? Object.keys(words.currencies)[0] ?? "EUR",
      period: periodIn(local, words) ?? periodIn(opening, words) ?? "month",
      ...(validFrom ? { validFrom } : {}),
      rows,
    });
  }
  return tables;
}
