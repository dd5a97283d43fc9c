import type { Citation } from "../../../domain/answer.js";
import { cite, citeChunk, listWithMore, say, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { competencyFacts, inferredNote, recognitionNote, type FactRanking } from "../../compose/competencies.js";
import { suggestFollowUps } from "../../compose/followUps.js";
import { COMPETENCY_FOLLOW_UPS } from "../competency/followUps.js";
import { INTERVIEW_FOLLOW_UPS } from "./followUps.js";
import { candidateSources } from "../../compose/sources.js";
import { refuse } from "../../compose/refusal.js";

const MAX_QUESTIONS = 10;

/** Facts with the most interview questions first. */
const MOST_QUESTIONS: FactRanking = { id: "questions", rank: (fact) => fact.questions.length };

/** The Toetsvragen of a competency, or a small interview kit for a role. */
export function composeInterview({ u, kb, hits }: ComposeContext): Draft {
  const lang = u.language;
  const expansions: NonNullable<Draft["expansions"]> = [];
  if (u.competency) {
    const facts = competencyFacts(kb, u.competency, u, MOST_QUESTIONS);
    const fact = facts.find((f) => f.questions.length);
    if (fact) {
      const title = titleOf(kb, fact.source);
      const header = say(
        lang,
        `**Toetsvragen voor ${fact.name}** (uit _${title}_):`,
        `**Interview questions for ${fact.name}** (from _${title}_; quoted in Dutch):`,
      );
      return {
        intent: "interview",
        answered: true,
        answer: `${header}\n\n${listWithMore(fact.questions, MAX_QUESTIONS, lang, true, expansions)}${inferredNote(fact, lang)}${recognitionNote(u, fact.name)}`,
        citations: [cite(fact.source, [...fact.path, "Toetsvragen"], fact.questions[0])],
        followUps: suggestFollowUps(lang, INTERVIEW_FOLLOW_UPS, { competency: fact.name, role: title }),
        expansions,
      };
    }
    const described = facts.find((f) => f.indicators.length || f.levelDescriptions.length);
    if (described) {
      const indicators = described.indicators.length ? described.indicators : described.levelDescriptions;
      const text = say(
        lang,
        `De documenten bevatten geen toetsvragen voor **${described.name}**. Wel beschrijft _${titleOf(kb, described.source)}_ dit gedrag, waar je in een gesprek naar kunt vragen:`,
        `The documents contain no interview questions for **${described.name}**. _${titleOf(kb, described.source)}_ does describe the behaviour you can ask about:`,
      );
      return {
        intent: "interview",
        answered: true,
        answer: `${text}\n\n${listWithMore(indicators, 6, lang, false, expansions)}`,
        citations: [cite(described.source, described.path, indicators[0] ?? described.description)],
        followUps: suggestFollowUps(lang, COMPETENCY_FOLLOW_UPS, { competency: described.name }),
        expansions,
      };
    }
    return refuse(
      u,
      kb,
      say(
        lang,
        `De documenten bevatten geen toetsvragen of gedragsbeschrijving voor "${u.competency}".`,
        `The documents contain no interview questions or behaviour description for "${u.competency}".`,
      ),
    );
  }

  // No competency named: an interview kit for the role the question names or describes. When that
  // profile has no questions of its own, its competencies' questions from other profiles.
  const role = candidateSources(u, kb, hits)[0];
  if (role) {
    const own = kb.competenciesOf(role);
    const facts = own
      .map((c) => (c.questions.length ? c : kb.competencyNames.factsOf(c.name).find((other) => other.questions.length)))
      .filter((c): c is NonNullable<typeof c> => Boolean(c))
      .slice(0, 4);
    if (facts.length) {
      const title = titleOf(kb, role);
      const borrowed = facts.some((f) => f.source !== role);
      const sections = facts.map(
        (f) =>
          `**${f.name}**${f.source !== role ? ` (_${titleOf(kb, f.source)}_)` : ""}\n${f.questions
            .slice(0, 2)
            .map((q) => `- ${q}`)
            .join("\n")}`,
      );
      const header = say(
        lang,
        `**Interviewkit voor ${title}**: twee toetsvragen per competentie.`,
        `**Interview kit for ${title}**: two questions per competency (quoted in Dutch).`,
      );
      const note = borrowed
        ? say(
            lang,
            `\n\n_Dit profiel heeft niet voor elke competentie eigen toetsvragen; die vragen komen uit andere profielen met dezelfde competentie._`,
            `\n\n_This profile does not have questions for every competency; those come from other profiles with the same competency._`,
          )
        : "";
      const roleSection = own[0]?.path ?? ["Competenties"];
      return {
        intent: "interview",
        answered: true,
        answer: `${header}\n\n${sections.join("\n\n")}${note}`,
        citations: [
          ...(borrowed ? [cite(role, roleSection.length > 1 ? roleSection.slice(0, -1) : roleSection, own.map((c) => c.name).join(", "))] : []),
          ...facts.map((f) => cite(f.source, [...f.path, "Toetsvragen"], f.questions[0])),
        ],
        followUps: suggestFollowUps(lang, INTERVIEW_FOLLOW_UPS, { competency: facts[0]?.name, role: title }),
      };
    }
  }
  const questionHits = hits.filter((h) => h.chunk.kind === "interview-questions").slice(0, 2);
  if (questionHits.length) {
    const citations: Citation[] = questionHits.map((h) => citeChunk(h.chunk));
    return {
      intent: "interview",
      answered: true,
      answer: questionHits.map((h) => h.chunk.text).join("\n\n"),
      citations,
      followUps: suggestFollowUps(lang, INTERVIEW_FOLLOW_UPS, { competency: questionHits[0]!.chunk.competency }),
    };
  }
  return refuse(u, kb, say(lang, "De documenten bevatten geen toetsvragen voor deze functie.", "The documents contain no interview questions for this job."));
}
