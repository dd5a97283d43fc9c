import type { Citation } from "../answer.js";
import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { fold } from "../../text/normalize.js";
import { cite, citeChunk, say, titleOf, type ComposeContext, type Draft } from "./draft.js";
import { competencyFacts, inferredNote } from "./competencies.js";
import { suggestFollowUps } from "./followUps.js";
import { candidateSources } from "./sources.js";
import { refuse } from "./refusal.js";

const MAX_QUESTIONS = 10;

function sameCompetency(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** Competency names a profile lists without describing them (a "Competenties" bullet list). */
function listedCompetencies(kb: KnowledgeBase, source: string): string[] {
  const listed = kb.chunksOf(source).find((c) => c.path.length === 1 && fold(c.path[0]!) === "competenties");
  return (listed?.text.match(/^- (.+)$/gm) ?? []).map((line) => line.slice(2));
}

/** The Toetsvragen of a competency, or a small interview kit for a role. */
export function composeInterview({ u, kb, hits }: ComposeContext): Draft {
  const lang = u.language;
  if (u.competency) {
    const facts = competencyFacts(kb, u.competency, u, (f) => f.questions.length);
    const fact = facts.find((f) => f.questions.length);
    if (fact) {
      const title = titleOf(kb, fact.source);
      const list = fact.questions.slice(0, MAX_QUESTIONS).map((q, i) => `${i + 1}. ${q}`).join("\n");
      const header = say(lang, `**Toetsvragen voor ${fact.name}** (uit _${title}_):`, `**Interview questions for ${fact.name}** (from _${title}_; quoted in Dutch):`);
      return {
        intent: "interview",
        answered: true,
        answer: `${header}\n\n${list}${inferredNote(fact, lang)}`,
        citations: [cite(fact.source, [...fact.path, "Toetsvragen"], fact.questions[0])],
        followUps: suggestFollowUps(lang, "interview", { competency: fact.name, role: title }),
      };
    }
    const described = facts[0];
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
        answer: `${text}\n\n${indicators.slice(0, 6).map((i) => `- ${i}`).join("\n")}`,
        citations: [cite(described.source, described.path, indicators[0] ?? described.description)],
        followUps: suggestFollowUps(lang, "competency", { competency: described.name }),
      };
    }
    return refuse(u, kb, say(lang, `Ik vind de competentie "${u.competency}" niet in de documenten.`, `I can't find the competency "${u.competency}" in the documents.`));
  }

  // No competency named: an interview kit for the role the question describes. When that
  // profile has no questions of its own, its competencies' questions from other profiles.
  const role = candidateSources(u, kb, hits)[0];
  if (role) {
    const own = kb.competenciesOf(role);
    const names = own.length ? own.map((c) => c.name) : listedCompetencies(kb, role);
    const facts = names
      .map((name) => own.find((c) => c.name === name && c.questions.length) ?? kb.competencies.find((c) => c.questions.length && sameCompetency(c.name, name)))
      .filter((c): c is NonNullable<typeof c> => Boolean(c))
      .slice(0, 4);
    if (facts.length) {
      const title = titleOf(kb, role);
      const borrowed = facts.some((f) => f.source !== role);
      const sections = facts.map((f) => `**${f.name}**${f.source !== role ? ` (_${titleOf(kb, f.source)}_)` : ""}\n${f.questions.slice(0, 2).map((q) => `- ${q}`).join("\n")}`);
      const header = say(lang, `**Interviewkit voor ${title}**: twee toetsvragen per competentie.`, `**Interview kit for ${title}**: two questions per competency (quoted in Dutch).`);
      const note = borrowed
        ? say(lang, `\n\n_Dit profiel heeft zelf geen toetsvragen; de vragen komen uit andere profielen met dezelfde competentie._`, `\n\n_This profile has no interview questions of its own; the questions come from other profiles with the same competency._`)
        : "";
      const roleSection = kb.chunksOf(role).find((c) => c.competency)?.path ?? ["Competenties"];
      return {
        intent: "interview",
        answered: true,
        answer: `${header}\n\n${sections.join("\n\n")}${note}`,
        citations: [...(borrowed ? [cite(role, roleSection.slice(0, -1).length ? roleSection.slice(0, -1) : roleSection, names.join(", "))] : []), ...facts.map((f) => cite(f.source, [...f.path, "Toetsvragen"], f.questions[0]))],
        followUps: suggestFollowUps(lang, "interview", { competency: facts[0]?.name, role: title }),
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
      followUps: suggestFollowUps(lang, "interview", { competency: questionHits[0]!.chunk.competency }),
    };
  }
  return refuse(u, kb, say(lang, "De documenten bevatten geen toetsvragen voor deze functie.", "The documents contain no interview questions for this job."));
}
