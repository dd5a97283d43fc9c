import type { Language } from "../../answer/answer.js";

export const sayIn = (language: Language, nl: string, en: string): string => (language === "en" ? en : nl);

/** Teams sends the user's locale ("nl-NL", "en-US"); Dutch unless it says otherwise. */
export function languageOf(locale: string | undefined): Language {
  return locale && !locale.toLowerCase().startsWith("nl") ? "en" : "nl";
}

export const EXAMPLES: Record<Language, string[]> = {
  nl: ["Welke schaal past bij een servicedesk medewerker?", "Geef toetsvragen voor onderhandelen", "Wat verandert er van schaal 6 naar 7?"],
  en: ["Which scale fits a servicedesk employee?", "Give interview questions for negotiating", "What changes from scale 6 to 7?"],
};
