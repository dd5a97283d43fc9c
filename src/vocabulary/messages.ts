import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
/** The interface languages (as the answer contract names them). */
type Language = "nl" | "en";
import { PACK_DIR } from "./load.js";

/**
 * The message catalogue: interface text per language in
 * vocabulary/messages.<language>.yaml, keyed ("salary.range"), with {name}
 * placeholders. Values filled in are data: they are inserted as they are,
 * never read as placeholders themselves.
 */
const CatalogueSchema = z.record(z.string().regex(/^[a-z][\w.]*$/i), z.string().min(1));
export type MessageCatalogue = z.infer<typeof CatalogueSchema>;

const catalogues = new Map<Language, MessageCatalogue>();

export function catalogue(language: Language): MessageCatalogue {
  let found = catalogues.get(language);
  if (!found) {
    found = CatalogueSchema.parse(parse(readFileSync(join(PACK_DIR, `messages.${language}.yaml`), "utf8")));
    catalogues.set(language, found);
  }
  return found;
}

/** One message in the language, placeholders filled; an unknown key throws (a typo must fail the tests, not show a key). */
export function message(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const template = catalogue(language)[key];
  if (template === undefined) throw new Error(`no message "${key}" in messages.${language}.yaml`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A message function bound to one language. */
export function messagesIn(language: Language): (key: string, values?: Record<string, string | number>) => string {
  return (key, values) => message(language, key, values);
}
