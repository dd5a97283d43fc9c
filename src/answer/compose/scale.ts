import type { LevelFact } from "../../ingest/model.js";
import { expandQuery } from "../../domain/thesaurus.js";
import { fold } from "../../text/normalize.js";
import { cite, say, titleOf, type ComposeContext, type Draft } from "./draft.js";
import { suggestFollowUps } from "./followUps.js";
import { bestLines, overlap, ownStems, queryStems } from "./relevance.js";
import { candidateSources, titleMatches } from "./sources.js";
import { composeLevelDetail } from "./levelDetail.js";
import { refuse } from "./refusal.js";

const CHOOSES_LEVEL = /\b(past|passen|passend|fits?|fitting|hoort|horen|belongs?|welke (schaal|schalen|niveau|niveaus|functieklasse)|which (scale|level|grade)|what (scale|level|grade)|in welke)\b/;

const MAX_SOURCES = 8;

/** The first `max` items that pass `accept`, without testing the rest. */
function takeWhere<T>(items: T[], max: number, accept: (item: T, index: number) => boolean): T[] {
  const out: T[] = [];
  for (const [i, item] of items.entries()) {
    if (out.length >= max) break;
    if (accept(item, i)) out.push(item);
  }
  return out;
}

function levelLines(level: LevelFact): string[] {
  return Object.entries(level.aspects)
    .filter(([name]) => !name.includes(":") && name !== "Kwaliteitenprofiel")
    .flatMap(([, items]) => items);
}

function sameLevel(level: { label: string; scale?: number; niveau?: string; klasse?: string }, mention: { kind: string; value: string }): boolean {
  if (mention.kind === "scale") return level.scale === Number(mention.value);
  if (mention.kind === "klasse") return level.klasse === mention.value;
  return fold(level.niveau ?? "") === fold(mention.value);
}

/**
 * Which scales or levels fit a described role, per document and system, with
 * the lines that decide it; systems are never converted into each other.
 */
export function composeScale(context: ComposeContext): Draft {
  const { u, kb, hits } = context;
  const lang = u.language;
  const stems = queryStems(u.searchText);
  const own = ownStems(u.searchText);
  const bestRank = new Map<string, number>();
  hits.forEach((hit, rank) => bestRank.set(hit.chunk.source, Math.min(rank, bestRank.get(hit.chunk.source) ?? rank)));
  const titled = new Map(titleMatches(u, kb).map((d) => [d.source, d.shared]));
  const mostTitled = Math.max(0, ...titled.values());
  // Typings whose lines describe the asked work are evidence even when the title differs (Rijk "front office" for a
  // servicedesk). Synonyms count as whole phrases: "service level management" must not match any "management".
  const phrases = expandQuery(fold(`${u.question} ${kb.spelled(u.question)}`))
    .filter((p) => p.length >= 4)
    .map((p) => new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  const describesWork = (source: string) => kb.levelsOf(source).some((level) => levelLines(level).some((line) => phrases.some((p) => p.test(fold(line)))));
  // At most MAX_SOURCES documents are weighed: thousands may share a title word.
  const sources = takeWhere(candidateSources(u, kb, hits, (source) => (kb.document(source)?.jobLevels.length ?? 0) > 0), MAX_SOURCES, (source, i) => {
    if (u.previousSources.includes(source)) return true;
    // The question names a job: the documents it names best, plus typings that describe that work.
    if (mostTitled > 0) return titled.get(source) === mostTitled || describesWork(source);
    const doc = kb.document(source)!;
    return i === 0 || (bestRank.get(source) ?? 99) <= 1 || overlap(`${doc.title} ${doc.tags.join(" ")}`, stems) > 0;
  });
  if (!sources.length) return refuse(u, kb, say(lang, "Ik vind in de documenten geen schaal of niveau bij deze vraag.", "I can't find a scale or level for this question in the documents."));

  const asked = u.levels;
  if (asked.length) {
    const known = sources.flatMap((source) => kb.document(source)!.jobLevels);
    const missing = asked.filter((mention) => !known.some((level) => sameLevel(level, mention)));
    if (missing.length === asked.length) {
      const label = missing.map((m) => (m.kind === "scale" ? `schaal ${m.value}` : m.kind === "klasse" ? `functieklasse ${m.value}` : `niveau ${m.value}`)).join(", ");
      const available = sources.map((s) => `- **${titleOf(kb, s)}**: ${kb.document(s)!.jobLevels.map((l) => l.label).join(", ")}`).join("\n");
      return refuse(
        u,
        kb,
        say(lang, `De documenten beschrijven geen ${label} voor deze functie(s). Wel deze niveaus:\n${available}`, `The documents do not describe ${label} for this job. They do describe these levels:\n${available}`),
        sources.map((s) => cite(s, ["Niveaus"], kb.document(s)!.jobLevels.map((l) => l.label).join(", "))),
      );
    }
  }

  // "What does schaal 6 involve?" asks about one level, not which level fits.
  if (!CHOOSES_LEVEL.test(fold(u.question))) {
    const detail = composeLevelDetail(context, sources);
    if (detail) return detail;
  }

  const parts: string[] = [];
  const citations = [];
  let firstLevel: string | undefined;
  let nextLevel: string | undefined;
  for (const source of sources.slice(0, 3)) {
    const doc = kb.document(source)!;
    const typed = kb.levelsOf(source).filter((level) => levelLines(level).length > 0);
    const header = `**${doc.title}** (${doc.system})`;
    if (typed.length > 1) {
      // Rank the typings of this document by how well their lines match the described work.
      const ranked = typed
        .map((level) => ({ level, lines: bestLines(levelLines(level), stems, 2, own), score: levelLines(level).reduce((n, line) => Math.max(n, overlap(line, stems, own)), 0) }))
        .sort((a, b) => b.score - a.score || (a.level.scale ?? 0) - (b.level.scale ?? 0));
      const best = ranked[0]!;
      const strong = best.score > 0 ? ranked.filter((r) => r.score >= best.score * 0.75 && r.lines.length) : [];
      if (!strong.length) {
        parts.push(`${header}: ${typed.map((l) => l.label).join(", ")}. ${say(lang, "Welke schaal past, hangt af van het werk; de typeringen verschillen in zwaarte.", "Which scale fits depends on the work; the typings differ in weight.")}`);
        citations.push(cite(source, typed[0]!.path, typed.map((l) => l.label).join(", ")));
        continue;
      }
      const lines = strong.slice(0, 3).map((r) => `- **${r.level.label}**: ${r.lines.map((line) => `"${line}"`).join("; ")}`);
      parts.push(`${header}:\n${lines.join("\n")}`);
      for (const r of strong.slice(0, 3)) citations.push(cite(source, r.level.path, r.lines[0]));
      const higher = typed.filter((l) => (l.scale ?? 0) > (best.level.scale ?? 0)).sort((a, b) => (a.scale ?? 0) - (b.scale ?? 0))[0];
      if (!nextLevel && higher) [firstLevel, nextLevel] = [best.level.label, higher.label];
    } else {
      const levels = doc.jobLevels.map((l) => l.label).join(", ");
      const section = kb.chunksOf(source).find((c) => (c.kind === "level" || c.kind === "placement" || c.level));
      parts.push(`${header}: ${levels}`);
      citations.push(section ? cite(source, section.path, levels) : cite(source, ["Niveaus"], levels));
    }
  }
  const systems = new Set(sources.slice(0, 3).map((s) => kb.document(s)!.system));
  const note =
    systems.size > 1
      ? say(lang, "\n\n_Let op: dit zijn verschillende functiewaarderingssystemen; de documenten rekenen ze niet in elkaar om._", "\n\n_Note: these are different job classification systems; the documents do not convert one into another._")
      : "";
  const intro = say(lang, "Volgens de functiebeschrijvingen:", "According to the job descriptions:");
  return {
    intent: "scale",
    answered: true,
    answer: `${intro}\n\n${parts.join("\n\n")}${note}`,
    citations,
    followUps: suggestFollowUps(lang, "scale", { level: firstLevel, nextLevel, role: titleOf(kb, sources[0]!) }),
  };
}

