import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { coreTitle, inspectDocx } from "../../src/ingest/loaders/docxArchive.js";
import { loadFile, UnreadableDocumentError } from "../../src/ingest/loaders/index.js";
import { tempDir } from "../support/knowledge.js";

/** A real .docx whose word/document.xml is replaced by `xmlBytes` of highly repetitive XML: a zip bomb. */
async function bombDocx(xmlBytes: number): Promise<Buffer> {
  const base = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Beleidsmedewerker")] }] })));
  const paragraph = "<w:p><w:r><w:t>Beleidsmedewerker</w:t></w:r></w:p>";
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const xml = `${head + paragraph.repeat(Math.ceil(xmlBytes / paragraph.length))}</w:body></w:document>`;
  base.file("word/document.xml", xml);
  return base.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Rewrites the central directory's stated uncompressed size of one entry: a crafted archive that lies. */
function understate(zip: Buffer, name: string, statedSize: number): Buffer {
  const out = Buffer.from(zip);
  for (
    let at = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), undefined);
    at >= 0;
    at = at > 0 ? out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1) : -1
  ) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      out.writeUInt32LE(statedSize, at + 24);
      return out;
    }
  }
  throw new Error(`${name} not in the archive`);
}

describe("Word zip-bomb safety (finding 7)", () => {
  it("refuses a 60 KB .docx that unzips to 20 MB of XML, fast and in bounded memory", async () => {
    const dir = tempDir("fw-bomb-");
    const file = join(dir, "bom.docx");
    const bomb = await bombDocx(20 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(120 * 1024);
    writeFileSync(file, bomb);
    await import("../../src/ingest/loaders/docx.js"); // the timing is the refusal's, not the first import of mammoth
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const error = await loadFile(file).catch((e: unknown) => e);
    const seconds = (performance.now() - started) / 1000;
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as UnreadableDocumentError).reason).toMatch(/^uncompressed size too large \(word\/document\.xml unzips from .* to 20\.0 MB/);
    expect(seconds).toBeLessThan(2);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it("refuses an archive whose parts state a small size but inflate to more", async () => {
    const bomb = await bombDocx(3 * 1024 * 1024);
    const lying = understate(bomb, "word/document.xml", 400 * 1024);
    const started = performance.now();
    const error = await inspectDocx("liegt.docx", lying).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as UnreadableDocumentError).reason).toMatch(/^uncompressed size too large \(word\/document\.xml unzips to more than it states/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses an archive over the total size limit and accepts an ordinary document", async () => {
    const bomb = await bombDocx(3 * 1024 * 1024);
    const limits = { maxUncompressedBytes: 2 * 1024 * 1024, maxCompressionRatio: 10_000, ratioFloorBytes: 1024 * 1024, maxEntries: 100 };
    await expect(inspectDocx("groot.docx", bomb, limits)).rejects.toThrow(/uncompressed size too large \(more than 2\.0 MB when unzipped/);
    const ordinary = await Packer.toBuffer(new Document({ title: "Gewoon", sections: [{ children: [new Paragraph("Beleidsmedewerker")] }] }));
    await expect(inspectDocx("gewoon.docx", ordinary)).resolves.toEqual({ title: "Gewoon" });
  });

  it("refuses text beyond the per-document cap", async () => {
    const dir = tempDir("fw-cap-");
    const file = join(dir, "lang.docx");
    writeFileSync(
      file,
      await Packer.toBuffer(
        new Document({ sections: [{ children: Array.from({ length: 200 }, () => new Paragraph("Een regel tekst in een lang document.")) }] }),
      ),
    );
    await expect(loadFile(file, { maxChars: 2000 })).rejects.toThrow(/too much text/);
    await expect(loadFile(file)).resolves.toMatchObject({ format: "docx" });
  });

  it("reads the title property from core.xml, entities decoded", () => {
    expect(coreTitle('<cp:coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Jurist &amp; adviseur</dc:title></cp:coreProperties>')).toBe(
      "Jurist & adviseur",
    );
    expect(coreTitle("<cp:coreProperties><dc:title></dc:title></cp:coreProperties>")).toBeUndefined();
    expect(coreTitle("<cp:coreProperties><dc:creator>Iemand</dc:creator></cp:coreProperties>")).toBeUndefined();
  });
});
