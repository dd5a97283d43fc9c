import { asList, dedupe } from "./lines.js";
import type { DocumentBuilder } from "./builder.js";

export type CompetencyBlock = {
  name: string;
  nameInferred: boolean;
  description: string;
  proficiency?: string;
  proficiencyText?: string;
  indicators: string[];
  questions: string[];
  tips: string[];
  levelDescriptions?: string[];
  /** Expected proficiency per job level (competency × class tables). */
  levelsByJobLevel?: { level: string; value: string }[];
};

/**
 * Records a competency as a fact and as up to three sections (description with
 * indicators, interview questions, development tips), so retrieval can land on
 * exactly the list a user asks for.
 */
export function addCompetency(builder: DocumentBuilder, parent: string[], block: CompetencyBlock): void {
  const indicators = dedupe(block.indicators);
  const questions = dedupe(block.questions);
  const tips = dedupe(block.tips);
  const levelDescriptions = dedupe(block.levelDescriptions ?? []);
  const path = [...parent, block.name];
  builder.competency({
    name: block.name,
    nameInferred: block.nameInferred,
    description: block.description,
    proficiency: block.proficiency,
    indicators,
    questions,
    tips,
    levelDescriptions,
    ...(block.levelsByJobLevel?.length ? { levelsByJobLevel: block.levelsByJobLevel } : {}),
    path,
  });
  const head = [
    `Competentie: ${block.name}`,
    block.description,
    block.proficiency ? `Niveau (beheersing): ${block.proficiency}${block.proficiencyText ? ` - ${block.proficiencyText}` : ""}` : "",
    levelDescriptions.length ? `Niveaus:\n${asList(levelDescriptions)}` : "",
    indicators.length ? `Gedragsindicatoren:\n${asList(indicators)}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  builder.section(path, "competency", head, { competency: block.name });
  if (questions.length) {
    builder.section([...path, "Toetsvragen"], "interview-questions", `Toetsvragen bij ${block.name}:\n${asList(questions)}`, { competency: block.name });
  }
  if (tips.length) {
    builder.section([...path, "Ontwikkeltips"], "development-tips", `Ontwikkeltips bij ${block.name}:\n${asList(tips)}`, { competency: block.name });
  }
}
