import { PDFParse } from "pdf-parse";
import { firstLine, UnreadableDocumentError } from "./errors.js";

/** PDF text through pdf-parse (pdf.js); page headers such as "-- 1 of 3 --" are dropped. */
export async function loadPdf(file: string, bytes: Buffer): Promise<string> {
  if (!bytes.subarray(0, 1024).toString("latin1").includes("%PDF-")) throw new UnreadableDocumentError(file, "not a PDF file (no %PDF header)");
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: "" });
    const text = result.text.replace(/^\s*--\s*\d+\s+of\s+\d+\s*--\s*$/gm, "").trim();
    if (!text) throw new UnreadableDocumentError(file, "PDF has no text layer (scanned image?)");
    return text;
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(file, `corrupt PDF (${firstLine(error)})`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
