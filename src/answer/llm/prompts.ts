import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Intent, Language } from "../../domain/answer.js";

/** The prompt texts, read once at start so a missing file fails at boot, not mid-question. */
export type PromptSet = {
  system: string;
  user: string;
  followUp: string;
  /** Per-intent task instructions; "general" is the fallback. */
  intents: Partial<Record<Intent, string>>;
};

/** prompts/ at the project root, whether we run from src (tsx) or from a build; the cwd as a last resort. */
export function defaultPromptDir(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const candidates = [resolve(here, "../../../prompts"), resolve(here, "../../../../prompts"), resolve("prompts")];
  return candidates.find((dir) => existsSync(join(dir, "system.md"))) ?? candidates[0]!;
}

export function loadPrompts(dir: string = defaultPromptDir()): PromptSet {
  const read = (name: string) => readFileSync(join(dir, name), "utf8").trim();
  const intentDir = join(dir, "intents");
  const intents: Partial<Record<Intent, string>> = {};
  for (const file of readdirSync(intentDir).filter((f) => f.endsWith(".md"))) {
    intents[basename(file, ".md") as Intent] = readFileSync(join(intentDir, file), "utf8").trim();
  }
  if (!intents.general) throw new Error(`prompts: ${join(intentDir, "general.md")} is missing`);
  return { system: read("system.md"), user: read("user.md"), followUp: read("followUp.md"), intents };
}

/**
 * Fills `{name}` placeholders in one pass. Values are inserted literally and
 * never re-scanned, so braces or "{question}" inside a document stay data.
 */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function languageName(language: Language): string {
  return language === "en" ? "English" : "Dutch (Nederlands)";
}

export function intentInstructions(prompts: PromptSet, intent: Intent): string {
  return prompts.intents[intent] ?? prompts.intents.general!;
}
