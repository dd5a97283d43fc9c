import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/loaders/index.js";
import { tempDir } from "../support/knowledge.js";

const cell = (...paragraphs: (string | Paragraph | Table)[]) =>
  new TableCell({ children: paragraphs.map((p) => (typeof p === "string" ? new Paragraph(p) : p)) });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

/** A healthcare-style Word profile: a label/value table without header row, a multi-column table, bold section titles. */
async function writeProfile(path: string): Promise<void> {
  const doc = new Document({
    title: "Functieprofiel Verpleegkundige Wijkteam",
    sections: [
      {
        children: [
          new Paragraph({ text: "Verpleegkundige wijkteam", heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(cell("Afdeling"), cell("Publiekszaken")),
              row(cell("Salarisschaal"), cell("8")),
              row(cell("Werktijden"), cell("Maandag tot en met vrijdag", "Eén avond per week")),
            ],
          }),
          new Paragraph({ children: [new TextRun({ text: "Kerntaken", bold: true })] }),
          new Paragraph("Verleent zorg aan cliënten thuis."),
          new Paragraph({ text: "Competenties", heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              row(cell("Competentie"), cell("FWG 40"), cell("FWG 45")),
              row(cell("Samenwerken"), cell("basis"), cell("gevorderd")),
              row(new TableCell({ children: [new Paragraph("Scholing")], columnSpan: 3 })),
              row(cell("Klantgericht | cliëntgericht"), cell("basis"), cell(new Table({ rows: [row(cell("expert"), cell("coach"))] }))),
            ],
          }),
          new Paragraph("Let op: <script>alert(1)</script> is tekst, geen opmaak."),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

describe("Word loader keeps the document's structure", () => {
  it("turns Word tables into Markdown tables, styles and bold titles into headings, and returns the title property", async () => {
    const dir = tempDir("fw-docxs-");
    const file = join(dir, "verpleegkundige.docx");
    await writeProfile(file);
    const loaded = await loadFile(file);
    expect(loaded.format).toBe("docx");
    expect(loaded.title).toBe("Functieprofiel Verpleegkundige Wijkteam");
    const text = loaded.text;
    expect(text).toMatch(/^# Verpleegkundige wijkteam$/m);
    expect(text).toMatch(/^## Competenties$/m);
    // A bold one-line paragraph is a section heading, one level under the heading above it.
    expect(text).toMatch(/^## Kerntaken$/m);
    // The label/value table: no header row in Word, so the first row is the header; a two-paragraph cell is one cell.
    expect(text).toContain(
      "| Afdeling | Publiekszaken |\n| --- | --- |\n| Salarisschaal | 8 |\n| Werktijden | Maandag tot en met vrijdag; Eén avond per week |",
    );
    // The multi-column table: a merged row keeps its text once, a pipe in a cell is escaped, a nested table is flattened into its cell.
    expect(text).toContain(
      "| Competentie | FWG 40 | FWG 45 |\n| --- | --- | --- |\n| Samenwerken | basis | gevorderd |\n| Scholing |  |  |\n| Klantgericht \\| cliëntgericht | basis | expert; coach |",
    );
    // Document text stays text: no run-on line, and what looks like markup arrives as the words it is.
    expect(text).not.toMatch(/Afdeling\s+Publiekszaken\s+Salarisschaal/);
    expect(text).toContain("Let op: <script>alert(1)</script> is tekst, geen opmaak.");
  });

  it("reads a Word document without a title property or tables as before", async () => {
    const dir = tempDir("fw-docxp-");
    const file = join(dir, "kort.docx");
    writeFileSync(
      file,
      await Packer.toBuffer(
        new Document({
          sections: [{ children: [new Paragraph({ children: [new TextRun({ text: "Beleidsmedewerker", bold: true })] }), new Paragraph("Schrijft beleid.")] }],
        }),
      ),
    );
    const loaded = await loadFile(file);
    expect(loaded.title).toBeUndefined();
    expect(loaded.text).toBe("# Beleidsmedewerker\n\nSchrijft beleid.");
    // A bold label with a short value under it is a label line; with a longer text or a list under it, a section.
    const labelled = join(dir, "label.docx");
    const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
    const children = [
      bold("Functie:"),
      new Paragraph("Jurist"),
      bold("Afdeling:"),
      new Paragraph("Bestuurszaken"),
      bold("Taken:"),
      new Paragraph({ text: "Adviseert het bestuur", bullet: { level: 0 } }),
    ];
    writeFileSync(labelled, await Packer.toBuffer(new Document({ sections: [{ children }] })));
    expect((await loadFile(labelled)).text).toBe("Functie: Jurist\n\nAfdeling: Bestuurszaken\n\n## Taken\n\n- Adviseert het bestuur");
  });

  it("repeats a cell merged down rows in each row, so a competency-per-class table reads row by row", async () => {
    const dir = tempDir("fw-docxm-");
    const file = join(dir, "klassen.docx");
    const merged = new TableCell({ children: [new Paragraph("FK 8")], rowSpan: 2 });
    const table = new Table({
      rows: [row(cell("Klasse"), cell("Competentie"), cell("Niveau")), row(merged, cell("Samenwerken"), cell("2")), row(cell("Plannen"), cell("3"))],
    });
    writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
    expect((await loadFile(file)).text).toBe("| Klasse | Competentie | Niveau |\n| --- | --- | --- |\n| FK 8 | Samenwerken | 2 |\n| FK 8 | Plannen | 3 |");
  });
});
