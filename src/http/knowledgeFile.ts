import { realpath, stat } from "node:fs/promises";
import { isAbsolute, resolve, sep, win32 } from "node:path";
import { formatOfFile } from "../ingest/formats.js";

export type KnowledgeFile = { path: string; contentType: string };

export class KnowledgePathError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

/**
 * Resolves a citation's `source` (relative to the knowledge folder) to a file
 * that is really inside that folder: no absolute paths, no `..` segments, and
 * after following symlinks the file must still lie under the folder's real path.
 */
export async function resolveKnowledgeFile(knowledgeDir: string, source: string): Promise<KnowledgeFile> {
  if (!source || source.length > 1000 || source.includes("\0")) throw new KnowledgePathError("Invalid document path.", 400);
  if (isAbsolute(source) || win32.isAbsolute(source) || source.startsWith("~"))
    throw new KnowledgePathError("Document paths are relative to the knowledge folder.", 400);
  if (source.split(/[\\/]/).some((segment) => segment === "..")) throw new KnowledgePathError("Document paths may not leave the knowledge folder.", 400);
  const contentType = formatOfFile(source)?.contentType;
  if (!contentType) throw new KnowledgePathError("No such document.", 404);
  let root: string;
  let real: string;
  try {
    root = await realpath(resolve(knowledgeDir));
    real = await realpath(resolve(root, source));
  } catch {
    throw new KnowledgePathError("No such document.", 404);
  }
  if (!real.startsWith(root + sep)) throw new KnowledgePathError("No such document.", 404);
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) throw new KnowledgePathError("No such document.", 404);
  return { path: real, contentType };
}
