import yauzl from "yauzl";
import { firstLine, UnreadableDocumentError } from "./errors.js";

/**
 * Checks a .docx (a zip archive) before mammoth unzips it: a small file can
 * unzip to gigabytes of XML (a zip bomb) and take ingest, memory and the server
 * with it. The central directory's sizes are checked first, then the XML parts
 * are inflated once as a stream, counting bytes, because a crafted archive can
 * state sizes that are not true (yauzl stops a stream that outgrows its stated size).
 */
export const DOCX_LIMITS = {
  /** All parts together, unzipped. A long profile with images is a few MB. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** XML compresses about 10:1, a bomb hundreds to thousands to one. */
  maxCompressionRatio: 100,
  /** Small parts may compress well (a repeated style sheet); the ratio counts only above this. */
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5000,
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(file: string, detail: string): UnreadableDocumentError {
  return new UnreadableDocumentError(file, `uncompressed size too large (${detail}; a zip bomb?)`);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, name: string) => {
    if (name[0] !== "#") return ENTITIES[name.toLowerCase()]!;
    const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** The title property Word keeps in docProps/core.xml (File > Info > Title), if set. */
export function coreTitle(coreXml: string): string | undefined {
  const match = /<(?:\w+:)?title(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?title>/.exec(coreXml);
  const title = match ? decodeXmlText(match[1]!).replace(/\s+/g, " ").trim() : "";
  return title && title.length <= 200 ? title : undefined;
}

async function readCapped(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > budget) {
      stream.destroy();
      throw new RangeError("budget");
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Refuses an archive that unzips too large; returns what the archive says about the document (its title). */
export async function inspectDocx(file: string, bytes: Buffer, limits = DOCX_LIMITS): Promise<{ title?: string }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch (error) {
    throw new UnreadableDocumentError(file, `corrupt Word document (${firstLine(error)})`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw tooLarge(file, `${zip.entryCount} parts; at most ${limits.maxEntries}`);
    const xmlParts: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) throw tooLarge(file, `more than ${mb(limits.maxUncompressedBytes)} when unzipped`);
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
        throw tooLarge(
          file,
          `${entry.fileName} unzips from ${mb(entry.compressedSize)} to ${mb(entry.uncompressedSize)}, ${Math.round(ratio)}:1; at most ${limits.maxCompressionRatio}:1`,
        );
      }
      if (/\.(xml|rels)$/i.test(entry.fileName)) xmlParts.push(entry);
    }
    // The parts mammoth will read, inflated for real: stated sizes may lie.
    let budget = limits.maxUncompressedBytes;
    let title: string | undefined;
    for (const entry of xmlParts) {
      const content = await readCapped(zip, entry, budget).catch((error: unknown) => {
        if (error instanceof RangeError || /too many bytes/i.test(String((error as Error)?.message))) {
          throw tooLarge(file, `${entry.fileName} unzips to more than it states, or to more than ${mb(limits.maxUncompressedBytes)}`);
        }
        throw error;
      });
      budget -= content.length;
      if (entry.fileName === "docProps/core.xml") title = coreTitle(content.toString("utf8"));
    }
    return title ? { title } : {};
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(file, `corrupt Word document (${firstLine(error)})`);
  } finally {
    zip.close();
  }
}
