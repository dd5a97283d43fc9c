import { readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { formatOf } from "./loaders/index.js";
import { setOfSource } from "../domain/audience.js";

export type KnowledgeFile = { absPath: string; source: string; size: number; mtimeMs: number };
export type ScanResult = { files: KnowledgeFile[]; unsupported: string[]; unreadable: { file: string; reason: string }[] };

export const OUTSIDE_LINK_REASON = "link points outside the knowledge folder";
export const OTHER_SET_LINK_REASON = "link points into another document set";

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Lists the documents in the knowledge folder (recursively), skipping hidden
 * files and READMEs. Symbolic links are followed only while they stay inside the
 * folder: a link to /etc or to a secrets file elsewhere would make that file's
 * content answerable, with a citation. Each folder is read once by its real
 * path, so a link loop ends.
 */
export async function scanKnowledge(dir: string): Promise<ScanResult> {
  const root = await realpath(dir);
  const files: KnowledgeFile[] = [];
  const unsupported: string[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  const visited = new Set<string>([root]);
  const sourceOf = (absPath: string) => relative(dir, absPath).split(sep).join("/");

  /** `readPath` is where the document is read from: its checked real path (a link's target), so re-pointing a link later reads nothing new. */
  async function addFile(absPath: string, name: string, readPath = absPath): Promise<void> {
    if (/^readme\.md$/i.test(name)) return;
    const source = sourceOf(absPath);
    if (!formatOf(absPath)) {
      unsupported.push(source);
      return;
    }
    // A link must not carry a document into another set's audience (a public name for an HR-only file).
    if (setOfSource(relative(root, readPath).split(sep).join("/")) !== setOfSource(source)) {
      unreadable.push({ file: source, reason: OTHER_SET_LINK_REASON });
      return;
    }
    try {
      const info = await stat(readPath);
      if (info.isFile()) files.push({ absPath: readPath, source, size: info.size, mtimeMs: info.mtimeMs });
    } catch (error) {
      unreadable.push({ file: source, reason: `cannot read the file (${errorCode(error)})` });
    }
  }

  // Links are followed after every real folder has been read, so a document is listed under its own path, not a link's.
  const links: { absPath: string; name: string }[] = [];
  /** `realFolder` is the folder's checked real path: documents are read from there, not through a link that could be re-pointed. */
  async function walk(folder: string, realFolder: string): Promise<void> {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const absPath = join(folder, entry.name);
      if (entry.isDirectory()) {
        const real = await realpath(absPath).catch(() => absPath);
        if (visited.has(real)) continue;
        visited.add(real);
        await walk(absPath, real);
      } else if (entry.isFile()) {
        await addFile(absPath, entry.name, join(realFolder, entry.name));
      } else if (entry.isSymbolicLink()) {
        links.push({ absPath, name: entry.name });
      }
    }
  }

  async function followLink(absPath: string, name: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(absPath);
    } catch (error) {
      // A dangling link or a link loop is reported, not silently dropped.
      if (!/^readme\.md$/i.test(name)) unreadable.push({ file: sourceOf(absPath), reason: `cannot read the file (${errorCode(error)})` });
      return;
    }
    if (!isInside(root, real)) {
      unreadable.push({ file: sourceOf(absPath), reason: OUTSIDE_LINK_REASON });
      return;
    }
    const info = await stat(real).catch(() => undefined);
    if (info?.isDirectory()) {
      if (visited.has(real)) return; // already read by its own path, or a loop back to an ancestor
      visited.add(real);
      await walk(absPath, real);
    } else if (info?.isFile()) {
      await addFile(absPath, name, real);
    }
  }

  await walk(dir, root);
  for (let i = 0; i < links.length; i++) await followLink(links[i]!.absPath, links[i]!.name);
  files.sort((a, b) => a.source.localeCompare(b.source));
  return { files, unsupported: unsupported.sort(), unreadable };
}
