import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/indexing/ingest.js";
import { loadFile, UnreadableDocumentError } from "../../src/ingest/loaders/index.js";
import { parseDocument } from "../../src/ingest/parse/index.js";
import { silentLogger } from "../../src/platform/logger.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { localEmbedder, tempDir } from "../support/knowledge.js";

const FIXTURES = "test/fixtures/generalisation";

/** A Flemish-style profile written as a real Word document, with heading styles, bullets and a table. */
async function writeDocx(path: string): Promise<void> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Medewerker personeelsadministratie", heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Plaats van de functie in de organisatie", heading: HeadingLevel.HEADING_2 }),
          new Paragraph("Directie/Afdeling/Dienst: Personeel en Organisatie"),
          new Paragraph("Niveau: B1"),
          new Paragraph({ text: "Gedragcompetenties", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "1. Nauwkeurigheid", heading: HeadingLevel.HEADING_3 }),
          new Paragraph("Zorgvuldig en precies werken en fouten vermijden"),
          new Paragraph({ children: [new TextRun({ text: "Niveau: 3", italics: true })] }),
          new Paragraph({ text: "Controleert het eigen werk op fouten", bullet: { level: 0 } }),
          new Paragraph({ text: "Houdt dossiers volledig en correct bij", bullet: { level: 0 } }),
          new Paragraph({ text: "Functieklassen", heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph("Criterium")] }), new TableCell({ children: [new Paragraph("Waarde")] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph("Expertise")] }), new TableCell({ children: [new Paragraph("2")] })] }),
            ],
          }),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

/** The Rijk-style fixture printed into a PDF, one line per text line. */
async function writePdf(path: string, text: string): Promise<void> {
  const doc = new PDFDocument({ size: "A4", margin: 50 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.font("Helvetica").fontSize(10);
  for (const line of text.split("\n")) doc.text(line || " ");
  doc.end();
  await done;
  writeFileSync(path, Buffer.concat(chunks));
}

describe("document loaders", () => {
  it("reads a Word document with its headings, bullets and level", async () => {
    const dir = tempDir("fw-docx-");
    await writeDocx(join(dir, "medewerker-personeel.docx"));
    const loaded = await loadFile(join(dir, "medewerker-personeel.docx"));
    expect(loaded.format).toBe("docx");
    expect(loaded.text).toMatch(/^## Gedragcompetenties$/m);
    expect(loaded.text).toMatch(/^- Controleert het eigen werk op fouten$/m);
    expect(loaded.text).toMatch(/^\| Expertise \| 2 \|$/m); // a Word table stays a table
    const parsed = parseDocument({ source: "medewerker-personeel.docx", ...loaded });
    expect(parsed.meta.jobLevels.map((l) => l.label)).toContain("Niveau B1");
    const competency = parsed.competencies.find((c) => /nauwkeurigheid/i.test(c.name));
    expect(competency?.indicators).toEqual(expect.arrayContaining(["Controleert het eigen werk op fouten", "Houdt dossiers volledig en correct bij"]));
  });

  it("reads a PDF and finds the scale typings in it", async () => {
    const dir = tempDir("fw-pdf-");
    await writePdf(join(dir, "facilitair.pdf"), readFileSync(join(FIXTURES, "rijk-medewerker-facilitair.txt"), "utf8"));
    const loaded = await loadFile(join(dir, "facilitair.pdf"));
    expect(loaded.format).toBe("pdf");
    expect(loaded.text).toContain("post gesorteerd en rondgebracht");
    const parsed = parseDocument({ source: "facilitair.pdf", ...loaded });
    expect(parsed.meta.jobLevels.map((l) => l.label)).toEqual(expect.arrayContaining(["Schaal 4", "Schaal 5"]));
  });

  it("reads HTML as Markdown, dropping scripts", async () => {
    const dir = tempDir("fw-html-");
    const file = join(dir, "profiel.html");
    writeFileSync(
      file,
      "<html><head><script>alert(1)</script></head><body><h1>Adviseur</h1><h2>Competenties</h2><ul><li>Samenwerken</li><li>Analyseren</li></ul></body></html>",
    );
    const loaded = await loadFile(file);
    expect(loaded.text).toContain("# Adviseur");
    expect(loaded.text).toMatch(/^- Samenwerken$/m);
    expect(loaded.text).not.toContain("alert");
  });

  it("rejects empty, binary and corrupt files with a reason", async () => {
    const dir = tempDir("fw-bad-");
    const cases: [string, Buffer | string, RegExp][] = [
      ["leeg.txt", "", /empty/],
      ["spaties.md", "  \n\n ", /no text/],
      ["plaatje.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /not a text file/],
      ["kapot.docx", Buffer.from("PK\u0003\u0004 this is not really a zip"), /corrupt Word/],
      ["geen-zip.docx", "plain text pretending", /not a Word/],
      ["kapot.pdf", "%PDF-1.7\n1 0 obj <<>> garbage", /PDF/],
      ["geen.pdf", "hello", /not a PDF/],
    ];
    for (const [name, content, reason] of cases) {
      writeFileSync(join(dir, name), content);
      const error = await loadFile(join(dir, name)).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(UnreadableDocumentError);
      expect((error as UnreadableDocumentError).reason, name).toMatch(reason);
      expect((error as UnreadableDocumentError).file).toBe(name);
    }
    writeFileSync(join(dir, "groot.txt"), "x".repeat(2048));
    await expect(loadFile(join(dir, "groot.txt"), { maxBytes: 1024 })).rejects.toThrow(/too large/);
  });

  it("accepts Windows-1252 text from older exports", async () => {
    const dir = tempDir("fw-latin-");
    writeFileSync(join(dir, "oud.txt"), Buffer.from("Collega\u00b4s co\u00f6rdineren het overleg.\n", "latin1"));
    expect((await loadFile(join(dir, "oud.txt"))).text).toContain("coördineren");
  });

  it("ingests the readable documents and reports each unreadable one by name and reason", async () => {
    const knowledge = tempDir("fw-mixed-");
    await writeDocx(join(knowledge, "personeel.docx"));
    await writePdf(join(knowledge, "facilitair.pdf"), readFileSync(join(FIXTURES, "rijk-medewerker-facilitair.txt"), "utf8"));
    writeFileSync(join(knowledge, "memo.md"), "# Memo\n\nDe servicedesk is op werkdagen bereikbaar.\n");
    writeFileSync(join(knowledge, "leeg.txt"), "");
    writeFileSync(join(knowledge, "kapot.pdf"), "%PDF-1.4 kapot");
    writeFileSync(join(knowledge, "foto.jpg"), Buffer.from([0xff, 0xd8, 0xff]));
    const indexDir = tempDir("fw-mixed-index-");
    const embedder = localEmbedder();
    const result = await ingest({ knowledgeDir: knowledge, indexDir, embedder, logger: silentLogger });
    expect(result.documents).toBe(3);
    expect(result.skipped.map((s) => s.file).sort()).toEqual(["foto.jpg", "kapot.pdf", "leeg.txt"]);
    expect(result.skipped.every((s) => s.reason.length > 5)).toBe(true);
    const kb = await KnowledgeBase.open(indexDir, embedder);
    const hits = await kb.search("catering bijeenkomsten leveranciers", { k: 3 });
    expect(hits[0]?.chunk.source).toBe("facilitair.pdf");
  });
});
