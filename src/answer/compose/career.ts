import type { LevelFact } from "../../ingest/model.js";
import { fold } from "../../text/normalize.js";
import type { Citation } from "../answer.js";
import type { LevelMention } from "../understand/entities.js";
import { cite, say, titleOf, type ComposeContext, type Draft } from "./draft.js";
import { suggestFollowUps } from "./followUps.js";
import { candidateSources } from "./sources.js";
import { refuse } from "./refusal.js";

const PER_ASPECT = 4;

function matches(level: LevelFact, mention: LevelMention): boolean {
  if (mention.kind === "scale") return level.scale === Number(mention.value);
  if (mention.kind === "klasse") return level.klasse === mention.value;
  return fold(level.niveau ?? "") === fold(mention.value);
}

function order(level: LevelFact): number {
  return level.scale ?? Number((level.klasse ?? level.niveau ?? "0").replace(/\D.*$/, "")) ?? 0;
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
export function composeCareer({ u, kb, hits }: ComposeContext): Draft {
  const lang = u.language;
  const sources = candidateSources(u, kb, hits, (s) => kb.levelsOf(s).length > 0);
  const allSources = [...sources, ...kb.documents.map((d) => d.source).filter((s) => !sources.includes(s))];
  let pair: [LevelFact, LevelFact] | undefined;
  for (const source of allSources) {
    const levels = [...kb.levelsOf(source)].sort((a, b) => order(a) - order(b));
    const from = u.levels[0] ? levels.find((l) => matches(l, u.levels[0]!)) : undefined;
    if (!from) continue;
    const to = u.levels[1] ? levels.find((l) => matches(l, u.levels[1]!)) : levels.find((l) => order(l) > order(from));
    if (to) {
      pair = [from, to];
      break;
    }
  }
  if (!pair) {
    const asked = u.levels.map((l) => l.value).join(" → ") || "?";
    return refuse(u, kb, say(lang, `Ik vind in de documenten geen twee niveaus om te vergelijken (${asked}).`, `I can't find two levels to compare in the documents (${asked}).`));
  }
  const [from, to] = pair;
  const title = titleOf(kb, from.source);
  const aspects = Object.keys(to.aspects).filter((name) => !name.includes(":"));
  const citations: Citation[] = [];
  const blocks: string[] = [];
  if (from.code && to.code) blocks.push(say(lang, `Typering: ${from.code} → ${to.code}`, `Typing code: ${from.code} → ${to.code}`));
  for (const aspect of aspects) {
    const news = added(from.aspects[aspect], to.aspects[aspect]);
    if (!news.length) continue;
    const label = aspect === "Kwaliteitenprofiel" ? say(lang, "Opleiding, ervaring en kennis (kwaliteitenprofiel)", "Education, experience and knowledge (quality profile)") : aspect;
    blocks.push(`**${label}** ${say(lang, `(nieuw of anders in ${to.label})`, `(new or different in ${to.label})`)}:\n${news.slice(0, PER_ASPECT).map((n) => `- ${n}`).join("\n")}${news.length > PER_ASPECT ? say(lang, `\n- _…en ${news.length - PER_ASPECT} meer_`, `\n- _…and ${news.length - PER_ASPECT} more_`) : ""}`);
    if (citations.length < 3) citations.push(cite(to.source, to.path, news[0]));
  }
  if (!blocks.length) {
    blocks.push(say(lang, `Het document noemt ${from.label} en ${to.label}, maar beschrijft geen inhoudelijke verschillen tussen beide.`, `The document lists ${from.label} and ${to.label} but does not describe how they differ.`));
    citations.push(cite(from.source, from.path, `${from.label}; ${to.label}`));
  }
  if (!citations.some((c) => c.section === from.path.join(" › "))) citations.push(cite(from.source, from.path, from.label));

  // Development tips for competencies this function asks for, where any document has tips.
  const names = kb.competenciesOf(from.source).map((c) => c.name);
  const listed = kb.chunksOf(from.source).find((c) => fold(c.path[0] ?? "") === "competenties" && c.path.length === 1);
  const candidates = names.length ? names : (listed?.text.match(/^- (.+)$/gm) ?? []).map((line) => line.slice(2));
  const withTips = candidates
    .map((name) => kb.competencies.find((c) => fold(c.name) === fold(name) && c.tips.length))
    .filter((c): c is NonNullable<typeof c> => Boolean(c))
    .slice(0, 2);
  if (withTips.length) {
    const tips = withTips.map((c) => `- **${c.name}**: ${c.tips[0]}`).join("\n");
    blocks.push(`${say(lang, "**Ontwikkeltips** voor competenties van deze functie:", "**Development tips** for competencies of this job:")}\n${tips}`);
    for (const c of withTips) citations.push(cite(c.source, [...c.path, "Ontwikkeltips"], c.tips[0]));
  }
  const intro = say(lang, `**Van ${from.label} naar ${to.label}** (_${title}_):`, `**From ${from.label} to ${to.label}** (_${title}_):`);
  const next = kb.levelsOf(from.source).filter((l) => order(l) > order(to)).sort((a, b) => order(a) - order(b))[0];
  return {
    intent: "career",
    answered: true,
    answer: `${intro}\n\n${blocks.join("\n\n")}`,
    citations,
    followUps: [
      ...(next ? [say(lang, `Wat verandert er van ${to.label.toLowerCase()} naar ${next.label.toLowerCase()}?`, `What changes from ${to.label.toLowerCase()} to ${next.label.toLowerCase()}?`)] : []),
      ...suggestFollowUps(lang, "career", { nextLevel: to.label, role: title, otherCompetency: withTips[0]?.name }),
    ].slice(0, 3),
  };
}
