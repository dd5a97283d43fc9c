import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { z } from "zod";

/**
 * The valid entries of a JSON-lines log, in file order, read line by line (a
 * large log never has to fit in one string). A missing file is empty; a torn
 * or hand-edited line is skipped, so one bad line never hides the rest.
 */
export async function readJsonLinesLeniently<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const entries: T[] = [];
  const stream = createReadStream(file, { encoding: "utf8" });
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (!line.trim()) continue;
      try {
        const parsed = schema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // a torn or hand-edited line: skip it, keep the rest
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  } finally {
    stream.destroy();
  }
  return entries;
}
