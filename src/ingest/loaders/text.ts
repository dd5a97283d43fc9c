import { UnreadableDocumentError } from "./errors.js";

/** Decodes UTF-8 text strictly: a binary file must be reported, not indexed as mojibake. */
export function decodeText(file: string, bytes: Buffer): string {
  if (bytes.includes(0)) throw new UnreadableDocumentError(file, "not a text file (contains NUL bytes)");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    // Older Windows exports are often Latin-1/Windows-1252; accept them when they hold no control bytes.
    const latin = new TextDecoder("windows-1252").decode(bytes);
    if (/[\u0000-\u0008\u000E-\u001F]/.test(latin)) throw new UnreadableDocumentError(file, "not valid UTF-8 or Windows-1252 text (binary?)");
    return latin;
  }
}
