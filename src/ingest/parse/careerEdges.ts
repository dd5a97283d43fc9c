import type { CareerEdge, LevelRef } from "../../domain/document.js";
import { ordered } from "../../domain/systems/levels.js";
import { fold, squash } from "../../text/normalize.js";
import { COMPETENCY_KINDS, type DocumentBuilder } from "./builder.js";

/** "niveau 8", "grade 13" in a career sentence: a job level, not a competency's proficiency. */
const LOOSE_LEVEL = /(?<![\p{L}\p{N}])(niveau|level|grade|klasse)\s+(\d{1,2})(?![\p{L}\p{N}])/giu;
/** The role a step leads to: "… naar Operationeel Expert Intake, functieschaal 9", "Next step: Principal Consultant, …". */
const TO_ROLE = /(?:\bnaar(?: de functie(?: van)?)?|\btot|\b[Nn]ext step:?|\bto)\s+(\p{Lu}[^,.;:()]{2,60}?)\s*(?=,|\(|\.|;|$)/u;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => squash(s.replace(/^[-*•]\s*/, "")))
    .filter((s) => s.length >= 8 && s.length <= 400);
}

/**
 * Career steps written as prose ("Doorgroei naar klasse D", "Loopbaanperspectief: … adjudant, schaal 8",
 * "Grade 11 versus grade 12", "een klantadviseur kan doorgroeien naar woonconsulent"): a sentence with a career
 * cue from the vocabulary and a level or a listed role. Two levels (or roles) in the sentence are a step from
 * the first to the second; one is a step from the section's level, or the document's own (lowest) level.
 */
export function findCareerEdges(builder: DocumentBuilder): CareerEdge[] {
  const { vocabulary } = builder;
  const systems = vocabulary.systems;
  const roles = builder.roles.map((role) => ({ title: role.title, folded: fold(role.title) }));
  // The job's own level: the one its level label states ("Job grade: 12"), else its lowest.
  const stated = builder.facts.filter((fact) => fact.field === "level").flatMap((fact) => builder.levelsIn(fact.label, fact.value));
  const edges: CareerEdge[] = [];
  for (const section of builder.sections) {
    if (COMPETENCY_KINDS.has(section.kind)) continue;
    for (const sentence of sentences(section.text)) {
      if (!vocabulary.careerCues.has(sentence)) continue;
      const folded = fold(sentence);
      const levels: LevelRef[] = [];
      const statements = [
        ...systems.levelStatements(sentence),
        ...[...sentence.matchAll(LOOSE_LEVEL)].map((m) => ({ word: fold(m[1]!), code: m[2]! })),
        ...builder.ownSystemCodes(sentence),
      ];
      for (const statement of statements) {
        const level = builder.levelOf(statement);
        if (level && !levels.some((l) => l.label === level.label)) levels.push(level);
      }
      const named = roles.filter((role) => folded.includes(role.folded)).sort((a, b) => folded.indexOf(a.folded) - folded.indexOf(b.folded));
      const toRole = TO_ROLE.exec(sentence)?.[1]?.trim();
      const quote = sentence;
      if (named.length >= 2) {
        edges.push({ from: named[0]!.title, to: named[1]!.title, quote, path: section.path });
        continue;
      }
      if (!levels.length) continue;
      const notInSentence = (l: LevelRef) => !levels.some((x) => x.label === l.label);
      const own = section.level ?? stated.find(notInSentence) ?? ordered(builder.jobLevels.filter(notInSentence))[0];
      const [from, to] = levels.length >= 2 ? [levels[0]!, levels[1]!] : [own, levels[0]!];
      if (!from || from.label === to.label) continue;
      // matchAll works on a copy of the global pattern, so no lastIndex is left behind.
      const isLevel = (text: string) => systems.levelStatements(text).length > 0 || [...text.matchAll(LOOSE_LEVEL)].length > 0;
      const targetRole = toRole && !isLevel(toRole) ? toRole : undefined;
      edges.push({ from: from.label, to: to.label, ...(targetRole ? { toRole: targetRole } : {}), quote, path: section.path });
    }
  }
  return edges;
}
