import mammoth from "mammoth";
import { firstLine, UnreadableDocumentError } from "./errors.js";
import { htmlToMarkdown } from "./htmlToMarkdown.js";

/** Word documents through mammoth (styles → headings and lists), then to Markdown. */
export async function loadDocx(file: string, bytes: Buffer): Promise<string> {
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new UnreadableDocumentError(file, "not a Word .docx file (not a zip archive)");
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return htmlToMarkdown(value);
  } catch (error) {
    throw new UnreadableDocumentError(file, `corrupt Word document (${firstLine(error)})`);
  }
}
