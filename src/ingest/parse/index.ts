import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { fold, normalizeText, squash } from "../../text/normalize.js";
import { defaultVocabulary } from "../../vocabulary/load.js";
import type { Vocabulary } from "../../vocabulary/vocabulary.js";
import { splitFrontMatter } from "../frontMatter.js";
import type { DocumentMeta, ParsedDocument } from "../../domain/document.js";
import { readSalaryTables } from "../salary/readSalaryTables.js";
import { withSalaryTables } from "../salary/salaryDocument.js";
import { COMPETENCY_KINDS, DocumentBuilder } from "./builder.js";
import { findCareerEdges } from "./careerEdges.js";
import { parseGeneric } from "./generic.js";
import { looksLikeTypings, parseRijk } from "./rijk.js";
import { toBlocks } from "./structure.js";
import { looksTabbed, parseTabbed } from "./tabbed.js";
import { looksLikeUfo, parseUfo } from "./ufo.js";

/** Bump when the parser reads documents differently: an index built by another version is re-read (5: salary tables). */
export const PARSER_VERSION = 5;

/** Layouts with a shape of their own; every other document is read by its structure (parseGeneric). */
const LAYOUTS = [
  { name: "ufo", matches: looksLikeUfo, parse: parseUfo },
  { name: "typings", matches: looksLikeTypings, parse: parseRijk },
  { name: "tabbed", matches: looksTabbed, parse: parseTabbed },
] as const;

/** "ufo-service-level-manager_ict.txt" → "Ufo service level manager ict" */
function titleFromFileName(source: string): string {
  const words = basename(source, extname(source)).replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Functieprofiel: Medewerker Publiekszaken" → "Medewerker Publiekszaken"; "WOORDENBOEK" → "Woordenboek". */
function cleanDocumentTitle(title: string): string {
  const cleaned = squash(
    title.replace(/^(?:functieprofiel|functiebeschrijving|functieomschrijving|profiel|vacature|job description|functie)(?:\s*[:\-–]\s*|\s+)/i, ""),
  );
  const chosen = cleaned.length > 3 ? cleaned : squash(title);
  return chosen === chosen.toUpperCase() && /[A-Z]/.test(chosen) ? chosen.charAt(0) + chosen.slice(1).toLowerCase() : chosen;
}

/** A document-kind word alone on the first line says nothing about the role. */
const GENERIC_FIRST_LINE = /^(?:functiebeschrijving|functieprofiel|functieomschrijving|profiel|vacature|job description|inhoud|inhoudsopgave)$/i;

/** The first line, when it reads as a title: short, no sentence, no section heading, no label. */
function firstLineTitle(lines: string[], vocabulary: Vocabulary): string | undefined {
  const first = lines
    .find((line) => line.trim())
    ?.trim()
    .replace(/^#+\s*/, "")
    .replace(/\*\*/g, "")
    .trim();
  if (!first || first.length > 80 || /[.:;,]$/.test(first) || first.includes(":") || first.includes("\t")) return undefined;
  if (GENERIC_FIRST_LINE.test(first) || vocabulary.headingKind(first) || vocabulary.listKind(first)) return undefined;
  return first;
}

/** The job's levels, when the layout did not find them: label/value facts first, then level lines, then sentences. */
function findJobLevels(builder: DocumentBuilder, sectionTexts: string[]): void {
  for (const fact of builder.facts) if (fact.field === "level") for (const level of builder.levelsIn(fact.label, fact.value)) builder.jobLevel(level);
  if (builder.jobLevels.length) return;
  for (const text of sectionTexts)
    for (const statement of builder.vocabulary.systems.levelStatements(text)) {
      const level = builder.levelOf(statement);
      if (level) builder.jobLevel(level);
    }
}

/**
 * In a function list, a section under a heading that names one of the listed roles ("Roostermaker (schaal F)",
 * "3.2 Roostermaker") is about that role; the longest title that starts the heading wins.
 */
function scopeSectionsToRoles(builder: DocumentBuilder): void {
  if (!builder.roles.length) return;
  const titles = builder.roles.map((role) => ({ title: role.title, folded: fold(role.title) })).sort((a, b) => b.folded.length - a.folded.length);
  const roleOf = (heading: string) => {
    const part = fold(heading).replace(/^[\d.\s]+/, "");
    return titles.find(({ folded }) => part.startsWith(folded) && !/^[\p{L}\p{N}]/u.test(part.slice(folded.length)))?.title;
  };
  for (const section of builder.sections) {
    const named = section.path.map(roleOf).find(Boolean);
    if (named) section.role = named;
  }
}

/** A heading that is only a level, as profiles describing several levels write them: "Niveau 7", "3. Schaal 8". */
const LEVEL_HEADING = /^(?:[\d.]+\s*)?([\p{L}-]+)\s+([A-Za-z]?\d{1,3}[a-c]?)\s*$/u;

/**
 * A profile that describes several levels under their own headings ("Niveau 7", "Werkzaamheden leerkracht
 * L10"): each section under such a heading holds at that level. A heading names a level by a level statement,
 * by being only "<level word> <code>", or by a code of the document's own system that cannot be an ordinary
 * word ("L10", "C1"). Competency blocks are left alone: their "Niveau 2" is a proficiency.
 */
function scopeSectionsToLevels(builder: DocumentBuilder): void {
  const systems = builder.vocabulary.systems;
  const levelWords = new Set(systems.all.flatMap((s) => s.levelWords));
  const levelOf = (heading: string) => {
    const bare = LEVEL_HEADING.exec(heading.trim());
    const found =
      systems.levelStatements(heading)[0] ??
      (bare && levelWords.has(fold(bare[1]!)) ? { word: fold(bare[1]!), code: bare[2]!.toUpperCase() } : undefined) ??
      builder.ownSystemCodes(heading)[0];
    return found && builder.levelOf(found);
  };
  for (const section of builder.sections) {
    if (section.level || COMPETENCY_KINDS.has(section.kind)) continue;
    const level = [...section.path].reverse().map(levelOf).find(Boolean);
    if (!level) continue;
    section.level = level;
    builder.jobLevel(level);
  }
}

function warningsOf(meta: Omit<DocumentMeta, "warnings">, competencies: number): string[] {
  return [
    ...(meta.jobLevels.length ? [] : ["no level found"]),
    ...(competencies ? [] : ["no competency found"]),
    ...(meta.titleFrom === "file-name" ? ["no title in the text: the file name is used"] : []),
    ...(meta.system === "generic" && meta.jobLevels.length
      ? ["no classification system recognised: levels are kept as written (name the system in the front matter or the glossary)"]
      : []),
  ];
}

export type ParseInput = { source: string; text: string; format: string /** The document's own title property (Word, PDF, HTML). */; title?: string };
export type ParseOptions = { vocabulary: Vocabulary /** Competency names other documents use. */; corpusNames?: readonly string[] };

/**
 * Turns one document's text into sections, facts and metadata. Known layouts
 * are recognised from the text itself; any other document is read by its
 * structure, so every readable document yields title, levels, facts,
 * competencies and sections where it states them.
 */
export function parseDocument(input: ParseInput, options: ParseOptions = { vocabulary: defaultVocabulary() }): ParsedDocument {
  const { vocabulary } = options;
  const { frontMatter, body } = splitFrontMatter(input.text);
  const text = normalizeText(body);
  const lines = text.split("\n");
  const system = frontMatter?.system ? vocabulary.systems.system(frontMatter.system) : vocabulary.systems.detect(text);
  const builder = new DocumentBuilder(input.source, system.id, vocabulary, options.corpusNames);
  const layout = LAYOUTS.find((candidate) => candidate.matches(lines));
  if (layout) {
    layout.parse(lines, builder);
    // Label/value fields are facts in every layout.
    for (const block of toBlocks(text, vocabulary))
      if (block.type === "field") builder.fact({ field: vocabulary.field(block.label)?.id, label: block.label, value: block.value, path: [] });
  }
  if (!layout || !builder.sections.length) parseGeneric(text, builder, vocabulary, options.corpusNames);

  findJobLevels(
    builder,
    builder.sections
      .filter((s) => s.kind !== "competency" && s.kind !== "interview-questions" && s.kind !== "development-tips")
      .map((s) => `${s.path.join("\n")}\n${s.text}`),
  );

  scopeSectionsToRoles(builder);
  scopeSectionsToLevels(builder);
  const careerEdges = findCareerEdges(builder);
  const labelled = builder.facts.find((f) => f.field === "title" && f.value.length <= 90 && !/\d{3,}/.test(f.value))?.value;
  const candidates: [DocumentMeta["titleFrom"], string | undefined][] = [
    ["front-matter", frontMatter?.title],
    ["document-property", input.title?.trim() || undefined],
    ["label", labelled],
    ["heading", builder.title ?? firstLineTitle(lines, vocabulary)],
    ["file-name", titleFromFileName(input.source)],
  ];
  const [titleFrom, rawTitle] = candidates.find(([, value]) => value?.trim()) as [DocumentMeta["titleFrom"], string];
  const meta: Omit<DocumentMeta, "warnings"> = {
    source: input.source,
    title: titleFrom === "front-matter" ? rawTitle : cleanDocumentTitle(rawTitle),
    titleInferred: titleFrom === "file-name",
    titleFrom,
    system: system.id,
    systemName: system.name,
    organisation: frontMatter?.organisation,
    tags: frontMatter?.tags ?? [],
    jobLevels: builder.jobLevels,
    purpose: builder.purpose,
    format: `${input.format}/${layout?.name ?? "structure"}`,
    contentHash: createHash("sha256").update(input.text).digest("hex"),
    facts: builder.facts,
    tables: builder.tables,
    ...(builder.roles.length ? { roles: builder.roles } : {}),
    ...(careerEdges.length ? { careerEdges } : {}),
  };
  const parsed: ParsedDocument = {
    meta: { ...meta, warnings: warningsOf(meta, builder.competencies.length) },
    sections: builder.sections,
    competencies: builder.competencies,
    levels: builder.levels,
  };
  const salaryTables = readSalaryTables(text, {
    words: vocabulary.salaryWords,
    systems: vocabulary.systems,
    system,
    systemFixed: Boolean(frontMatter?.system),
    title: meta.title,
  });
  return salaryTables.length ? withSalaryTables(parsed, salaryTables, vocabulary) : parsed;
}
