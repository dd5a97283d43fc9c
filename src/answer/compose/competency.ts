import { cite, citeChunk, say, titleOf, type ComposeContext, type Draft } from "./draft.js";
import { competencyFacts, inferredNote } from "./competencies.js";
import { suggestFollowUps } from "./followUps.js";
import { candidateSources } from "./sources.js";
import { refuse } from "./refusal.js";

/** A competency's description and indicators ("competency"), or its development tips ("development"). */
export function composeCompetency({ u, kb, hits }: ComposeContext, intent: "competency" | "development"): Draft {
  const lang = u.language;
  if (!u.competency) {
    if (intent === "development") {
      const tipHits = hits.filter((h) => h.chunk.kind === "development-tips").slice(0, 1);
      if (tipHits.length) {
        const chunk = tipHits[0]!.chunk;
        return { intent, answered: true, answer: chunk.text, citations: [citeChunk(chunk)], followUps: suggestFollowUps(lang, intent, { competency: chunk.competency }) };
      }
    }
    const source = candidateSources(u, kb, hits, (s) => kb.competenciesOf(s).length > 0)[0];
    if (!source) return refuse(u, kb, say(lang, "Ik vind geen competenties bij deze vraag in de documenten.", "I can't find competencies for this question in the documents."));
    const facts = kb.competenciesOf(source);
    const title = titleOf(kb, source);
    const list = facts.map((f) => `- **${f.name}**${f.proficiency ? ` (niveau ${f.proficiency})` : ""}: ${f.description}`).join("\n");
    return {
      intent: "competency",
      answered: true,
      answer: `${say(lang, `**Competenties in ${title}:**`, `**Competencies in ${title}:**`)}\n\n${list}`,
      citations: facts.slice(0, 4).map((f) => cite(f.source, f.path, f.description)),
      followUps: suggestFollowUps(lang, "competency", { competency: facts[0]?.name, role: title }),
    };
  }

  const facts = competencyFacts(kb, u.competency, u, (f) => (intent === "development" ? f.tips.length * 10 : 0) + f.indicators.length + f.questions.length);
  const fact = facts[0];
  if (!fact) return refuse(u, kb, say(lang, `Ik vind de competentie "${u.competency}" niet in de documenten.`, `I can't find the competency "${u.competency}" in the documents.`));
  const title = titleOf(kb, fact.source);
  const others = facts.slice(1).filter((f) => f.source !== fact.source).map((f) => `_${titleOf(kb, f.source)}_${f.proficiency ? ` (niveau ${f.proficiency})` : ""}`);
  const also = others.length ? say(lang, `\n\nOok beschreven in: ${others.join(", ")}.`, `\n\nAlso described in: ${others.join(", ")}.`) : "";

  if (intent === "development") {
    if (!fact.tips.length) {
      const text = say(lang, `De documenten geven geen ontwikkeltips voor **${fact.name}**. Het gewenste gedrag volgens _${title}_:`, `The documents give no development tips for **${fact.name}**. The expected behaviour according to _${title}_:`);
      const items = fact.indicators.length ? fact.indicators : fact.levelDescriptions;
      return { intent, answered: true, answer: `${text}\n\n${items.slice(0, 6).map((i) => `- ${i}`).join("\n")}${also}`, citations: [cite(fact.source, fact.path, items[0] ?? fact.description)], followUps: suggestFollowUps(lang, "competency", { competency: fact.name }) };
    }
    const header = say(lang, `**Ontwikkeltips voor ${fact.name}** (uit _${title}_):`, `**Development tips for ${fact.name}** (from _${title}_; quoted in Dutch):`);
    return {
      intent,
      answered: true,
      answer: `${header}\n\n${fact.tips.slice(0, 8).map((t) => `- ${t}`).join("\n")}${inferredNote(fact, lang)}${also}`,
      citations: [cite(fact.source, [...fact.path, "Ontwikkeltips"], fact.tips[0])],
      followUps: suggestFollowUps(lang, intent, { competency: fact.name }),
    };
  }

  const level = fact.proficiency ? say(lang, `\n\nGevraagd beheersingsniveau: ${fact.proficiency}.`, `\n\nRequired proficiency level: ${fact.proficiency}.`) : "";
  const indicators = fact.indicators.length
    ? `\n\n${say(lang, "**Gedragsindicatoren:**", "**Behaviour indicators** (in Dutch):")}\n${fact.indicators.slice(0, 8).map((i) => `- ${i}`).join("\n")}`
    : fact.levelDescriptions.length
      ? `\n\n${say(lang, "**Niveaus:**", "**Levels:**")}\n${fact.levelDescriptions.map((i) => `- ${i}`).join("\n")}`
      : "";
  return {
    intent,
    answered: true,
    answer: `**${fact.name}** (_${title}_): ${fact.description}${level}${indicators}${inferredNote(fact, lang)}${also}`,
    citations: [cite(fact.source, fact.path, fact.description)],
    followUps: suggestFollowUps(lang, intent, { competency: fact.name }),
  };
}
