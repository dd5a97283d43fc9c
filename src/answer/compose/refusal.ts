import type { Citation } from "../answer.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import type { Understanding } from "../understand/understand.js";
import { say, type Draft } from "./draft.js";

/**
 * The honest "not in the documents": what was asked that the documents do
 * not hold, and what they can answer instead.
 */
export function refuse(u: Understanding, kb: KnowledgeBase, reason: string, citations: Citation[] = []): Draft {
  const lang = u.language;
  const titles = kb.documents.slice(0, 6).map((d) => `- ${d.title}${d.jobLevels.length ? ` (${d.jobLevels.map((l) => l.label).join(", ")})` : ""}`);
  const offer = say(
    lang,
    "Ik kan wel antwoorden op vragen over schalen en niveaus, toetsvragen, competenties, ontwikkeltips en resultaatgebieden uit deze documenten:",
    "I can answer questions about scales and levels, interview questions, competencies, development tips and result areas from these documents:",
  );
  const withQuestions = kb.competencies.find((c) => c.questions.length)?.name;
  const example = kb.documents.find((d) => d.jobLevels.length)?.title;
  const followUps = [
    example ? say(lang, `Welke schaal past bij ${example}?`, `Which scale fits ${example}?`) : undefined,
    withQuestions ? say(lang, `Geef toetsvragen voor ${withQuestions.toLowerCase()}`, `Give interview questions for ${withQuestions.toLowerCase()}`) : undefined,
    say(lang, "Welke competenties worden gevraagd?", "Which competencies are required?"),
  ].filter((f): f is string => Boolean(f));
  return {
    intent: "unknown",
    answered: false,
    answer: `${reason}\n\n${offer}\n${titles.join("\n")}`,
    citations,
    followUps,
  };
}
