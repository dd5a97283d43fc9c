import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { formatOf } from "./loaders/index.js";

export type KnowledgeFile = { absPath: string; source: string; size: number; mtimeMs: number };

/** Lists the documents in the knowledge folder (recursively), skipping hidden files and READMEs. */
export async function scanKnowledge(dir: string): Promise<{ files: KnowledgeFile[]; unsupported: string[] }> {
  const files: KnowledgeFile[] = [];
  const unsupported: string[] = [];
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const absPath = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(absPath);
        continue;
      }
      if (!entry.isFile() || /^readme\.md$/i.test(entry.name)) continue;
      const source = relative(dir, absPath).split(sep).join("/");
      if (!formatOf(absPath)) {
        unsupported.push(source);
        continue;
      }
      const info = await stat(absPath);
      files.push({ absPath, source, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  await walk(dir);
  files.sort((a, b) => a.source.localeCompare(b.source));
  return { files, unsupported: unsupported.sort() };
}
