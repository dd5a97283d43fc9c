import { writeFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/loaders/index.js";
import { pdfTitle } from "../../src/ingest/loaders/pdf.js";
import { linesToMarkdown, pageLines, withoutPageFurniture, type PdfItem } from "../../src/ingest/loaders/pdfLayout.js";
import { tempDir } from "../support/knowledge.js";

type Pdf = InstanceType<typeof PDFDocument>;

async function writePdf(path: string, draw: (doc: Pdf) => void, info: Record<string, string> = {}): Promise<void> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  draw(doc);
  // A running header and a page number on every page, as exported profiles have.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc.font("Helvetica").fontSize(8);
    doc.text("Gemeente Voorbeeldstad - Functieprofiel", 50, 20, { lineBreak: false });
    doc.text(`Pagina ${p + 1} van ${range.count}`, 50, 800, { lineBreak: false });
  }
  doc.end();
  await done;
  writeFileSync(path, Buffer.concat(chunks));
}

/** Draws a table as aligned columns of text, the way a PDF export lays one out (no grid lines). */
function drawTable(doc: Pdf, rows: string[][], columns: number[]): void {
  let y = doc.y;
  for (const row of rows) {
    row.forEach((cell, i) => doc.text(cell, columns[i]!, y, { lineBreak: false }));
    y += 16;
  }
  doc.x = 50;
  doc.y = y + 8;
}

const PARAGRAPH =
  "De medewerker burgerzaken helpt inwoners aan de balie en aan de telefoon met paspoorten, rijbewijzen en verhuizingen, en zorgt dat de gegevens in de basisregistratie personen juist en volledig zijn.";

async function writeProfile(path: string): Promise<void> {
  await writePdf(
    path,
    (doc) => {
      doc.font("Helvetica-Bold").fontSize(18).text("Medewerker Burgerzaken");
      doc.moveDown();
      doc.font("Helvetica-Bold").fontSize(12).text("Functiegegevens");
      doc.font("Helvetica").fontSize(10);
      drawTable(
        doc,
        [
          ["Afdeling", "Publiekszaken"],
          ["Salarisschaal", "8"],
          ["Uren per week", "36"],
        ],
        [50, 220],
      );
      doc.font("Helvetica-Bold").fontSize(12).text("Doel van de functie");
      doc.font("Helvetica").fontSize(10).text(PARAGRAPH, { width: 260 });
      doc.moveDown();
      doc.font("Helvetica-Bold").fontSize(12).text("Competenties per niveau");
      doc.font("Helvetica").fontSize(10);
      drawTable(
        doc,
        [
          ["Competentie", "Niveau 1", "Niveau 2", "Niveau 3"],
          ["Klantgerichtheid", "basis", "gevorderd", "expert"],
          ["Samenwerken", "basis", "basis", "gevorderd"],
        ],
        [50, 200, 300, 400],
      );
      doc.addPage();
      doc.font("Helvetica-Bold").fontSize(12).text("Werkzaamheden");
      doc.font("Helvetica").fontSize(10);
      doc.text("• Verwerkt aanvragen voor reisdocumenten en rijbewijzen");
      doc.text("• Beantwoordt vragen van inwoners");
    },
    { Title: "Functieprofiel Medewerker Burgerzaken" },
  );
}

describe("PDF loader keeps the document's structure", () => {
  it("turns aligned columns into one Markdown table, rejoins wrapped lines, keeps headings and drops page furniture", async () => {
    const dir = tempDir("fw-pdfs-");
    const file = join(dir, "burgerzaken.pdf");
    await writeProfile(file);
    const loaded = await loadFile(file);
    expect(loaded.format).toBe("pdf");
    expect(loaded.title).toBe("Functieprofiel Medewerker Burgerzaken");
    const lines = loaded.text.split("\n");
    // The label/value rows: one table, header row first, no row turned into a heading.
    const table = lines.indexOf("| Afdeling | Publiekszaken |");
    expect(table).toBeGreaterThanOrEqual(0);
    expect(lines.slice(table, table + 4)).toEqual(["| Afdeling | Publiekszaken |", "| --- | --- |", "| Salarisschaal | 8 |", "| Uren per week | 36 |"]);
    expect(loaded.text).toContain(
      "| Competentie | Niveau 1 | Niveau 2 | Niveau 3 |\n| --- | --- | --- | --- |\n| Klantgerichtheid | basis | gevorderd | expert |\n| Samenwerken | basis | basis | gevorderd |",
    );
    expect(loaded.text).not.toMatch(/^#+ (Afdeling|Salarisschaal|Klantgerichtheid|Samenwerken)/m);
    // Headings from size and weight.
    expect(loaded.text).toMatch(/^# Medewerker Burgerzaken$/m);
    expect(loaded.text).toMatch(/^## Functiegegevens$/m);
    expect(loaded.text).toMatch(/^## Werkzaamheden$/m);
    // The paragraph, wrapped over several lines in the PDF, is one line again.
    expect(lines).toContain(PARAGRAPH);
    expect(loaded.text).toMatch(/^- Verwerkt aanvragen voor reisdocumenten en rijbewijzen$/m);
    // Running header and page numbers are gone.
    expect(loaded.text).not.toContain("Gemeente Voorbeeldstad - Functieprofiel");
    expect(loaded.text).not.toMatch(/Pagina \d van \d/);
  });

  it("finds headings in a PDF without font hints and rejoins lines that run to the margin", async () => {
    const dir = tempDir("fw-pdfp-");
    const file = join(dir, "plain.pdf");
    const wrapped =
      "Werkt nauw samen met de teams van Sociaal Domein, Publiekszaken en Informatievoorziening aan een betere dienstverlening voor inwoners en ondernemers in de gemeente.";
    await writePdf(file, (doc) => {
      doc.font("Helvetica").fontSize(10);
      doc.text("TAKEN EN VERANTWOORDELIJKHEDEN");
      doc.text(wrapped, { width: 230 });
      doc.moveDown();
      doc.text("Kennis en ervaring");
      doc.text("Een afgeronde mbo-opleiding op niveau 4.");
      doc.text("Ervaring met de basisregistratie personen.");
    });
    const { text, title } = await loadFile(file);
    expect(title).toBeUndefined();
    expect(text).toMatch(/^#+ TAKEN EN VERANTWOORDELIJKHEDEN$/m);
    expect(text).toMatch(/^#+ Kennis en ervaring$/m);
    expect(text.split("\n")).toContain(wrapped);
    // Two sentences on two lines stay two lines: a line that ends a sentence is not glued to the next.
    expect(text).toMatch(/^Een afgeronde mbo-opleiding op niveau 4\.$/m);
    expect(text).toMatch(/^Ervaring met de basisregistratie personen\.$/m);
  });

  it("drops a footer repeated on most pages but keeps the same words in the body", () => {
    const item = (text: string, y: number, x = 50): PdfItem => ({ text, x, y, width: text.length * 5, size: 10, bold: false });
    const page = (body: string, n: number) => ({
      width: 595,
      height: 842,
      items: [
        item("Vertrouwelijk - versie 2024", 20),
        item(`${n}`, 20, 500),
        item(body, 700),
        item("Vertrouwelijk - versie 2024 geldt voor dit profiel.", 680),
      ],
    });
    const pages = [page("Eerste pagina.", 1), page("Tweede pagina.", 2), page("Derde pagina.", 3)].map((p, i) => pageLines(p, i));
    const text = linesToMarkdown(withoutPageFurniture(pages));
    expect(text).not.toMatch(/^Vertrouwelijk - versie 2024$/m);
    expect(text).toContain("Vertrouwelijk - versie 2024 geldt voor dit profiel.");
    expect(text).toContain("Derde pagina.");
    expect(text).not.toMatch(/^\d$/m);
  });

  it("keeps a heading that opens every page, though it repeats with only its number changed", () => {
    const page = (n: number) => ({
      width: 595,
      height: 842,
      items: [
        { text: `Competentie ${n}`, x: 50, y: 800, width: 100, size: 14, bold: true },
        { text: `Gedrag dat bij competentie ${n} hoort.`, x: 50, y: 780, width: 200, size: 10, bold: false },
        { text: `Nog een zin over ${n}.`, x: 50, y: 766, width: 200, size: 10, bold: false },
      ],
    });
    const text = linesToMarkdown(withoutPageFurniture([1, 2, 3].map((n, i) => pageLines(page(n), i))));
    expect(text).toMatch(/^# Competentie 1$/m);
    expect(text).toMatch(/^# Competentie 3$/m);
    expect(text).toContain("Gedrag dat bij competentie 2 hoort.");
  });

  it("rejoins a paragraph that goes on over a page break", () => {
    const item = (text: string, y: number): PdfItem => ({ text, x: 50, y, width: 300, size: 10, bold: false });
    const pages = [
      { width: 595, height: 842, items: [item("Eerste alinea.", 400), item("De medewerker werkt samen met", 386)] },
      { width: 595, height: 842, items: [item("collega's van andere afdelingen.", 780), item("Een nieuwe zin.", 766)] },
    ].map((p, i) => pageLines(p, i));
    expect(linesToMarkdown(withoutPageFurniture(pages))).toBe(
      "Eerste alinea.\nDe medewerker werkt samen met collega's van andere afdelingen.\nEen nieuwe zin.",
    );
  });

  it("keeps a table cell that wraps onto a second line in its own cell", async () => {
    const dir = tempDir("fw-pdfw-");
    const file = join(dir, "wrap.pdf");
    await writePdf(file, (doc) => {
      doc.font("Helvetica").fontSize(10);
      const columns = [50, 160, 330];
      const widths = [100, 160, 60];
      const rows = [
        ["Competentie", "Omschrijving", "Niveau"],
        ["Klantgerichtheid", "Gaat uit van de wensen en behoeften van de klant", "3"],
        ["Samenwerken in een projectteam", "Werkt mee", "2"],
      ];
      let y = 100;
      for (const row of rows) {
        row.forEach((cell, i) => doc.text(cell, columns[i]!, y, { width: widths[i]! }));
        y += 34;
      }
    });
    const { text } = await loadFile(file);
    expect(text).toContain(
      "| Competentie | Omschrijving | Niveau |\n| --- | --- | --- |\n| Klantgerichtheid | Gaat uit van de wensen en behoeften van de klant | 3 |\n| Samenwerken in een projectteam | Werkt mee | 2 |",
    );
  });

  it("takes the title from the Info dictionary without an exporter's file name, and caps the text", async () => {
    expect(pdfTitle("Microsoft Word - Functieprofiel Jurist.docx")).toBe("Functieprofiel Jurist");
    expect(pdfTitle("Untitled")).toBeUndefined();
    expect(pdfTitle(42)).toBeUndefined();
    const dir = tempDir("fw-pdfc-");
    const file = join(dir, "lang.pdf");
    await writePdf(file, (doc) => {
      for (let i = 0; i < 120; i++) doc.text(`Regel ${i} van een lang document over de functie.`);
    });
    await expect(loadFile(file, { maxChars: 1000 })).rejects.toThrow(/too much text/);
  });
});
