import type { LevelFact } from "../../../domain/document.js";
import { nextLevel } from "../../../domain/systems/levels.js";
import { fold } from "../../../text/normalize.js";
import type { Citation } from "../../../domain/answer.js";
import { cite, listWithMore, say, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { suggestFollowUps } from "../../compose/followUps.js";
import { CAREER_FOLLOW_UPS } from "./followUps.js";
import { candidateSources } from "../../compose/sources.js";
import { refuse } from "../../compose/refusal.js";

const PER_ASPECT = 4;

function order(level: LevelFact): number {
  return level.rank ?? 0;
}

const key = (item: string) => fold(item).replace(/[^a-z0-9]+/g, "");

/** Items of `to` that `from` does not have: what is new at the higher level. */
function added(from: string[] = [], to: string[] = []): string[] {
  const known = new Set(from.map(key));
  return to.filter((item) => !known.has(key(item)));
}

/**
 * What changes between two levels, computed from the level typings (results,
 * frameworks, knowledge, contacts, education), plus development tips for the
 * competencies the function asks for.
 */
export function composeCareer({ u, kb, hits }: ComposeContext, intent: "career" | "compare" = "career"): Draft {
  const lang = u.language;
  const expansions: NonNullable<Draft["expansions"]> = [];
  const sources = candidateSources(u, kb, hits, (s) => kb.levelsOf(s).length > 0);
  const allSources = [...sources, ...kb.documents.map((d) => d.source).filter((s) => !sources.includes(s))];
  let pair: [LevelFact, LevelFact] | undefined;
  for (const source of allSources) {
    const levels = [...kb.levelsOf(source)].sort((a, b) => order(a) - order(b));
    const from = u.levels[0] ? levels.find((l) => kb.vocabulary.systems.sameLevel(l, u.levels[0]!)) : undefined;
    if (!from) continue;
    const to = u.levels[1] ? levels.find((l) => kb.vocabulary.systems.sameLevel(l, u.levels[1]!)) : nextLevel(levels, from);
    if (to && to !== from) {
      // "Van schaal 8 naar 7" or "verschil 12 en 10": always lower → higher, so "new" means new at the higher level.
      pair = order(from) <= order(to) ? [from, to] : [to, from];
      break;
    }
  }
  if (!pair) {
    const asked = u.levels.map((l) => l.code).join(" → ") || "?";
    return refuse(
      u,
      kb,
      say(lang, `Ik vind in de documenten geen twee niveaus om te vergelijken (${asked}).`, `I can't find two levels to compare in the documents (${asked}).`),
    );
  }
  const [from, to] = pair;
  const title = titleOf(kb, from.source);
  const aspects = Object.keys(to.aspects).filter((name) => !name.includes(":"));
  const citations: Citation[] = [];
  const blocks: string[] = [];
  for (const aspect of aspects) {
    const news = added(from.aspects[aspect], to.aspects[aspect]);
    if (!news.length) continue;
    const label =
      aspect === "Kwaliteitenprofiel"
        ? say(lang, "Opleiding, ervaring en kennis (kwaliteitenprofiel)", "Education, experience and knowledge (quality profile)")
        : aspect;
    blocks.push(
      `**${label}** ${say(lang, `(nieuw of anders in ${to.label})`, `(new or different in ${to.label})`)}:\n${listWithMore(news, PER_ASPECT, lang, false, expansions)}`,
    );
    if (citations.length < 3) citations.push(cite(to.source, to.path, news[0]));
  }
  if (!blocks.length) {
    blocks.push(
      say(
        lang,
        `Het document noemt ${from.label} en ${to.label}, maar beschrijft geen inhoudelijke verschillen tussen beide.`,
        `The document lists ${from.label} and ${to.label} but does not describe how they differ.`,
      ),
    );
    citations.push(cite(from.source, from.path, `${from.label}; ${to.label}`));
  }
  if (!citations.some((c) => c.section === from.path.join(" › "))) citations.push(cite(from.source, from.path, from.label));

  // Development tips for competencies this function asks for, where any document has tips.
  // Tips of this document's own competencies: a question about one document is answered from it.
  const withTips = kb
    .competenciesOf(from.source)
    .map((c) => (c.tips.length ? c : undefined))
    .filter((c): c is NonNullable<typeof c> => Boolean(c))
    .slice(0, 2);
  if (withTips.length) {
    const tips = withTips.map((c) => `- **${c.name}**: ${c.tips[0]}`).join("\n");
    blocks.push(`${say(lang, "**Ontwikkeltips** voor competenties van deze functie:", "**Development tips** for competencies of this job:")}\n${tips}`);
    for (const c of withTips) citations.push(cite(c.source, [...c.path, "Ontwikkeltips"], c.tips[0]));
  }
  const intro = say(lang, `**Van ${from.label} naar ${to.label}** (_${title}_):`, `**From ${from.label} to ${to.label}** (_${title}_):`);
  const next = nextLevel(kb.levelsOf(from.source), to);
  return {
    intent,
    answered: true,
    answer: `${intro}\n\n${blocks.join("\n\n")}`,
    citations,
    followUps: [
      ...(next
        ? [
            say(
              lang,
              `Wat verandert er van ${to.label.toLowerCase()} naar ${next.label.toLowerCase()}?`,
              `What changes from ${to.label.toLowerCase()} to ${next.label.toLowerCase()}?`,
            ),
          ]
        : []),
      ...suggestFollowUps(lang, CAREER_FOLLOW_UPS, { nextLevel: to.label, role: title, otherCompetency: withTips[0]?.name }),
    ].slice(0, 3),
    expansions,
  };
}
