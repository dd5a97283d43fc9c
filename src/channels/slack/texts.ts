import type { Assistant } from "../../domain/assistant.js";
import { examplesFor } from "../shared/language.js";
import type { Audience } from "../../domain/audience.js";

/**
 * The door's own words. Before a question is answered the language is unknown,
 * so those texts are in Dutch with the English underneath.
 */
export const TEXTS = {
  greeting:
    "Hoi! Ik ben *Functiewijzer*. Stel me een vraag over functies, schalen, competenties of sollicitatievragen; ik antwoord met bronnen uit de functiebeschrijvingen.\n_Hi! Ask me about jobs, pay scales, competencies or interview questions, in Dutch or English._",
  promptsTitle: "Probeer bijvoorbeeld / Try for example",
  status: "zoekt in de functiebeschrijvingen…",
  /** Rotated by Slack under the status while an assistant-thread question is answered. */
  loadingMessages: [
    "Zoekt in de functiebeschrijvingen… / Searching the job descriptions…",
    "Leest de relevante secties… / Reading the relevant sections…",
    "Zet de bronnen op een rij… / Gathering the sources…",
    "Schrijft het antwoord… / Writing the answer…",
  ],
  /** The reaction on a mention or DM while it is answered (removed when the answer lands). */
  workingReaction: "hourglass_flowing_sand",
  working: "🔎 Zoekt in de functiebeschrijvingen… / Searching the job descriptions…",
  failed: "Sorry, dat lukte niet; probeer het zo nog eens. / Sorry, that did not work; please try again shortly.",
  tooLong: (max: number) => `Je vraag is te lang (maximaal ${max} tekens). / Your question is too long (at most ${max} characters).`,
  thanks: "Bedankt voor je feedback! / Thanks for your feedback! 🙏",
  tooMany:
    "Je stelt veel vragen achter elkaar; wacht een minuut en probeer het opnieuw. / You are asking many questions in a row; please wait a minute and try again.",
  sourceGone:
    "Deze sectie staat niet meer in de index (de documenten zijn misschien bijgewerkt). / This section is no longer in the index (the documents may have been updated).",
} as const;

/** How to ask, with an example the loaded documents can answer. */
export function helpText(assistant: Pick<Assistant, "examples">): string {
  return `Stel je vraag na het commando of de vermelding, bijvoorbeeld: _${examplesFor(assistant, "nl")[0] ?? ""}_\n_Ask your question after the command or mention, e.g. ${examplesFor(assistant, "en")[0] ?? ""}_`;
}

/** The assistant pane's suggested prompts: two Dutch examples and one English one, from the loaded documents. */
export function suggestedPrompts(assistant: Pick<Assistant, "examples">, audience?: Audience): { title: string; message: string }[] {
  const nl = examplesFor(assistant, "nl", audience);
  const en = examplesFor(assistant, "en", audience);
  const picks = [nl[0], nl[1], en[2] ?? en[0]].filter((q): q is string => Boolean(q));
  return picks.map((message) => ({ title: message.length > 40 ? `${message.slice(0, 39)}…` : message, message }));
}
