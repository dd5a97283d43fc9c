import type { LevelFact } from "../../../domain/document.js";
import type { KnowledgeBase } from "../../../search/knowledgeBase.js";
import { fold } from "../../../text/normalize.js";
import { words } from "../../../text/tokenize.js";
import { cite, say, titleOf, type ComposeContext, type Draft } from "../../compose/draft.js";
import { suggestFollowUps } from "../../compose/followUps.js";
import { SCALE_FOLLOW_UPS } from "./followUps.js";
import { bestLines, overlap, ownStems, queryStems } from "../../compose/relevance.js";
import { candidateSources } from "../../compose/sources.js";
import { composeLevelDetail } from "./levelDetail.js";
import { refuse } from "../../compose/refusal.js";

const MAX_SOURCES = 8;
const SHOWN_SOURCES = 3;

function levelLines(level: LevelFact): string[] {
  return Object.entries(level.aspects)
    .filter(([name]) => !name.includes(":") && name !== "Kwaliteitenprofiel")
    .flatMap(([, items]) => items);
}

const foldedLines = new WeakMap<LevelFact, string[]>();

/** A level's lines as " word word " strings, folded once per level fact (an index's facts live as long as it does). */
function levelLinesFolded(level: LevelFact): string[] {
  let lines = foldedLines.get(level);
  if (!lines) foldedLines.set(level, (lines = levelLines(level).map((line) => ` ${words(line).join(" ")} `)));
  return lines;
}

function systemName(kb: KnowledgeBase, id: string): string {
  return kb.vocabulary.systems.system(id).name;
}

/**
 * How well a document's own text fits the described work: the description's
 * words (and their vocabulary relatives) against its level typings, result
 * areas and purpose. Used when the question describes work instead of naming a role.
 */
function workFit(source: string, context: ComposeContext, stems: Set<string>, own: Set<string>): number {
  const { kb } = context;
  const lines = [
    ...kb.levelsOf(source).flatMap(levelLines),
    ...kb
      .chunksOf(source)
      .filter((c) => c.kind === "result-area" || c.kind === "purpose" || c.kind === "level" || c.kind === "text")
      .flatMap((c) => c.text.split("\n")),
  ];
  const scores = lines.map((line) => overlap(line, stems, own)).sort((a, b) => b - a);
  // The best few lines decide: a profile that describes the work in several places fits better.
  return scores.slice(0, 3).reduce((a, b) => a + b, 0);
}

/**
 * Which scales or levels fit a described role or described work, per document
 * and system, with the lines that decide it; systems are never converted into
 * each other.
 */
export function composeScale(context: ComposeContext): Draft {
  const { u, kb, hits } = context;
  const lang = u.language;
  const stems = queryStems(u.searchText, kb.vocabulary);
  const own = ownStems(u.searchText);
  const hasLevels = (source: string) => (kb.document(source)?.jobLevels.length ?? 0) > 0;
  let sources = candidateSources(u, kb, hits, hasLevels).slice(0, MAX_SOURCES);
  const describing = u.workDescription || !u.roles.length;
  if (u.roles.length && !u.workDescription) {
    // Typings of other documents whose lines describe the named work count as evidence too
    // (a function group's "front office" typing for a helpdesk role); synonyms count as whole phrases.
    const phrases = kb.vocabulary
      .relatives(`${u.question} ${kb.spelled(u.question)}`)
      .filter((p) => p.length >= 4)
      .map((p) => ` ${fold(p)} `);
    // At least two words' worth of the work's own vocabulary in one typing line ("front office"), not one loose word.
    const describesWork = (source: string) =>
      kb
        .levelsOf(source)
        .some((level) =>
          levelLinesFolded(level).some((line) => phrases.filter((p) => line.includes(p)).reduce((n, p) => n + p.trim().split(" ").length, 0) >= 2),
        );
    const others = [...new Set(hits.map((h) => h.chunk.source))].filter((s) => !sources.includes(s) && kb.levelsOf(s).length > 1 && describesWork(s));
    sources = [...sources, ...others].slice(0, MAX_SOURCES);
  }
  if (describing && !u.followUp) {
    // Rank by how well each document's own text fits the described work; the search rank breaks ties.
    const ranked = sources.map((source, rank) => ({ source, fit: workFit(source, context, stems, own) - rank * 0.01 })).sort((a, b) => b.fit - a.fit);
    const best = ranked[0]?.fit ?? 0;
    sources = ranked.filter((r) => r.fit > 0 && r.fit >= best * 0.8).map((r) => r.source);
    if (!sources.length && !u.levels.length)
      return refuse(
        u,
        kb,
        say(lang, "Ik vind in de documenten geen functie die bij deze omschrijving past.", "I can't find a job in the documents that fits this description."),
      );
    if (!sources.length) sources = candidateSources(u, kb, hits, hasLevels).slice(0, MAX_SOURCES);
  }
  if (!sources.length)
    return refuse(
      u,
      kb,
      say(lang, "Ik vind in de documenten geen schaal of niveau bij deze vraag.", "I can't find a scale or level for this question in the documents."),
    );

  const asked = u.levels;
  if (asked.length) {
    const known = sources.flatMap((source) => kb.document(source)!.jobLevels);
    const missing = asked.filter((mention) => !known.some((level) => kb.vocabulary.systems.sameLevel(level, mention)));
    if (missing.length === asked.length) {
      const label = missing.map((m) => `${m.word ?? say(lang, "niveau", "level")} ${m.code}`).join(", ");
      const available = sources
        .slice(0, SHOWN_SOURCES)
        .map(
          (s) =>
            `- **${titleOf(kb, s)}** (${systemName(kb, kb.document(s)!.system)}): ${kb
              .document(s)!
              .jobLevels.map((l) => l.label)
              .join(", ")}`,
        )
        .join("\n");
      return refuse(
        u,
        kb,
        say(
          lang,
          `De documenten beschrijven geen ${label} voor deze functie(s). Wel deze niveaus:\n${available}`,
          `The documents do not describe ${label} for this job. They do describe these levels:\n${available}`,
        ),
        [],
      );
    }
  }

  // "Wat doet een medewerker in schaal 6?" asks about one level, not which level fits.
  if (asked.length === 1 && !u.signals.choosesLevel && !u.workDescription) {
    const detail = composeLevelDetail(context, sources);
    if (detail) return detail;
  }

  const parts: string[] = [];
  const citations = [];
  let firstLevel: string | undefined;
  let nextLevel: string | undefined;
  const shown = sources.slice(0, Math.max(SHOWN_SOURCES, u.roles.length));
  for (const source of shown) {
    const doc = kb.document(source)!;
    const typed = kb.levelsOf(source).filter((level) => levelLines(level).length > 0);
    const header = `**${doc.title}** (${systemName(kb, doc.system)})`;
    if (typed.length > 1) {
      // Rank the typings of this document by how well their lines match the described work.
      const ranked = typed
        .map((level) => ({
          level,
          lines: bestLines(levelLines(level), stems, 2, own, true),
          score: levelLines(level).reduce((n, line) => Math.max(n, overlap(line, stems, own)), 0),
        }))
        .sort((a, b) => b.score - a.score || (a.level.rank ?? 0) - (b.level.rank ?? 0));
      const best = ranked[0]!;
      // "Welke schalen gelden…" asks for all of them; "welke schaal past…" for the ones that fit.
      const strong =
        u.signals.listsLevels && !u.workDescription ? [] : best.score > 0 ? ranked.filter((r) => r.score >= best.score * 0.75 && r.lines.length) : [];
      if (!strong.length) {
        parts.push(
          `${header}: ${typed.map((l) => l.label).join(", ")}. ${say(lang, "Welke schaal past, hangt af van het werk; de typeringen verschillen in zwaarte.", "Which scale fits depends on the work; the typings differ in weight.")}`,
        );
        citations.push(cite(source, typed[0]!.path, typed.map((l) => l.label).join(", ")));
        continue;
      }
      const lines = strong.slice(0, 3).map((r) => `- **${r.level.label}**: ${r.lines.map((line) => `"${line}"`).join("; ")}`);
      parts.push(`${header}:\n${lines.join("\n")}`);
      for (const r of strong.slice(0, 3)) citations.push(cite(source, r.level.path, r.lines[0]));
      const higher = typed.filter((l) => (l.rank ?? 0) > (best.level.rank ?? 0)).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))[0];
      if (!nextLevel && higher) [firstLevel, nextLevel] = [best.level.label, higher.label];
    } else {
      const levels = doc.jobLevels.map((l) => l.label).join(", ");
      const section =
        kb.chunksOf(source).find((c) => c.kind === "level" || c.kind === "placement" || c.level) ??
        kb.chunksOf(source).find((c) => c.text.includes(doc.jobLevels[0]?.code ?? "\u0000"));
      const evidence = describing
        ? bestLines(
            kb
              .chunksOf(source)
              .filter((c) => c.kind !== "competency")
              .flatMap((c) => c.text.split("\n"))
              .map((l) => l.replace(/^- /, "")),
            stems,
            1,
            own,
          )[0]
        : undefined;
      parts.push(`${header}: ${levels}${evidence ? `\n- ${say(lang, "past bij", "fits")}: "${evidence}"` : ""}`);
      citations.push(section ? cite(source, section.path, levels) : cite(source, ["Niveaus"], levels));
    }
  }
  const systems = new Set(shown.map((s) => kb.document(s)!.system));
  const note =
    systems.size > 1
      ? say(
          lang,
          "\n\n_Let op: dit zijn verschillende functiewaarderingssystemen; de documenten rekenen ze niet in elkaar om._",
          "\n\n_Note: these are different job classification systems; the documents do not convert one into another._",
        )
      : "";
  const several =
    describing && shown.length > 1
      ? say(lang, "De omschrijving past bij meer dan één functie:", "The description fits more than one job:")
      : say(lang, "Volgens de functiebeschrijvingen:", "According to the job descriptions:");
  return {
    intent: "scale",
    answered: true,
    answer: `${several}\n\n${parts.join("\n\n")}${note}`,
    citations,
    followUps: suggestFollowUps(lang, SCALE_FOLLOW_UPS, { level: firstLevel, nextLevel, role: titleOf(kb, sources[0]!) }),
  };
}
