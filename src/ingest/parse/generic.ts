import type { CompetencyFact, SectionKind } from "../../domain/document.js";
import { fold, squash } from "../../text/normalize.js";
import type { Vocabulary } from "../../vocabulary/vocabulary.js";
import type { DocumentBuilder } from "./builder.js";
import { addCompetency, type CompetencyBlock } from "./competencyBlock.js";
import { inferCompetencyName } from "./competencyName.js";
import { splitRunTogether } from "./lines.js";
import { renderTable, toBlocks, toTree, type Block, type Node } from "./structure.js";

/** "3.2 Samenwerken", "Competentie 4: Samenwerken (niveau 2)" → "Samenwerken". */
function cleanTitle(title: string): string {
  return squash(
    title
      .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, "")
      .replace(/^(?:competentie|competency|kerncompetentie)\s*\d*\s*[:.-]\s*/i, "")
      .replace(/\s*[([]\s*(?:niveau|level|beheersingsniveau)\s*:?\s*\w+\s*[)\]]\s*$/i, ""),
  );
}

const PROFICIENCY_IN_TITLE = /[([]\s*(?:niveau|level|beheersingsniveau)\s*:?\s*(\w+)\s*[)\]]\s*$/i;
/** A heading that names a section kind or a list, not a document. */
function titleLikeKind(title: string, vocabulary: Vocabulary): boolean {
  return Boolean(vocabulary.headingKind(title) || vocabulary.listKind(title));
}

/** A first line that only says what kind of document this is. */
const GENERIC_DOCUMENT_WORD = /^(?:functiebeschrijving|functieprofiel|functieomschrijving|profiel|vacature|job description|inhoud|inhoudsopgave)$/i;

/** "COMPETENTIEWOORDENBOEK" → "Competentiewoordenboek"; mixed case stays as written. */
function titleCase(text: string): string {
  return text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;
}

const GENERIC_BLOCK_TITLE = /^(?:competentie|competency|kerncompetentie)\s*\d*$/i;

function listKindOf(vocabulary: Vocabulary, text: string) {
  return vocabulary.listKind(cleanTitle(text));
}

/** Does this node look like one competency: a name with indicators, questions or tips under it? */
function hasCompetencyLists(node: Node, vocabulary: Vocabulary): boolean {
  const lists = (kind: string | undefined) => kind === "indicators" || kind === "questions" || kind === "tips";
  return (
    node.blocks.some((b) => b.type === "label" && lists(listKindOf(vocabulary, b.text))) || node.children.some((c) => lists(listKindOf(vocabulary, c.title)))
  );
}

function render(blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "field":
          return `${block.label}: ${block.value}`;
        case "item":
          return `- ${block.text}`;
        case "label":
          return `${block.text}:`;
        case "table":
          return renderTable(block);
        case "text":
          return block.text;
        default:
          return "";
      }
    })
    .filter(Boolean)
    .join("\n");
}

/** A competency × job-level table: level codes across the top, competencies down the side, short values. */
function competencyLevelTable(block: Extract<Block, { type: "table" }>): { levels: string[]; rows: { name: string; values: string[] }[] } | undefined {
  const header = block.header.length ? block.header : (block.rows[0] ?? []);
  const rows = block.header.length ? block.rows : block.rows.slice(1);
  const levelColumns = header.slice(1).filter((cell) => /\d|^[A-E]\d?$/.test(cell.trim()) && cell.length <= 30);
  if (levelColumns.length < 2 || levelColumns.length !== header.length - 1) return undefined;
  const shortValues = rows.every((row) => row.slice(1).every((cell) => cell.length <= 20));
  if (!rows.length || !shortValues) return undefined;
  return { levels: header.slice(1), rows: rows.filter((row) => row[0]).map((row) => ({ name: row[0]!, values: row.slice(1) })) };
}

/** Splits a table cell that holds a list ("- Legt uit - Biedt aan", "a; b") into items. */
function cellItems(cell: string): string[] {
  return cell
    .split(/(?:^|\s)-\s+|;\s+|•\s*/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * A table with a competency column and columns of its lists ("Competentie |
 * Omschrijving | Gedragsindicatoren | Toetsvragen"): one competency per row.
 */
function competencyTable(block: Extract<Block, { type: "table" }>, context: Context): boolean {
  const { vocabulary, builder } = context;
  const header = block.header;
  if (header.length < 2 || vocabulary.headingKind(header[0]!) !== "competency") return false;
  const kinds = header.slice(1).map((cell) => vocabulary.listKind(cell));
  if (!kinds.some(Boolean)) return false;
  for (const row of block.rows) {
    const name = row[0]?.trim();
    if (!name) continue;
    const competency: CompetencyBlock = { name, nameInferred: false, description: "", indicators: [], questions: [], tips: [] };
    kinds.forEach((kind, i) => {
      const cell = row[i + 1] ?? "";
      if (!cell) return;
      if (kind === "description" || !kind) competency.description = [competency.description, cell].filter(Boolean).join(" ");
      else if (kind === "indicators" || kind === "questions" || kind === "tips") competency[kind].push(...cellItems(cell));
    });
    addCompetency(builder, context.path, competency);
  }
  return true;
}

/**
 * A function list: a table with a column of job titles and a column of levels (by the labels of the vocabulary's
 * `title` and `level` fields), two rows or more. Each row is a role with its level and other cells, cited to its
 * row. A table whose header was flattened into its first row (tab-separated) is read the same way.
 */
function functionList(block: Extract<Block, { type: "table" }>, { builder, vocabulary, path }: Context): boolean {
  const header = block.header.length ? block.header : (block.rows[0] ?? []);
  const rows = block.header.length ? block.rows : block.rows.slice(1);
  const columnOf = (id: string) => header.findIndex((head) => vocabulary.field(head.replace(/\*\*/g, ""))?.id === id);
  const nameColumn = columnOf("title");
  const levelColumn = columnOf("level");
  const named = rows.filter((row) => row[nameColumn]?.replace(/\*\*/g, "").trim());
  if (nameColumn < 0 || levelColumn < 0 || named.length < 2) return false;
  for (const row of named) {
    const title = squash(row[nameColumn]!.replace(/\*\*/g, ""));
    builder.role({
      title,
      levels: builder.levelsIn(header[levelColumn]!, row[levelColumn] ?? ""),
      facts: header.flatMap((head, column) => (column === nameColumn || !row[column]?.trim() ? [] : [{ label: squash(head), value: row[column]!.trim() }])),
      path: [...path, title],
    });
  }
  return true;
}

/**
 * A profile that describes several levels side by side: a table whose columns after the first each name one
 * level ("Docent 3 (schaal 10)"). Each column becomes a section of that level ("Onderwijs: …" per row), so what
 * holds at one level is kept apart from the others.
 */
function levelColumns(block: Extract<Block, { type: "table" }>, { builder, path }: Context): void {
  if (!block.header.length || block.header.length < 3) return;
  const levels = block.header.map((head, column) => {
    if (column === 0) return undefined;
    const found = builder.levelsIn(head, head);
    return found.length === 1 ? found[0] : undefined;
  });
  const columns = levels.flatMap((level, column) => (level ? [{ level, column }] : []));
  if (columns.length < 2 || columns.length < block.header.length - 1) return;
  for (const { level, column } of columns) {
    const lines = block.rows.filter((row) => row[column]?.trim()).map((row) => `${row[0] ? `${row[0]}: ` : ""}${row[column]!.trim()}`);
    builder.section([...path, squash(block.header[column]!)], "level", lines.join("\n"), {
      level: builder.vocabulary.systems.completeLevel(level, builder.system),
    });
    builder.jobLevel(level);
  }
}

/** A competency a document names without describing it (a list item, a table row). */
function namedOnly(name: string, path: string[]): Omit<CompetencyFact, "source"> {
  return { name, nameInferred: false, description: "", indicators: [], questions: [], tips: [], levelDescriptions: [], path };
}

type Context = { builder: DocumentBuilder; vocabulary: Vocabulary; corpusNames: readonly string[]; taken: Set<string>; path: string[] };

function addFieldsAndTables(node: Node, path: string[], outer: Context): void {
  const context = { ...outer, path };
  const { builder, vocabulary } = context;
  for (const block of node.blocks) {
    if (block.type === "field") builder.fact({ field: vocabulary.field(block.label)?.id, label: block.label, value: block.value, path });
    if (block.type !== "table") continue;
    builder.tables++;
    const width = Math.max(block.header.length, ...block.rows.map((r) => r.length));
    const all = [...(block.header.length ? [block.header] : []), ...block.rows];
    if (width === 2) {
      // A two-column table is label/value pairs; a header row that names a field is a pair too.
      for (const row of all) {
        const [label, value] = row;
        if (!label || !value) continue;
        const field = vocabulary.field(label);
        if (row === block.header && !field) continue;
        builder.fact({ field: field?.id, label: label.replace(/:$/, ""), value, path });
      }
      continue;
    }
    // A column whose header names a field ("Schaal", "Afdeling") gives each row that fact.
    if (block.header.length) {
      block.header.forEach((head, column) => {
        const field = vocabulary.field(head);
        if (!field || column === 0) return;
        for (const row of block.rows) if (row[column]) builder.fact({ field: field.id, label: head, value: row[column]!, path: [...path, row[0] ?? ""] });
      });
    }
    if (functionList(block, context)) continue;
    levelColumns(block, context);
    if (competencyTable(block, context)) continue;
    const levelTable = competencyLevelTable(block);
    if (levelTable) {
      for (const row of levelTable.rows) {
        const levelsByJobLevel = levelTable.levels.map((level, i) => ({ level, value: row.values[i] ?? "" })).filter((l) => l.value && !/^[-–]$/.test(l.value));
        const known = builder.competencies.find((c) => fold(c.name) === fold(row.name));
        if (known) known.levelsByJobLevel = levelsByJobLevel;
        else builder.competency({ ...namedOnly(row.name, [...path, row.name]), levelsByJobLevel });
      }
    }
  }
}

function competencyFromNode(node: Node, parentPath: string[], context: Context): void {
  const { vocabulary } = context;
  const block: CompetencyBlock = { name: "", nameInferred: false, description: "", indicators: [], questions: [], tips: [], levelDescriptions: [] };
  const descriptions: string[] = [];
  const proficiencyFromTitle = PROFICIENCY_IN_TITLE.exec(node.title)?.[1];
  if (proficiencyFromTitle) block.proficiency = proficiencyFromTitle;
  const take = (blocks: Block[], initial: "indicators" | "questions" | "tips" | "description" | "levels", levelLabel?: string) => {
    let target: string = initial;
    for (const b of blocks) {
      if (b.type === "label") {
        target = listKindOf(vocabulary, b.text) ?? (levelLabel ? target : "levels");
        if (target === "levels" && !listKindOf(vocabulary, b.text)) levelLabel = b.text;
        continue;
      }
      if (b.type === "field") {
        const kind = listKindOf(vocabulary, b.label);
        if (/^(?:niveau|beheersingsniveau|gevraagd niveau|level|proficiency)$/i.test(b.label.trim()))
          block.proficiency ??= b.value.replace(/[^\w/-].*$/, "") || b.value;
        else if (kind === "description") descriptions.push(b.value);
        else if (kind === "questions" || kind === "tips" || kind === "indicators") block[kind].push(b.value);
        else descriptions.push(`${b.label}: ${b.value}`);
        continue;
      }
      const text = b.type === "table" ? renderTable(b) : b.text;
      // Prose before any list is the description (and a proficiency's explanation); lists are indicators.
      if (b.type === "text" && (target === "description" || (target === "indicators" && !block.indicators.length))) {
        descriptions.push(text);
        continue;
      }
      if (target === "levels") block.levelDescriptions!.push(levelLabel ? `${levelLabel}: ${text}` : text);
      else if (target === "description") descriptions.push(text);
      else if (b.type === "item" && target === "indicators") block.indicators.push(...splitRunTogether(text));
      else block[target as "indicators" | "questions" | "tips"].push(text);
    }
  };
  take(node.blocks, "indicators");
  for (const child of node.children) {
    const kind = listKindOf(vocabulary, child.title);
    if (kind) take(child.blocks, kind);
    else {
      // "Niveau 2 – gevorderd": behaviour per proficiency level.
      take(child.blocks, "levels", cleanTitle(child.title));
      for (const grandchild of child.children) take(grandchild.blocks, listKindOf(vocabulary, grandchild.title) ?? "levels", cleanTitle(grandchild.title));
    }
  }
  block.description = descriptions.join(" ");
  // A dictionary describes behaviour per level only: that behaviour is the competency's indicators.
  if (!block.indicators.length && block.levelDescriptions!.length)
    block.indicators = block.levelDescriptions!.map((item) => item.replace(/^[^:]{1,40}:\s*/, ""));
  const title = cleanTitle(node.title);
  const generic = !title || GENERIC_BLOCK_TITLE.test(title) || vocabulary.listKind(title) !== undefined || vocabulary.headingKind(title) === "competency";
  if (generic) {
    const inferred = inferCompetencyName(block, vocabulary, context.taken, context.corpusNames);
    block.name = inferred.name;
    block.nameInferred = true;
  } else block.name = title;
  context.taken.add(block.name);
  addCompetency(context.builder, parentPath, block);
}

/** Short bullet items under a "Competenties" heading are the competencies a role asks for, by name. */
function competencyNameList(node: Node, path: string[], context: Context): void {
  addCompetencyNames(
    context.builder,
    node.blocks.filter((b): b is Extract<Block, { type: "item" }> => b.type === "item").map((b) => b.text),
    path,
  );
}

/** Records listed competency names (without description) when most of them are competencies we know. */
export function addCompetencyNames(builder: DocumentBuilder, list: string[], path: string[]): void {
  const context = { builder, vocabulary: builder.vocabulary, corpusNames: builder.corpusNames };
  // "Informatie analyseren: je analyseert gegevens …": a name with its description.
  const described = list.map((item) => /^([^:]{3,50}):\s+(\S.*)$/.exec(item)).filter((m): m is RegExpExecArray => m !== null && m[1]!.split(" ").length <= 5);
  if (described.length >= 2 && described.length >= list.length * 0.8) {
    for (const m of described)
      addCompetency(builder, path, { name: m[1]!.trim(), nameInferred: false, description: m[2]!.trim(), indicators: [], questions: [], tips: [] });
    return;
  }
  const items = list.map((item) => item.replace(/[.;]$/, "").trim());
  const names = items.filter((item) => item.split(" ").length <= 6 && !/[.:]/.test(item) && !/^p\.?m\.?$/i.test(item));
  // Names, not knowledge items: most must be competencies the vocabulary or the corpus knows.
  const known = names.filter((name) => context.vocabulary.competenciesNamed(name).length > 0 || context.corpusNames.some((n) => fold(n) === fold(name)));
  if (!names.length || names.length < items.length * 0.8 || known.length < names.length / 2) return;
  for (const name of names) {
    if (context.builder.competencies.some((c) => fold(c.name) === fold(name))) continue;
    context.builder.competency(namedOnly(name.charAt(0).toUpperCase() + name.slice(1), [...path, name]));
  }
}

/** "Analytisch vermogen: doorziet …" lines: when most labels of a section are competencies, each is one. */
function competencyFields(node: Node, path: string[], context: Context): boolean {
  const fields = node.blocks.filter((b): b is Extract<Block, { type: "field" }> => b.type === "field");
  const known = fields.filter((f) => context.vocabulary.competenciesNamed(f.label).length > 0 || context.corpusNames.some((n) => fold(n) === fold(f.label)));
  if (fields.length < 2 || known.length < fields.length * 0.6) return false;
  for (const field of fields) {
    addCompetency(context.builder, path, { name: field.label, nameInferred: false, description: field.value, indicators: [], questions: [], tips: [] });
  }
  return true;
}

function walk(node: Node, path: string[], inherited: SectionKind | undefined, context: Context): void {
  const { builder, vocabulary } = context;
  const own = node.title ? vocabulary.headingKind(cleanTitle(node.title)) : undefined;
  const kind: SectionKind = own ?? inherited ?? "text";
  const nodePath = node.title ? [...path, cleanTitle(node.title) || node.title] : path;
  const underCompetencies = inherited === "competency" && own === undefined;
  const isCompetency =
    node.title !== "" &&
    (hasCompetencyLists(node, vocabulary) ||
      (underCompetencies && cleanTitle(node.title).split(" ").length <= 8 && (node.blocks.length > 0 || node.children.length > 0)));
  if (isCompetency) {
    competencyFromNode(node, path, context);
    return;
  }
  const fieldsAreCompetencies = competencyFields(node, nodePath, context);
  if (!fieldsAreCompetencies) addFieldsAndTables(node, nodePath, context);
  if (kind === "competency" && !node.children.length) competencyNameList(node, nodePath, context);
  const text = fieldsAreCompetencies ? "" : render(node.blocks);
  if (text) {
    builder.section(nodePath.length ? nodePath : ["Inleiding"], kind, text);
    if (kind === "purpose" && !builder.purpose)
      builder.purpose =
        node.blocks
          .filter((b) => b.type === "text")
          .map((b) => (b as { text: string }).text)
          .join(" ") || undefined;
  }
  for (const child of node.children) walk(child, nodePath, kind === "text" ? undefined : kind, context);
}

/**
 * Any document, whatever its layout: headings of any style, label/value
 * fields, tables, lists and competency blocks recognised by their structure.
 */
export function parseGeneric(text: string, builder: DocumentBuilder, vocabulary: Vocabulary, corpusNames: readonly string[] = []): void {
  const tree = toTree(toBlocks(text, vocabulary));
  // One heading above all others at the very top is the document's title, not a section.
  let root = tree;
  const first = tree.children[0];
  // The one top-level Markdown heading of a document is its title, wherever it stands.
  const topLevel = tree.children.filter((n) => n.depth === 10);
  if (topLevel.length === 1 && topLevel[0] === first && !titleLikeKind(topLevel[0]!.title, vocabulary)) builder.title ??= cleanTitle(topLevel[0]!.title);
  const titleLike = (title: string) => !vocabulary.headingKind(title) && !vocabulary.listKind(title) && !GENERIC_DOCUMENT_WORD.test(title.trim());
  if (first && tree.children.length === 1 && !tree.blocks.some((b) => b.type !== "field") && titleLike(first.title)) {
    builder.title ??= cleanTitle(first.title);
    root = { ...first, title: "", blocks: [...tree.blocks, ...first.blocks] };
  } else if (first && !tree.blocks.length && !first.blocks.some((b) => b.type === "item") && titleLike(first.title)) {
    // The document's first line is a heading no section kind claims: its title ("Inspecteur", "COMPETENTIEWOORDENBOEK").
    builder.title ??= titleCase(cleanTitle(first.title));
  }
  walk(root, [], undefined, { builder, vocabulary, corpusNames, taken: new Set(), path: [] });
}
