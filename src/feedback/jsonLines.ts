import { readFile } from "node:fs/promises";
import type { z } from "zod";

/**
 * The valid entries of a JSON-lines log, in file order. A missing file is
 * empty; a torn or hand-edited line is skipped, so one bad line never hides
 * the rest.
 */
export async function readJsonLinesLeniently<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const entries: T[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // a torn or hand-edited line: skip it, keep the rest
    }
  }
  return entries;
}
