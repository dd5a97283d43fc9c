import { readFile } from "node:fs/promises";
import { z } from "zod";

/** One labelled retrieval question: the query and the source + section that must be found. */
export const SearchQuestionSchema = z.object({
  query: z.string().min(1),
  source: z.string().min(1),
  /** A case-insensitive part of the citation section, e.g. "Onderhandelen › Toetsvragen". */
  section: z.string().min(1),
});
export type SearchQuestion = z.infer<typeof SearchQuestionSchema>;

export async function readJsonLines<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  return lines.map((line, i) => {
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}
