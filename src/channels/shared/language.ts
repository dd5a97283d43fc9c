import type { Language } from "../../domain/answer.js";
import type { Audience } from "../../domain/audience.js";

export const sayIn = (language: Language, nl: string, en: string): string => (language === "en" ? en : nl);

/** Teams sends the user's locale ("nl-NL", "en-US"); Dutch unless it says otherwise. */
export function languageOf(locale: string | undefined): Language {
  return locale && !locale.toLowerCase().startsWith("nl") ? "en" : "nl";
}

/** Used only while no documents are loaded: the real examples come from the documents (Assistant.examples). */
const GENERIC_EXAMPLES: Record<Language, string[]> = {
  nl: ["Welke functies staan er in de documenten?", "Welke competenties worden gevraagd?", "Wat kun je?"],
  en: ["Which jobs are in the documents?", "Which competencies are asked for?", "What can you do?"],
};

/** Example questions for a welcome message or suggested prompts: from the loaded documents, else generic ones. */
export function examplesFor(assistant: { examples(language: Language, audience?: Audience): string[] }, language: Language, audience?: Audience): string[] {
  const own = assistant.examples(language, audience);
  return own.length ? own : GENERIC_EXAMPLES[language];
}
