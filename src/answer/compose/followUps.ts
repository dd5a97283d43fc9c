import type { Intent, Language } from "../../domain/answer.js";
import { say } from "./draft.js";

/** Two or three next questions that the documents can answer, phrased in the user's language. */
export function suggestFollowUps(
  language: Language,
  intent: Intent,
  context: { competency?: string; level?: string; nextLevel?: string; role?: string; otherCompetency?: string },
): string[] {
  const { competency, level, nextLevel, role, otherCompetency } = context;
  const out: string[] = [];
  const add = (nl: string, en: string) => out.push(say(language, nl, en));
  if (intent === "interview" && competency) {
    add(`Geef ontwikkeltips voor ${competency.toLowerCase()}`, `Give development tips for ${competency.toLowerCase()}`);
    add(`Wat zijn de gedragsindicatoren van ${competency.toLowerCase()}?`, `What are the behaviour indicators of ${competency.toLowerCase()}?`);
  }
  if ((intent === "development" || intent === "competency") && competency) {
    add(`Geef toetsvragen voor ${competency.toLowerCase()}`, `Give interview questions for ${competency.toLowerCase()}`);
    if (intent === "competency") add(`Hoe word ik beter in ${competency.toLowerCase()}?`, `How do I get better at ${competency.toLowerCase()}?`);
  }
  if (intent === "scale" && level) {
    if (nextLevel)
      add(
        `Wat verandert er van ${level.toLowerCase()} naar ${nextLevel.toLowerCase()}?`,
        `What changes from ${level.toLowerCase()} to ${nextLevel.toLowerCase()}?`,
      );
  }
  if (intent === "career" && nextLevel) add(`Welke schaal past bij ${role ?? "deze functie"}?`, `Which scale fits ${role ?? "this job"}?`);
  if (role && out.length < 3 && intent !== "interview")
    add(`Geef toetsvragen voor de competenties van ${role}`, `Give interview questions for the competencies of ${role}`);
  if (otherCompetency && out.length < 3)
    add(`Geef toetsvragen voor ${otherCompetency.toLowerCase()}`, `Give interview questions for ${otherCompetency.toLowerCase()}`);
  if (role && out.length < 2) add(`Welke schaal past bij ${role}?`, `Which scale fits ${role}?`);
  if (out.length < 2) add("Welke competenties worden gevraagd?", "Which competencies are required?");
  return [...new Set(out)].slice(0, 3);
}
