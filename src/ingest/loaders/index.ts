import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { type DocumentFormat, formatOfFile, SUPPORTED_EXTENSIONS } from "../formats.js";
import { UnreadableDocumentError } from "./errors.js";

export { type DocumentFormat, SUPPORTED_EXTENSIONS, UnreadableDocumentError };

/**
 * The text of a document, and the format it came from. Word, PDF and HTML arrive
 * as GitHub-flavoured Markdown (`#` headings, `- ` lists, pipe tables); txt and md
 * as they are. `title` is the document's own title property when it has one
 * (Word's title, the PDF's Info Title, a web page's h1 or title).
 */
export type LoadedFile = { text: string; format: DocumentFormat; title?: string };

/** A profile is a few pages; anything this big is an export gone wrong and would stall ingest. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** The text of one document, after conversion: a small file can expand (zip, PDF streams), the index must not. */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;

export function formatOf(path: string): DocumentFormat | undefined {
  return formatOfFile(path)?.id;
}

/** Reads one document to text. Throws UnreadableDocumentError with a reason a person understands. */
export async function loadFile(absPath: string, options: { maxBytes?: number; maxChars?: number } = {}): Promise<LoadedFile> {
  const file = basename(absPath);
  const format = formatOfFile(absPath);
  if (!format) throw new UnreadableDocumentError(file, `unsupported file type ${extname(absPath) || "(none)"}`);
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  let bytes: Buffer;
  try {
    const info = await stat(absPath);
    if (info.size > maxBytes)
      throw new UnreadableDocumentError(file, `too large (${(info.size / 1024 / 1024).toFixed(1)} MB; at most ${maxBytes / 1024 / 1024} MB)`);
    bytes = await readFile(absPath);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.length === 0) throw new UnreadableDocumentError(file, "empty file");
  const maxChars = options.maxChars ?? MAX_TEXT_CHARS;
  const { text, title } = await format.load(file, bytes, maxChars);
  if (!text.trim()) throw new UnreadableDocumentError(file, "no text in the document");
  if (text.length > maxChars)
    throw new UnreadableDocumentError(file, `too much text (${(text.length / 1024 / 1024).toFixed(1)} MB; at most ${(maxChars / 1024 / 1024).toFixed(1)} MB)`);
  return title ? { text, format: format.id, title } : { text, format: format.id };
}
