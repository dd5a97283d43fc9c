import type { DocumentBuilder } from "./builder.js";
import { addCompetency, type CompetencyBlock } from "./competencyBlock.js";
import { inferCompetencyName } from "./competencyName.js";
import { paragraph, splitByLabels } from "./labelledBlocks.js";
import { decodeNiveauSchaalRow } from "./levels.js";
import { asList, collectItems, isBlank } from "./lines.js";

const LABELS = new Set([
  "functiebeschrijving",
  "functiefamilie",
  "doel",
  "resultaatgebieden",
  "kernactiviteit",
  "kader",
  "resultaat",
  "activiteit",
  "activiteiten",
  "competenties",
  "omschrijving",
  "gedragsindicatoren",
  "toetsvragen",
  "ontwikkeltips",
  "niveaus",
  "niveauschaal",
]);

/** True for the UFO web-export layout: "Kernactiviteit" blocks or unnamed competency blocks with Toetsvragen. */
export function looksLikeUfo(lines: string[]): boolean {
  const keys = new Set(lines.map((line) => line.trim().toLowerCase()));
  return keys.has("niveauschaal") || (keys.has("kernactiviteit") && keys.has("kader")) || (keys.has("omschrijving") && keys.has("toetsvragen"));
}

type ResultArea = { title: string; kader: string; resultaat: string; activities: string[] };

/**
 * The UFO export: Doel, Resultaatgebieden as Kernactiviteit/Kader/Resultaat/
 * Activiteit blocks, competencies without a name (only Omschrijving), and a
 * flattened "NiveauSchaal" table.
 */
export function parseUfo(lines: string[], builder: DocumentBuilder): void {
  const areas: ResultArea[] = [];
  const competencies: CompetencyBlock[] = [];
  let area: ResultArea | undefined;
  let competency: CompetencyBlock | undefined;
  let inCompetencies = false;

  for (const block of splitByLabels(lines, LABELS)) {
    const text = paragraph(block.lines);
    switch (block.label) {
      case "functiefamilie":
        if (text && text.length <= 80) builder.fact({ field: "family", label: "Functiefamilie", value: text, path: ["Functiefamilie"] });
        break;
      case "doel":
        builder.purpose = text;
        builder.section(["Doel"], "purpose", text);
        break;
      case "kernactiviteit": {
        const [title = "", ...rest] = block.lines.filter((line) => !isBlank(line));
        area = { title: title.trim(), kader: paragraph(rest), resultaat: "", activities: [] };
        areas.push(area);
        break;
      }
      case "kader":
        if (area) area.kader = [area.kader, text].filter(Boolean).join(" ");
        break;
      case "resultaat":
        if (area) area.resultaat = text;
        break;
      case "activiteit":
      case "activiteiten":
        if (area) area.activities.push(...collectItems(block.lines));
        break;
      case "competenties":
        inCompetencies = true;
        area = undefined;
        break;
      case "omschrijving":
        competency = { name: "", nameInferred: true, description: text, indicators: [], questions: [], tips: [] };
        competencies.push(competency);
        inCompetencies = true;
        break;
      case "gedragsindicatoren":
        if (competency && inCompetencies) competency.indicators.push(...collectItems(block.lines));
        break;
      case "toetsvragen":
        if (competency) competency.questions.push(...collectItems(block.lines));
        break;
      case "ontwikkeltips":
        if (competency) competency.tips.push(...collectItems(block.lines));
        break;
      case "niveaus":
      case "niveauschaal":
        for (const row of block.lines) {
          const level = decodeNiveauSchaalRow(row);
          if (!level) continue;
          const label = `Niveau ${level.niveau} - Schaal ${level.scale}`;
          builder.jobLevel({ ...level, label });
          builder.level({ ...level, label, aspects: {}, path: ["Niveaus", label] });
        }
        break;
      default:
        if (block.label === "" && text) builder.section(["Inleiding"], "text", text);
    }
  }

  for (const item of areas) {
    const body = [
      `Kernactiviteit: ${item.title}`,
      item.kader && `Kader: ${item.kader}`,
      item.resultaat && `Resultaat: ${item.resultaat}`,
      item.activities.length ? `Activiteiten:\n${asList(item.activities)}` : "",
    ]
      .filter(Boolean)
      .join("\n");
    builder.section(["Resultaatgebieden", item.title], "result-area", body);
  }

  const taken = new Set<string>();
  for (const block of competencies) {
    const { name } = inferCompetencyName(block, builder.vocabulary, taken, builder.corpusNames);
    taken.add(name);
    addCompetency(builder, ["Competenties"], { ...block, name });
  }

  if (builder.jobLevels.length) {
    const rows = builder.jobLevels.map((level) => `- ${level.label}`).join("\n");
    builder.section(["Niveaus"], "level", `Niveaus en schalen van deze functie (NiveauSchaal):\n${rows}`);
  }
}
