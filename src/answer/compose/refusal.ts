import type { Citation } from "../../domain/answer.js";
import type { KnowledgeBase, SearchHit } from "../../search/knowledgeBase.js";
import type { QueryPlan } from "../understand/plan.js";
import { say, type Draft } from "./draft.js";

/**
 * The honest "not in the documents": why, and the closest things the documents
 * can answer instead (from what the search did find, else from the corpus).
 */
export function refuse(u: QueryPlan, kb: KnowledgeBase, reason: string, citations: Citation[] = [], hits: SearchHit[] = []): Draft {
  const lang = u.language;
  const near = [...new Set([...u.roles, ...hits.slice(0, 5).map((h) => h.chunk.source)])]
    .map((s) => kb.document(s))
    .filter((d): d is NonNullable<typeof d> => Boolean(d));
  const docs = near.length ? near : kb.documents.slice(0, 6);
  const titles = docs.slice(0, 6).map((d) => `- ${d.title}${d.jobLevels.length ? ` (${d.jobLevels.map((l) => l.label).join(", ")})` : ""}`);
  const offer = near.length
    ? say(lang, "Wat de documenten wel beschrijven, dicht bij je vraag:", "What the documents do describe, close to your question:")
    : say(
        lang,
        "Ik kan wel antwoorden op vragen over schalen en niveaus, toetsvragen, competenties, ontwikkeltips en taken uit deze documenten:",
        "I can answer questions about scales and levels, interview questions, competencies, development tips and tasks from these documents:",
      );
  const competency = hits.map((h) => h.chunk.competency).find(Boolean) ?? kb.findCompetency((c) => c.questions.length)?.name;
  const example = docs.find((d) => d.jobLevels.length)?.title;
  const followUps = [
    example ? say(lang, `Welke schaal past bij ${example}?`, `Which scale fits ${example}?`) : undefined,
    competency ? say(lang, `Geef toetsvragen voor ${competency.toLowerCase()}`, `Give interview questions for ${competency.toLowerCase()}`) : undefined,
    say(lang, "Welke functies staan er in de documenten?", "Which jobs are in the documents?"),
  ].filter((f): f is string => Boolean(f));
  return {
    intent: "unknown",
    answered: false,
    answer: `${reason}\n\n${offer}\n${titles.join("\n")}`,
    citations,
    followUps,
  };
}
