import type { CompetencyFact } from "../../../domain/document.js";
import { cite, citeChunk, listWithMore, say, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { competencyFacts, inferredNote, recognitionNote, type FactRanking } from "../../compose/competencies.js";
import { suggestFollowUps } from "../../compose/followUps.js";
import { COMPETENCY_FOLLOW_UPS } from "./followUps.js";
import { DEVELOPMENT_FOLLOW_UPS } from "../development/followUps.js";
import { candidateSources } from "../../compose/sources.js";
import { refuse } from "../../compose/refusal.js";

const MAX_ITEMS = 8;

/** "Functieklasse 15/16" column of a competency × class table, for the class a question names. */
function levelForJobLevel(fact: CompetencyFact, { u, kb }: Pick<ComposeContext, "u" | "kb">): { level: string; value: string } | undefined {
  if (!fact.levelsByJobLevel?.length || !u.levels.length) return undefined;
  return fact.levelsByJobLevel.find((entry) => {
    const statements = kb.vocabulary.systems.levelStatements(entry.level);
    const codes = statements.length ? statements.map((s) => ({ code: s.code })) : [{ code: entry.level.trim().toUpperCase() }];
    return u.levels.some((mention) => codes.some((c) => kb.vocabulary.systems.sameLevel({ label: entry.level, code: c.code }, { code: mention.code })));
  });
}

/** The competencies of one role, each with its description (and proficiency when the profile states it). */
function roleCompetencies({ u, kb, hits }: ComposeContext): Draft {
  const lang = u.language;
  const source = candidateSources(u, kb, hits, (s) => kb.competenciesOf(s).length > 0)[0];
  if (!source)
    return refuse(
      u,
      kb,
      say(lang, "Ik vind geen competenties bij deze vraag in de documenten.", "I can't find competencies for this question in the documents."),
    );
  const facts = kb.competenciesOf(source);
  const title = titleOf(kb, source);
  const expansions: NonNullable<Draft["expansions"]> = [];
  const items = facts.map((f) => `**${f.name}**${f.proficiency ? ` (niveau ${f.proficiency})` : ""}${f.description ? `: ${f.description}` : ""}`);
  return {
    intent: "competency",
    answered: true,
    answer: `${say(lang, `**Competenties in ${title}:**`, `**Competencies in ${title}:**`)}\n\n${listWithMore(items, 12, lang, false, expansions)}`,
    citations: facts.slice(0, 4).map((f) => cite(f.source, f.path.length > 1 ? f.path.slice(0, -1) : f.path, f.description || f.name)),
    followUps: suggestFollowUps(lang, COMPETENCY_FOLLOW_UPS, { competency: facts.find((f) => f.questions.length)?.name ?? facts[0]?.name, role: title }),
    expansions,
  };
}

/** The fullest description first; for development questions, the ones with tips before all others. */
const richness = (fact: CompetencyFact) => fact.indicators.length + fact.questions.length + (fact.description ? 1 : 0);
const RICHEST: FactRanking = { id: "richest", rank: richness };
const WITH_TIPS: FactRanking = { id: "tips", rank: (fact) => fact.tips.length * 10 + richness(fact) };

/** A competency's description and indicators ("competency"), or its development tips ("development"). */
export function composeCompetency(context: ComposeContext, intent: "competency" | "development"): Draft {
  const { u, kb, hits } = context;
  const lang = u.language;
  if (!u.competency) {
    if (intent === "development") {
      const tipHit = hits.find((h) => h.chunk.kind === "development-tips");
      if (tipHit)
        return {
          intent,
          answered: true,
          answer: tipHit.chunk.text,
          citations: [citeChunk(tipHit.chunk)],
          followUps: suggestFollowUps(lang, intent === "development" ? DEVELOPMENT_FOLLOW_UPS : COMPETENCY_FOLLOW_UPS, { competency: tipHit.chunk.competency }),
        };
    }
    return roleCompetencies(context);
  }

  const facts = competencyFacts(kb, u.competency, u, intent === "development" ? WITH_TIPS : RICHEST);
  const fact = facts[0];
  if (!fact)
    return refuse(
      u,
      kb,
      say(lang, `Ik vind de competentie "${u.competency}" niet in de documenten.`, `I can't find the competency "${u.competency}" in the documents.`),
    );
  const title = titleOf(kb, fact.source);
  const others = facts
    .slice(1)
    .filter((f) => f.source !== fact.source)
    .slice(0, 4)
    .map((f) => `_${titleOf(kb, f.source)}_${f.proficiency ? ` (niveau ${f.proficiency})` : ""}`);
  const also = others.length
    ? say(lang, `\n\nOok beschreven in: ${[...new Set(others)].join(", ")}.`, `\n\nAlso described in: ${[...new Set(others)].join(", ")}.`)
    : "";
  const note = recognitionNote(u, fact.name);
  const expansions: NonNullable<Draft["expansions"]> = [];

  // "Which level of klantgerichtheid in functieklasse 15/16?": the competency × class table.
  const perClass = facts.map((f) => ({ f, entry: levelForJobLevel(f, { u, kb }) })).find((x) => x.entry);
  if (perClass?.entry) {
    const { f, entry } = perClass;
    const description = f.levelDescriptions.find((d) => d.trim().startsWith(`${entry.value}`));
    return {
      intent: "competency",
      answered: true,
      answer: say(
        lang,
        `In _${titleOf(kb, f.source)}_ wordt voor **${f.name}** in **${entry.level}** niveau **${entry.value}** verwacht.${description ? `\n\n- ${description}` : ""}`,
        `In _${titleOf(kb, f.source)}_, **${f.name}** is expected at level **${entry.value}** in **${entry.level}**.${description ? `\n\n- ${description}` : ""}`,
      ),
      citations: [cite(f.source, f.path, `${f.name}: ${entry.level} → ${entry.value}`)],
      followUps: suggestFollowUps(lang, COMPETENCY_FOLLOW_UPS, { competency: f.name }),
    };
  }

  if (intent === "development") {
    if (!fact.tips.length) {
      const text = say(
        lang,
        `De documenten geven geen ontwikkeltips voor **${fact.name}**. Het gewenste gedrag volgens _${title}_:`,
        `The documents give no development tips for **${fact.name}**. The expected behaviour according to _${title}_:`,
      );
      const items = fact.indicators.length ? fact.indicators : fact.levelDescriptions;
      if (!items.length)
        return refuse(
          u,
          kb,
          say(lang, `De documenten geven geen ontwikkeltips voor "${fact.name}".`, `The documents give no development tips for "${fact.name}".`),
        );
      return {
        intent,
        answered: true,
        answer: `${text}\n\n${listWithMore(items, MAX_ITEMS, lang, false, expansions)}${note}${also}`,
        citations: [cite(fact.source, fact.path, items[0] ?? fact.description)],
        followUps: suggestFollowUps(lang, COMPETENCY_FOLLOW_UPS, { competency: fact.name }),
        expansions,
      };
    }
    const header = say(
      lang,
      `**Ontwikkeltips voor ${fact.name}** (uit _${title}_):`,
      `**Development tips for ${fact.name}** (from _${title}_; quoted in Dutch):`,
    );
    return {
      intent,
      answered: true,
      answer: `${header}\n\n${listWithMore(fact.tips, MAX_ITEMS, lang, false, expansions)}${inferredNote(fact, lang)}${note}${also}`,
      citations: [cite(fact.source, [...fact.path, "Ontwikkeltips"], fact.tips[0])],
      followUps: suggestFollowUps(lang, intent === "development" ? DEVELOPMENT_FOLLOW_UPS : COMPETENCY_FOLLOW_UPS, { competency: fact.name }),
      expansions,
    };
  }

  const level = fact.proficiency
    ? say(lang, `\n\nGevraagd beheersingsniveau: ${fact.proficiency}.`, `\n\nRequired proficiency level: ${fact.proficiency}.`)
    : "";
  const perLevel = fact.levelsByJobLevel?.length
    ? `\n\n${say(lang, "**Verwacht niveau per functieklasse:**", "**Expected level per job class:**")}\n${fact.levelsByJobLevel.map((l) => `- ${l.level}: ${l.value}`).join("\n")}`
    : "";
  const indicators = fact.indicators.length
    ? `\n\n${say(lang, "**Gedragsindicatoren:**", "**Behaviour indicators** (in Dutch):")}\n${listWithMore(fact.indicators, MAX_ITEMS, lang, false, expansions)}`
    : fact.levelDescriptions.length
      ? `\n\n${say(lang, "**Niveaus:**", "**Levels:**")}\n${listWithMore(fact.levelDescriptions, MAX_ITEMS, lang, false, expansions)}`
      : "";
  const description =
    fact.description || say(lang, "(het document noemt deze competentie zonder omschrijving)", "(the document lists this competency without a description)");
  return {
    intent,
    answered: true,
    answer: `**${fact.name}** (_${title}_): ${description}${level}${perLevel}${indicators}${inferredNote(fact, lang)}${note}${also}`,
    citations: [cite(fact.source, fact.path, fact.description || fact.name)],
    followUps: suggestFollowUps(lang, COMPETENCY_FOLLOW_UPS, { competency: fact.name }),
    expansions,
  };
}
