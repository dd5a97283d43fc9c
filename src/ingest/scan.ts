import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { formatOf } from "./loaders/index.js";

export type KnowledgeFile = { absPath: string; source: string; size: number; mtimeMs: number };

/** Lists the documents in the knowledge folder (recursively), skipping hidden files and READMEs. */
export async function scanKnowledge(dir: string): Promise<{ files: KnowledgeFile[]; unsupported: string[]; unreadable: { file: string; reason: string }[] }> {
  const files: KnowledgeFile[] = [];
  const unsupported: string[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const absPath = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(absPath);
        continue;
      }
      if (!(entry.isFile() || entry.isSymbolicLink()) || /^readme\.md$/i.test(entry.name)) continue;
      const source = relative(dir, absPath).split(sep).join("/");
      if (!formatOf(absPath)) {
        unsupported.push(source);
        continue;
      }
      try {
        const info = await stat(absPath); // follows links: a dangling link is reported, not silently dropped
        if (!info.isFile()) continue;
        files.push({ absPath, source, size: info.size, mtimeMs: info.mtimeMs });
      } catch (error) {
        unreadable.push({ file: source, reason: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      }
    }
  }
  await walk(dir);
  files.sort((a, b) => a.source.localeCompare(b.source));
  return { files, unsupported: unsupported.sort(), unreadable };
}
