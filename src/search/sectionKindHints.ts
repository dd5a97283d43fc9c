import type { SectionKind } from "../ingest/model.js";
import { fold } from "../text/normalize.js";

/**
 * Words in a query that ask for one kind of section. A question for
 * "toetsvragen analyseren" wants the Toetsvragen list of that competency, not a
 * result area that happens to say "analyseren" three times. These are words of
 * our own section model, not of any one document.
 */
const HINTS: { kind: SectionKind; pattern: RegExp }[] = [
  { kind: "interview-questions", pattern: /\b(toetsvra\w*|sollicitatievra\w*|interviewvra\w*|selectievra\w*|interview|vragen|questions?|star)\b/ },
  { kind: "development-tips", pattern: /\b(ontwikkeltips?|tips?|ontwikkel\w*|verbeter\w*|beter (?:worden|leren|in)|improve|get better|develop\w*|groeien)\b/ },
  { kind: "purpose", pattern: /\b(doel|purpose|korte omschrijving|waarvoor|goal)\b/ },
  { kind: "level", pattern: /\b(schaal|salarisschaal|loonschaal|scale|grade|niveaus?|functietyp\w*|typering|inschaling)\b/ },
  { kind: "placement", pattern: /\b(plaats (?:van|in) de (?:functie|organisatie)|afdeling|niveau [a-e]\d)\b/ },
  { kind: "competency", pattern: /\b(competenties?|competenc\w*)\b/ },
  { kind: "result-area", pattern: /\b(resultaatgebied\w*|resultaten|results|taken|tasks|kernactiviteit\w*)\b/ },
];

export function sectionKindHints(query: string): Set<SectionKind> {
  const folded = fold(query);
  return new Set(HINTS.filter((hint) => hint.pattern.test(folded)).map((hint) => hint.kind));
}
