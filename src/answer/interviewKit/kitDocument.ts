import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { messagesIn } from "../../vocabulary/messages.js";
import type { KitContent } from "./kitContent.js";

type Language = "nl" | "en";

const SCORES = ["1", "2", "3", "4", "5"];
/** The notes box's height in twips (1/1440 inch): about five handwritten lines. */
const NOTE_HEIGHT = 1900;
const thin = { style: BorderStyle.SINGLE, size: 4, color: "8A8A8A" };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

const cell = (text: string, options: { bold?: boolean; width?: number; shade?: boolean } = {}) =>
  new TableCell({
    borders,
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    ...(options.shade ? { shading: { fill: "E8EEF4" } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold })] })],
  });

/** Label/value rows (role, scale, system, source; candidate, interviewer, date to fill in). */
const factTable = (rows: [string, string][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([label, value]) => new TableRow({ children: [cell(label, { bold: true, width: 30, shade: true }), cell(value, { width: 70 })] })),
  });

/** The 1–5 scoring row: one box per score, to tick. */
const scoreTable = (label: string) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [cell(label, { bold: true, width: 25, shade: true }), ...SCORES.map((s) => cell(`☐ ${s}`, { width: 15 }))] })],
  });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading: level, children: [new TextRun(text)] });
const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
const plain = (text: string, italics = false) => new Paragraph({ children: [new TextRun({ text, italics })] });
/** A framed box to write notes in, a few lines high (a table cell keeps its height in every word processor). */
const noteBox = () =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        height: { value: NOTE_HEIGHT, rule: HeightRule.ATLEAST },
        children: [new TableCell({ borders, children: [new Paragraph({ children: [] })] })],
      }),
    ],
  });

/**
 * The interview kit as a Word document: the role and its scale, then per
 * competency its definition, behaviour indicators and toetsvragen (quoted as
 * the document states them), room for notes, a 1–5 scoring row and the
 * sources; the frame's text comes from the message catalogue in the chosen language.
 */
export async function kitDocument(content: KitContent, language: Language): Promise<Buffer> {
  const t = messagesIn(language);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t("kit.title", { role: content.role }))] }),
    plain(t("kit.subtitle"), true),
    factTable([
      [t("kit.role"), content.role],
      [t("kit.scale"), content.levels.join(", ") || t("kit.noScale")],
      [t("kit.system"), content.system],
      [t("kit.source"), content.source],
      [t("kit.candidate"), ""],
      [t("kit.interviewer"), ""],
      [t("kit.date"), ""],
    ]),
  ];
  content.competencies.forEach((competency, i) => {
    children.push(heading(t("kit.competency", { number: i + 1, name: competency.name }), HeadingLevel.HEADING_1));
    if (competency.description) children.push(heading(t("kit.definition"), HeadingLevel.HEADING_2), plain(competency.description));
    if (competency.indicators.length) children.push(heading(t("kit.indicators"), HeadingLevel.HEADING_2), ...competency.indicators.map(bullet));
    children.push(heading(t("kit.questions"), HeadingLevel.HEADING_2));
    if (competency.questions.length)
      children.push(
        ...competency.questions.map(
          (question) => new Paragraph({ numbering: { reference: "questions", level: 0, instance: i }, children: [new TextRun(question)] }),
        ),
      );
    else children.push(plain(t("kit.noQuestions"), true));
    children.push(heading(t("kit.notes"), HeadingLevel.HEADING_2), noteBox());
    children.push(new Paragraph({ children: [] }), scoreTable(t("kit.score")), plain(t("kit.scoreHint"), true));
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${t("kit.sources")}: `, bold: true }),
          new TextRun(competency.sources.map((s) => `${s.source} › ${s.section}`).join("; ")),
        ],
      }),
    );
  });
  children.push(heading(t("kit.summary"), HeadingLevel.HEADING_1), plain(t("kit.summaryHint"), true), noteBox(), scoreTable(t("kit.score")));
  const document = new Document({
    creator: "Functiewijzer",
    title: t("kit.title", { role: content.role }),
    description: t("kit.subtitle"),
    numbering: {
      config: [{ reference: "questions", levels: [{ level: 0, format: "decimal", text: "%1.", alignment: AlignmentType.START }] }],
    },
    sections: [{ footers: { default: new Footer({ children: [plain(t("kit.footer"), true)] }) }, children }],
  });
  return Packer.toBuffer(document);
}

/** A file name a person recognises, safe on every platform: "interviewkit-adviseur-informatiebeheer.docx". */
export function kitFileName(role: string, language: Language): string {
  const slug = role
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${language === "en" ? "interview-kit" : "interviewkit"}-${slug || "functie"}.docx`;
}
