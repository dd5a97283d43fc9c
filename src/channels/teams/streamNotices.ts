import type { Language } from "../../domain/answer.js";
import { sayIn } from "../shared/language.js";

/** The progress notes a Teams stream shows while an answer is found, written and checked (never the answer's own text). */
const NOTICES = {
  searching: ["Zoekt in de functiebeschrijvingen…", "Searching the job descriptions…"],
  checking: ["Schrijft het antwoord en controleert het aan de bronnen…", "Writing the answer and checking it against the sources…"],
  stillChecking: ["Nog even geduld: het antwoord wordt nog gecontroleerd…", "Still checking the answer against the sources; one moment…"],
} as const satisfies Record<string, readonly [string, string]>;

export type StreamNotice = keyof typeof NOTICES;

/** A progress note in the question's language. */
export function streamNotice(language: Language, notice: StreamNotice): string {
  const [nl, en] = NOTICES[notice];
  return sayIn(language, nl, en);
}
