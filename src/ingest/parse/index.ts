import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { normalizeText, squash } from "../../text/normalize.js";
import { splitFrontMatter } from "../frontMatter.js";
import type { ParsedDocument } from "../model.js";
import { DocumentBuilder } from "./builder.js";
import { inferSystem } from "./classificationSystem.js";
import { looksLikeMarkdown, parseMarkdown } from "./markdown.js";
import { parsePlain } from "./plain.js";
import { looksLikeTypings, parseRijk } from "./rijk.js";
import { looksTabbed, parseTabbed } from "./tabbed.js";
import { looksLikeUfo, parseUfo } from "./ufo.js";

const LAYOUTS = [
  { name: "ufo", matches: looksLikeUfo, parse: parseUfo },
  { name: "typings", matches: looksLikeTypings, parse: parseRijk },
  { name: "markdown", matches: looksLikeMarkdown, parse: parseMarkdown },
  { name: "tabbed", matches: looksTabbed, parse: parseTabbed },
] as const;

/** "ufo-service-level-manager_ict.txt" → "Ufo service level manager ict" */
function titleFromFileName(source: string): string {
  const words = basename(source, extname(source)).replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function titleFromLabel(lines: string[]): string | undefined {
  for (const line of lines.slice(0, 40)) {
    const match = /^\s*(?:functiebenaming|functietitel|functienaam|naam van de functie)\s*:\s*(.+)$/i.exec(line);
    if (match) return squash(match[1]!);
  }
  return undefined;
}

/**
 * Turns one document's text into sections, facts and metadata. The layout is
 * recognised from the text itself; a document in no known layout is read as
 * plain text, so every readable document ingests.
 */
export function parseDocument(input: { source: string; text: string; format: string }): ParsedDocument {
  const { frontMatter, body } = splitFrontMatter(input.text);
  const text = normalizeText(body);
  const lines = text.split("\n");
  const system = frontMatter?.system ?? inferSystem(text);
  const builder = new DocumentBuilder(input.source, system);
  const layout = LAYOUTS.find((candidate) => candidate.matches(lines));
  (layout?.parse ?? parsePlain)(lines, builder);
  if (!builder.sections.length) parsePlain(lines, builder);

  const labelled = titleFromLabel(lines);
  const title = frontMatter?.title ?? labelled ?? builder.title ?? titleFromFileName(input.source);
  return {
    meta: {
      source: input.source,
      title,
      titleInferred: !frontMatter?.title && !labelled && !builder.title,
      system,
      organisation: frontMatter?.organisation,
      tags: frontMatter?.tags ?? [],
      jobLevels: builder.jobLevels,
      purpose: builder.purpose,
      format: `${input.format}/${layout?.name ?? "plain"}`,
      contentHash: createHash("sha256").update(input.text).digest("hex"),
    },
    sections: builder.sections,
    competencies: builder.competencies,
    levels: builder.levels,
  };
}
