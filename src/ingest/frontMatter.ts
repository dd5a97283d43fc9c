import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** Optional metadata a document may carry that its text lacks. */
export const FrontMatterSchema = z
  .object({
    title: z.string().min(1).optional(),
    organisation: z.string().min(1).optional(),
    system: z.string().min(1).optional(),
    tags: z.array(z.string()).default([]),
  })
  .strict();
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export class FrontMatterError extends Error {
  override name = "FrontMatterError";
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits `---` YAML front matter from the body; invalid front matter is an error naming the field. */
export function splitFrontMatter(text: string): { frontMatter: FrontMatter | undefined; body: string } {
  const match = FENCE.exec(text);
  if (!match) return { frontMatter: undefined, body: text };
  let data: unknown;
  try {
    data = parseYaml(match[1]!) ?? {};
  } catch (error) {
    throw new FrontMatterError(`front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FrontMatterError(`front matter ${issue.path.join(".") || "field"}: ${issue.message}`);
  }
  return { frontMatter: parsed.data, body: text.slice(match[0].length) };
}
