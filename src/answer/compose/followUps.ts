import type { Intent, Language } from "../../domain/answer.js";
import { say } from "./draft.js";

/** What a composer knows that a next question can name. */
export type FollowUpContext = { competency?: string; level?: string; nextLevel?: string; role?: string; otherCompetency?: string };

/**
 * A next question an intent offers: shown when the context has every field it `needs` and none it is `unless`;
 * `{field}` is filled in (lower case, but for the role's own name).
 */
export type FollowUpTemplate = { needs: (keyof FollowUpContext)[]; unless?: (keyof FollowUpContext)[]; nl: string; en: string };

/** One intent's follow-ups, kept in the intent's own folder (src/answer/intents/<id>/followUps.ts). */
export type FollowUps = { intent: Intent; templates: readonly FollowUpTemplate[] };

export function followUps(intent: Intent, templates: readonly FollowUpTemplate[]): FollowUps {
  return { intent, templates };
}

function fill(text: string, context: FollowUpContext): string {
  return text.replace(/\{(\w+)\}/g, (_, field: keyof FollowUpContext) => {
    const value = context[field] ?? "";
    return field === "role" ? value : value.toLowerCase();
  });
}

/**
 * Two or three next questions that the documents can answer, phrased in the user's language: the intent's own,
 * then the same fallbacks for every intent (the role's interview questions and scale, another competency).
 */
export function suggestFollowUps(language: Language, offered: FollowUps, context: FollowUpContext): string[] {
  const { role, otherCompetency } = context;
  const out: string[] = [];
  const add = (nl: string, en: string) => out.push(say(language, fill(nl, context), fill(en, context)));
  for (const template of offered.templates)
    if (template.needs.every((field) => context[field]) && !template.unless?.some((field) => context[field])) add(template.nl, template.en);
  if (role && out.length < 3 && offered.intent !== "interview")
    add("Geef toetsvragen voor de competenties van {role}", "Give interview questions for the competencies of {role}");
  if (otherCompetency && out.length < 3) add("Geef toetsvragen voor {otherCompetency}", "Give interview questions for {otherCompetency}");
  if (role && out.length < 2) add("Welke schaal past bij {role}?", "Which scale fits {role}?");
  if (out.length < 2) add("Welke competenties worden gevraagd?", "Which competencies are required?");
  return [...new Set(out)].slice(0, 3);
}
