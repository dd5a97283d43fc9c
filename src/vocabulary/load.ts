import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { z } from "zod";
import { SystemRegistry } from "../domain/systems/registry.js";
import { SystemPackSchema } from "../domain/systems/system.js";
import { GlossarySchema, HrPackSchema, LanguagePackSchema, type Glossary } from "./schema.js";
import { Vocabulary } from "./vocabulary.js";

/** The packs shipped with the app, at the project root, whether we run from src (tsx) or from a build (dist/src). */
export const PACK_DIR =
  [fileURLToPath(new URL("../../vocabulary/", import.meta.url)), fileURLToPath(new URL("../../../vocabulary/", import.meta.url))].find((dir) =>
    existsSync(join(dir, "language.yaml")),
  ) ?? fileURLToPath(new URL("../../vocabulary/", import.meta.url));
export const GLOSSARY_FILE = "glossary.yaml";

export class VocabularyError extends Error {
  override name = "VocabularyError";
}

function readYaml<T>(file: string, schema: z.ZodType<T>): { value: T; text: string } {
  const text = readFileSync(file, "utf8");
  let raw: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"): a glossary is user input.
    raw = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new VocabularyError(`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VocabularyError(`${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return { value: parsed.data, text };
}

const cache = new Map<string, Vocabulary>();

/**
 * The vocabulary for a knowledge folder: the shipped packs plus the folder's
 * `glossary.yaml` when it has one. Cached by content hash.
 */
export function loadVocabulary(knowledgeDir?: string): Vocabulary {
  const language = readYaml(join(PACK_DIR, "language.yaml"), LanguagePackSchema);
  const hr = readYaml(join(PACK_DIR, "hr-public-sector.yaml"), HrPackSchema);
  const systems = readYaml(join(PACK_DIR, "systems.yaml"), SystemPackSchema);
  const glossaryPath = knowledgeDir ? join(knowledgeDir, GLOSSARY_FILE) : undefined;
  const glossary = glossaryPath && existsSync(glossaryPath) ? readYaml(glossaryPath, GlossarySchema) : undefined;
  const hash = createHash("sha256")
    .update(language.text)
    .update("\0")
    .update(hr.text)
    .update("\0")
    .update(systems.text)
    .update("\0")
    .update(glossary?.text ?? "")
    .digest("hex")
    .slice(0, 16);
  const known = cache.get(hash);
  if (known) return known;
  let registry: SystemRegistry;
  try {
    registry = new SystemRegistry([...systems.value.systems, ...(glossary?.value.systems ?? [])]);
  } catch (error) {
    throw new VocabularyError(`${glossaryPath ?? join(PACK_DIR, "systems.yaml")}: systems: ${(error as Error).message}`);
  }
  const vocabulary = new Vocabulary(language.value, hr.value, glossary?.value, hash, registry);
  cache.set(hash, vocabulary);
  return vocabulary;
}

/** The organisation's glossary alone (for the ingest report), or undefined. */
export function readGlossary(knowledgeDir: string): Glossary | undefined {
  const path = join(knowledgeDir, GLOSSARY_FILE);
  return existsSync(path) ? readYaml(path, GlossarySchema).value : undefined;
}

/** The packs only: for code that has no knowledge folder (tests, tools). */
export function defaultVocabulary(): Vocabulary {
  return loadVocabulary();
}
