// TEMPORARY text-only loader (the full loaders for docx/pdf/html replace this file).
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
export type DocumentFormat = "txt" | "md" | "docx" | "pdf" | "html";
export type LoadedFile = { text: string; format: DocumentFormat };
export const SUPPORTED_EXTENSIONS: readonly string[] = [".txt", ".md", ".markdown"];
export class UnreadableDocumentError extends Error {
  constructor(readonly file: string, readonly reason: string) { super(`${file}: ${reason}`); }
}
export function formatOf(path: string): DocumentFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === ".txt" ? "txt" : ext === ".md" || ext === ".markdown" ? "md" : undefined;
}
export async function loadFile(absPath: string, options: { maxBytes?: number } = {}): Promise<LoadedFile> {
  const format = formatOf(absPath);
  if (!format) throw new UnreadableDocumentError(absPath, `unsupported extension ${extname(absPath)}`);
  const info = await stat(absPath);
  if (info.size > (options.maxBytes ?? 20e6)) throw new UnreadableDocumentError(absPath, "larger than 20 MB");
  const bytes = await readFile(absPath);
  let text: string;
  try {
    if (bytes.includes(0)) throw new Error("NUL byte");
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new UnreadableDocumentError(absPath, "not valid UTF-8 text (binary?)");
  }
  if (!text.trim()) throw new UnreadableDocumentError(absPath, "empty file");
  return { text, format };
}
